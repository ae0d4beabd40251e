// Cloud Storage under --data-dir. The bytes of each object generation go to
// objects/<generation> (temp file, fsync, rename) before the upload is answered; bucket
// and object metadata go through the journal. Bytes of a deleted or replaced generation
// are removed only once the change that dropped them is on disk, and files no metadata
// names (a crash between the bytes and the journal line) are removed at start-up. Upload
// sessions between their first and last PUT stay in memory.
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { EmulatorState } from '../context';
import { storageOf, type StorageObserver, type StorageState, type StoredBucket, type StoredObject } from '../storage/storageState';
import { writeFileDurably } from './dataFiles';
import type { DurableState, PersistentPart, Recorder } from './durableState';

/** StoredBucket / StoredObject as JSON: times as ISO strings, no bytes. */
type Dated<T> = Omit<T, 'timeCreated' | 'updated'> & { timeCreated: string; updated: string };
type BucketJson = Dated<StoredBucket>;
type ObjectJson = Dated<Omit<StoredObject, 'data'>>;

interface StorageSnapshot {
  generation: number;
  buckets: BucketJson[];
  objects: ObjectJson[];
}

type StorageEntry = { all: StorageSnapshot } | { bucket: BucketJson } | { deleteBucket: string } | { object: ObjectJson } | { deleteObject: [string, string] };

/** Makes the emulator's Cloud Storage durable in `durable`; call after seeding. */
export function persistStorage(state: EmulatorState, durable: DurableState): void {
  const storage = storageOf(state);
  const part = new StoragePart(storage, join(durable.dir, 'objects'));
  part.record = durable.register(part);
  part.load();
  storage.observer = part;
}

const keyOf = (bucket: string, name: string) => `${bucket}/${name}`;
const toJson = <T>(value: T) => JSON.parse(JSON.stringify(value)) as Dated<T>;

class StoragePart implements PersistentPart, StorageObserver {
  readonly key = 'storage';
  record: Recorder = () => undefined;
  /** Metadata read from disk, until load() turns it into objects with their bytes. */
  private restored?: { generation: number; buckets: Map<string, BucketJson>; objects: Map<string, ObjectJson> };
  /** Generations whose bytes are in the directory. */
  private readonly onDisk = new Set<string>();
  /** Generations to remove at the next commit. */
  private garbage: string[] = [];

  constructor(
    private readonly storage: StorageState,
    private readonly dir: string,
  ) {
    mkdirSync(dir, { recursive: true });
  }

  snapshot(): StorageSnapshot {
    return { generation: this.storage.generationCounter(), buckets: [...this.storage.buckets.values()].map(toJson), objects: this.storage.allObjects().map(metadataOf) };
  }

  restore(snapshot: unknown): void {
    const s = snapshot as StorageSnapshot;
    this.restored = { generation: s.generation, buckets: new Map(s.buckets.map((b) => [b.name, b])), objects: new Map(s.objects.map((o) => [keyOf(o.bucket, o.name), o])) };
  }

  replay(entry: unknown): void {
    const e = entry as StorageEntry;
    if ('all' in e) return this.restore(e.all);
    const r = (this.restored ??= { generation: 0, buckets: new Map(), objects: new Map() });
    if ('bucket' in e) r.buckets.set(e.bucket.name, e.bucket);
    else if ('deleteBucket' in e) r.buckets.delete(e.deleteBucket);
    else if ('object' in e) {
      r.objects.set(keyOf(e.object.bucket, e.object.name), e.object);
      r.generation = Math.max(r.generation, Number(e.object.generation));
    } else r.objects.delete(keyOf(...e.deleteObject));
  }

  /** After register(): the restored state replaces the seeded one; a new data dir stores the seeded bytes. */
  load(): void {
    const r = this.restored;
    this.restored = undefined;
    if (r) {
      const buckets = [...r.buckets.values()].map((b) => ({ ...b, timeCreated: new Date(b.timeCreated), updated: new Date(b.updated) }));
      this.storage.restore(buckets, [...r.objects.values()].map((o) => this.objectOf(o)), r.generation);
    } else {
      for (const object of this.storage.allObjects()) this.writeBytes(object);
      this.record({ all: this.snapshot() });
    }
    for (const file of readdirSync(this.dir)) if (!this.onDisk.has(file)) rmSync(join(this.dir, file), { force: true });
  }

  bucketPut(bucket: StoredBucket): void {
    this.record({ bucket: toJson(bucket) });
  }

  bucketDeleted(name: string): void {
    this.record({ deleteBucket: name });
  }

  objectPut(object: StoredObject): void {
    if (!this.onDisk.has(object.generation)) {
      this.writeBytes(object);
      const replaced = this.storage.get(object.bucket, object.name);
      if (replaced) this.garbage.push(replaced.generation);
    }
    this.record({ object: metadataOf(object) });
  }

  objectDeleted(object: StoredObject): void {
    this.record({ deleteObject: [object.bucket, object.name] });
    this.garbage.push(object.generation);
  }

  committed(): void {
    for (const generation of this.garbage) {
      rmSync(join(this.dir, generation), { force: true });
      this.onDisk.delete(generation);
    }
    this.garbage = [];
  }

  private writeBytes(object: StoredObject): void {
    writeFileDurably(join(this.dir, object.generation), object.data);
    this.onDisk.add(object.generation);
  }

  private objectOf(o: ObjectJson): StoredObject {
    const path = join(this.dir, o.generation);
    let data: Buffer;
    try {
      data = readFileSync(path);
    } catch (err) {
      throw new Error(`${path}: the bytes of gs://${o.bucket}/${o.name} are missing from the data dir.`, { cause: err });
    }
    this.onDisk.add(o.generation);
    return { ...o, data, timeCreated: new Date(o.timeCreated), updated: new Date(o.updated) };
  }
}

function metadataOf(object: StoredObject): ObjectJson {
  return toJson({ ...object, data: undefined }) as ObjectJson;
}
