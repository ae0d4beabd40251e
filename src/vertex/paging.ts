// Pages of a list for "Load more…", and reading several pages when a caller needs
// more than one. The official clients' List calls, with `autoPaginate: false`, answer
// [items, nextRequest, rawResponse]: the token is in the raw response.
import type { Page } from './types';

type Raw = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** One page from a gax List answer, items mapped into domain types. */
export function toPage<T>(response: readonly unknown[], map: (raw: Raw) => T): Page<T> {
  const [items, , raw] = response as [Raw[] | undefined, unknown, Raw | undefined];
  const token = raw?.nextPageToken as string | undefined;
  return { items: (items ?? []).map(map), ...(token ? { nextPageToken: token } : {}) };
}

export type PageFetcher<T> = (pageToken: string | undefined) => Promise<Page<T>>;

/**
 * Follows page tokens until `limit` items (default 1000) or the end; the result keeps
 * the token to continue from when it stopped early. A token that repeats (a server
 * bug) ends the loop instead of spinning.
 */
export async function readPages<T>(fetchPage: PageFetcher<T>, options: { limit?: number; signal?: AbortSignal } = {}): Promise<Page<T>> {
  const limit = options.limit ?? 1000;
  const items: T[] = [];
  const seen = new Set<string>();
  let token: string | undefined;
  do {
    options.signal?.throwIfAborted();
    const page = await fetchPage(token);
    items.push(...page.items);
    token = page.nextPageToken;
    if (token && seen.has(token)) token = undefined;
    if (token) seen.add(token);
  } while (token && items.length < limit);
  return { items, ...(token ? { nextPageToken: token } : {}) };
}
