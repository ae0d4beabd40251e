// In-memory resources keyed by canonical resource name (project number form). Each
// collection ("projects/1/locations/us-central1/endpoints") keeps insertion order,
// which is the default list order.
import type { JsonObject } from './wireCodec';

export interface StoredResource {
  /** Full proto type, e.g. google.cloud.aiplatform.v1.Endpoint: drives encoding. */
  typeName: string;
  data: JsonObject;
}

/** Persistence's view of the store: handlers may change what they read in place. */
export interface StoreObserver {
  read(name: string, resource: StoredResource): void;
  written(name: string, resource: StoredResource): void;
  deleted(name: string): void;
}

export class ResourceStore {
  private readonly collections = new Map<string, Map<string, StoredResource>>();
  observer?: StoreObserver;

  get(name: string): StoredResource | undefined {
    const { collection, id } = splitName(name);
    const resource = this.collections.get(collection)?.get(id);
    if (resource) this.observer?.read(name, resource);
    return resource;
  }

  has(name: string): boolean {
    return this.get(name) !== undefined;
  }

  /** Also true for a versioned resource stored only as `name@version` entries (models). */
  exists(name: string): boolean {
    if (this.has(name)) return true;
    const { collection, id } = splitName(name);
    for (const key of this.collections.get(collection)?.keys() ?? []) if (key.startsWith(`${id}@`)) return true;
    return false;
  }

  put(name: string, typeName: string, data: JsonObject): StoredResource {
    const { collection, id } = splitName(name);
    let members = this.collections.get(collection);
    if (!members) {
      members = new Map();
      this.collections.set(collection, members);
    }
    const resource = { typeName, data };
    members.set(id, resource);
    this.observer?.written(name, resource);
    return resource;
  }

  delete(name: string): boolean {
    const { collection, id } = splitName(name);
    const deleted = this.collections.get(collection)?.delete(id) ?? false;
    if (deleted) this.observer?.deleted(name);
    return deleted;
  }

  /** Direct members of `parent/collection`, in insertion order. */
  list(parent: string, collection: string): StoredResource[] {
    const members = this.collections.get(`${parent}/${collection}`);
    if (members && this.observer) for (const [id, resource] of members) this.observer.read(`${parent}/${collection}/${id}`, resource);
    return [...(members?.values() ?? [])];
  }

  /** Every resource under a name prefix (children of a deleted parent, seeds stats). */
  *under(prefix: string): Iterable<[string, StoredResource]> {
    for (const [collection, members] of this.collections) {
      if (collection !== prefix && !collection.startsWith(`${prefix}/`)) continue;
      for (const [id, resource] of members) {
        this.observer?.read(`${collection}/${id}`, resource);
        yield [`${collection}/${id}`, resource];
      }
    }
  }

  /** Every resource, unobserved (persistence snapshots). */
  *all(): Iterable<[string, StoredResource]> {
    for (const [collection, members] of this.collections) for (const [id, resource] of members) yield [`${collection}/${id}`, resource];
  }

  /** Drops everything, unobserved (persistence restores). */
  clear(): void {
    this.collections.clear();
  }
}

export function splitName(name: string): { collection: string; id: string } {
  const slash = name.lastIndexOf('/');
  return { collection: name.slice(0, slash), id: name.slice(slash + 1) };
}
