// The Vertex side of durable state: the resource store, the operations and the id
// sequence; persistState also plugs in Cloud Storage and BigQuery. Handlers change stored resources in place as often as they put them
// (`version.data = …`), so within a mutating request every resource read is remembered
// with its JSON and written to the journal at commit if it changed.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { EmulatorState } from '../context';
import type { IdGenerator } from '../ids';
import type { OperationStore } from '../operations';
import type { ResourceStore, StoreObserver, StoredResource } from '../store';
import type { JsonObject } from '../wireCodec';
import { persistBigQuery } from './bigQueryPart';
import type { DurableState, PersistentPart, Recorder } from './durableState';
import { persistStorage } from './storagePart';

type StoreEntry = { put: string; typeName: string; data: JsonObject } | { delete: string };
type OperationEntry = { op: JsonObject } | { delete: string };

/**
 * Makes the state's store, operations and ids (and Cloud Storage and BigQuery) durable in
 * `durable`. `seed` runs after the id counter is in place (seeds draw ids) and before the
 * saved state replaces the seeded one.
 */
export function persistState(state: EmulatorState, durable: DurableState, seed: () => void): void {
  const ids = new IdsPart(state.ids);
  seed();
  ids.record = durable.register(ids);
  const store = new StorePart(state.store);
  store.record = durable.register(store);
  state.store.observer = store;
  const operations = new OperationsPart(state.operations);
  operations.record = durable.register(operations);
  state.operations.onChange = (name, data) => {
    operations.record(data ? { op: data } : { delete: name });
    // A finished operation is answered by later polls; commit now, from the context of
    // the request that started it, so in-place changes its work made are seen.
    if (data?.done === true) durable.commit();
  };
  persistStorage(state, durable);
  persistBigQuery(state, durable);
  durable.initialize();
  durable.commit(); // a part new to an existing data dir records its first state
}

class StorePart implements PersistentPart, StoreObserver {
  readonly key = 'store';
  record: Recorder = () => undefined;
  /** Per mutating request: what it read, with the JSON it had (undefined: just written). */
  private readonly touched = new AsyncLocalStorage<Map<StoredResource, { name: string; json?: string }>>();
  private quiet = false;

  constructor(private readonly store: ResourceStore) {}

  snapshot(): unknown {
    return [...this.store.all()].map(([name, r]) => [name, r.typeName, r.data]);
  }

  restore(snapshot: unknown): void {
    this.store.clear();
    for (const [name, typeName, data] of snapshot as [string, string, JsonObject][]) this.store.put(name, typeName, data);
  }

  replay(entry: unknown): void {
    const e = entry as StoreEntry;
    if ('put' in e) this.store.put(e.put, e.typeName, e.data);
    else this.store.delete(e.delete);
  }

  track<T>(work: () => T): T {
    return this.touched.run(new Map(), work);
  }

  read(name: string, resource: StoredResource): void {
    const touched = this.quiet ? undefined : this.touched.getStore();
    if (touched && !touched.has(resource)) touched.set(resource, { name, json: JSON.stringify(resource) });
  }

  written(name: string, resource: StoredResource): void {
    this.record({ put: name, typeName: resource.typeName, data: resource.data });
    this.touched.getStore()?.set(resource, { name });
  }

  deleted(name: string): void {
    this.record({ delete: name });
  }

  flush(): void {
    const touched = this.touched.getStore();
    if (!touched) return;
    this.quiet = true;
    try {
      for (const [resource, seen] of touched) {
        if (this.store.get(seen.name) !== resource) {
          touched.delete(resource); // replaced or deleted: its own entry says so
          continue;
        }
        const json = JSON.stringify(resource);
        if (seen.json !== undefined && json !== seen.json) this.record({ put: seen.name, typeName: resource.typeName, data: resource.data });
        seen.json = json;
      }
    } finally {
      this.quiet = false;
    }
  }
}

class OperationsPart implements PersistentPart {
  readonly key = 'operations';
  record: Recorder = () => undefined;

  constructor(private readonly operations: OperationStore) {}

  snapshot(): unknown {
    return this.operations.all();
  }

  restore(snapshot: unknown): void {
    for (const op of snapshot as JsonObject[]) this.operations.restore(op);
  }

  replay(entry: unknown): void {
    const e = entry as OperationEntry;
    if ('op' in e) this.operations.restore(e.op);
    else this.operations.delete(e.delete);
  }
}

/** Counts ids drawn, so a restart continues the sequence instead of handing out used ids. */
class IdsPart implements PersistentPart {
  readonly key = 'ids';
  record: Recorder = () => undefined;
  private drawn = 0;
  private recorded = 0;
  private readonly draw: () => string;

  constructor(ids: IdGenerator) {
    this.draw = ids.next.bind(ids);
    ids.next = () => {
      this.drawn++;
      return this.draw();
    };
  }

  snapshot(): unknown {
    return this.drawn;
  }

  restore(snapshot: unknown): void {
    this.advance(Number(snapshot));
  }

  replay(entry: unknown): void {
    this.advance((entry as { drawn: number }).drawn);
  }

  flush(): void {
    if (this.drawn === this.recorded) return;
    this.record({ drawn: this.drawn });
    this.recorded = this.drawn;
  }

  private advance(target: number): void {
    while (this.drawn < target) {
      this.drawn++;
      this.draw();
    }
    this.recorded = this.drawn;
  }
}
