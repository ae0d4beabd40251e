// The loaded children of every expanded node, by source key: one request at a time
// per node (concurrent expansions share it), kept until reloaded, and reloaded in
// place: nodes keep their identity and the old items stay until new ones arrive.
// No vscode: the provider turns what changed into tree events.
import type { ClientPool } from '../../vertex/clients';
import { parseError, type ActionableError } from '../../vertex/parseError';
import type { PagedSource, ResourceNode, TreeNode } from './treeNodes';

export interface Listing {
  readonly source: PagedSource;
  readonly parent: TreeNode | undefined;
  nodes: ResourceNode[];
  nextPageToken?: string;
  error?: ActionableError;
  loaded: boolean;
  /** Marked by a refresh: the next look reloads it, showing the old items meanwhile. */
  stale: boolean;
  inflight?: Promise<LoadResult>;
}

/** What a load changed: the list itself (ids, order, error) or only some items' values. */
export interface LoadResult {
  readonly structural: boolean;
  readonly changed: ResourceNode[];
}

export interface ListingOptions {
  pool(): Promise<ClientPool>;
  pageSize(): number;
  serverFilter(source: PagedSource): string | undefined;
  log?(message: string): void;
  /** Google refused the credentials: one signed-out state for every view, not an error row per list. */
  onSignedOut?(): void;
}

const MAX_PAGE = 1000;

export class TreeListings {
  private readonly listings = new Map<string, Listing>();
  private readonly stamps = new WeakMap<ResourceNode, string>();

  constructor(private readonly options: ListingOptions) {}

  get(source: PagedSource, parent: TreeNode | undefined): Listing {
    let listing = this.listings.get(source.key);
    if (!listing) {
      listing = { source, parent, nodes: [], loaded: false, stale: false };
      this.listings.set(source.key, listing);
    }
    return listing;
  }

  all(): Listing[] {
    return [...this.listings.values()];
  }

  /** Loads the first page, or reloads what is loaded (same count) in place. Concurrent calls share one request. */
  load(listing: Listing): Promise<LoadResult> {
    if (listing.inflight) return listing.inflight;
    listing.stale = false;
    const reload = listing.loaded && listing.nodes.length > 0;
    const pageSize = Math.min(MAX_PAGE, Math.max(this.options.pageSize(), reload ? listing.nodes.length : 0));
    return this.track(listing, async (pool) => {
      const page = await listing.source.list(pool, { pageSize, filter: this.options.serverFilter(listing.source) });
      return this.merge(listing, page.items, page.nextPageToken, false);
    });
  }

  /** The next page, appended. */
  loadMore(listing: Listing): Promise<LoadResult> {
    if (listing.inflight) return listing.inflight;
    const pageToken = listing.nextPageToken;
    if (!pageToken) return Promise.resolve({ structural: false, changed: [] });
    return this.track(listing, async (pool) => {
      const page = await listing.source.list(pool, { pageSize: this.options.pageSize(), pageToken, filter: this.options.serverFilter(listing.source) });
      return this.merge(listing, page.items, page.nextPageToken, true);
    });
  }

  /** A new value for one loaded node (a followed job's latest): true when it differs from the one shown. */
  update(node: ResourceNode, value: unknown): boolean {
    const stamp = JSON.stringify(value);
    node.value = value;
    if (this.stamps.get(node) === stamp) return false;
    this.stamps.set(node, stamp);
    return true;
  }

  /** Every listing will reload when next looked at. */
  markStale(): void {
    for (const listing of this.listings.values()) listing.stale = true;
  }

  /** Forgets listings (all, or those a predicate picks), e.g. when the filter changes what the server returns. */
  clear(pick: (listing: Listing) => boolean = () => true): void {
    for (const [key, listing] of this.listings) if (pick(listing)) this.listings.delete(key);
  }

  private track(listing: Listing, run: (pool: ClientPool) => Promise<LoadResult>): Promise<LoadResult> {
    const started = performance.now();
    const inflight = this.options
      .pool()
      .then(run)
      .then(
        (result) => {
          this.options.log?.(`Listed ${listing.nodes.length} ${listing.source.kind} in ${listing.source.key} in ${(performance.now() - started).toFixed(0)} ms`);
          return result;
        },
        (error: unknown) => {
          const parsed = parseError(error);
          if (parsed.action === 'signIn' && this.options.onSignedOut) {
            // What was loaded stays; the list reloads after the next sign-in.
            this.options.log?.(`Listing ${listing.source.key}: not signed in`);
            this.options.onSignedOut();
            return { structural: false, changed: [] };
          }
          listing.error = parsed;
          listing.loaded = true;
          this.options.log?.(`Listing ${listing.source.key} failed: ${listing.error.message}`);
          return { structural: true, changed: [] };
        },
      )
      .finally(() => {
        if (listing.inflight === inflight) listing.inflight = undefined;
      });
    listing.inflight = inflight;
    return inflight;
  }

  private merge(listing: Listing, items: unknown[], nextPageToken: string | undefined, append: boolean): LoadResult {
    const { source } = listing;
    const existing = new Map(listing.nodes.map((n) => [source.idOf(n.value), n]));
    const changed: ResourceNode[] = [];
    const fresh = items.map((value) => {
      const id = source.idOf(value);
      const stamp = JSON.stringify(value);
      let node = existing.get(id);
      if (node) {
        if (this.stamps.get(node) !== stamp) changed.push(node);
        node.value = value;
      } else {
        node = { type: 'resource', kind: source.kind, value, parent: listing.parent };
      }
      this.stamps.set(node, stamp);
      return node;
    });
    const nodes = append ? [...listing.nodes, ...fresh.filter((n) => !listing.nodes.includes(n))] : fresh;
    const sameIds = nodes.length === listing.nodes.length && nodes.every((n, i) => n === listing.nodes[i]);
    const structural = !sameIds || listing.error !== undefined || !listing.loaded || Boolean(nextPageToken) !== Boolean(listing.nextPageToken);
    listing.nodes = nodes;
    listing.nextPageToken = nextPageToken;
    listing.error = undefined;
    listing.loaded = true;
    return { structural, changed };
  }
}
