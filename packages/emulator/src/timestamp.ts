// The wire form of a time (RFC 3339, UTC), as every resource and operation carries it.
export function timestamp(date: Date): string {
  return date.toISOString();
}
