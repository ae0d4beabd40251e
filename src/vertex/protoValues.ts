// Normalises protobuf quirks of the clients' answers (Long/string int64,
// {seconds,nanos} timestamps, enums as numbers or names) into plain values.

type LongLike = { toNumber(): number } | { low: number; high: number };

export function toNumber(value: unknown): number | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return Number(value);
  if (typeof value === 'object') {
    const v = value as LongLike;
    if ('toNumber' in v) return v.toNumber();
    if ('low' in v) return v.high * 2 ** 32 + (v.low >>> 0);
  }
  return undefined;
}

export function toDate(value: unknown): Date | undefined {
  if (!value) return undefined;
  if (value instanceof Date) return value;
  if (typeof value === 'string') {
    const d = new Date(value);
    return Number.isNaN(d.getTime()) ? undefined : d;
  }
  if (typeof value === 'object') {
    const { seconds, nanos } = value as { seconds?: unknown; nanos?: unknown };
    const s = toNumber(seconds);
    if (s === undefined) return undefined;
    return new Date(s * 1000 + Math.floor((toNumber(nanos) ?? 0) / 1e6));
  }
  return undefined;
}

/** Reads an enum that may arrive as its number or its name. */
export function enumName<T extends string>(names: readonly T[], value: unknown): T {
  if (typeof value === 'number') return names[value] ?? names[0];
  if (typeof value === 'string' && (names as readonly string[]).includes(value)) return value as T;
  return names[0];
}

/** The last segment of a resource name: the id. */
export function resourceId(name: string): string {
  return name.slice(name.lastIndexOf('/') + 1);
}

/** The location segment of a resource name. */
export function resourceRegion(name: string): string {
  return name.match(/\/locations\/([^/]+)/)?.[1] ?? '';
}

export function labelsOf(value: unknown): Record<string, string> {
  return value && typeof value === 'object' ? { ...(value as Record<string, string>) } : {};
}
