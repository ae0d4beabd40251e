// Cloud Storage held in memory: buckets and the live generation of each object, with
// the hashes GCS computes on write (the client validates downloads against them). With
// --data-dir an observer (persistence/storagePart.ts) sees every change before it is
// answered.
import { createHash } from 'node:crypto';
import { crc32c } from './crc32c';

export interface StoredBucket {
  name: string;
  projectNumber: string;
  location: string;
  storageClass: string;
  timeCreated: Date;
  updated: Date;
  metageneration: number;
  labels?: Record<string, string>;
}

export interface StoredObject {
  bucket: string;
  name: string;
  data: Buffer;
  contentType: string;
  generation: string;
  metageneration: number;
  timeCreated: Date;
  updated: Date;
  md5Hash: string;
  crc32c: string;
  metadata?: Record<string, string>;
  contentEncoding?: string;
  cacheControl?: string;
}

export interface ObjectInput {
  data: Buffer;
  contentType?: string;
  metadata?: Record<string, string>;
  contentEncoding?: string;
  cacheControl?: string;
}

/** Told of every change; objectPut comes before the new generation is visible, so its bytes can go to disk first. */
export interface StorageObserver {
  bucketPut(bucket: StoredBucket): void;
  bucketDeleted(name: string): void;
  /** A new generation, or new metadata of the same one (objects.patch). */
  objectPut(object: StoredObject): void;
  objectDeleted(object: StoredObject): void;
}

/** A resumable upload between its POST (session URI) and its last PUT. */
export interface UploadSession {
  bucket: string;
  name: string;
  input: Omit<ObjectInput, 'data'>;
  chunks: Buffer[];
  received: number;
  ifGenerationMatch?: string;
  done?: StoredObject;
}

export class StorageState {
  readonly buckets = new Map<string, StoredBucket>();
  readonly sessions = new Map<string, UploadSession>();
  private readonly objects = new Map<string, Map<string, StoredObject>>();
  private lastGeneration = 0;
  observer?: StorageObserver;

  constructor(private readonly now: () => Date) {}

  /** Replaces everything with restored buckets and objects (persistence). */
  restore(buckets: StoredBucket[], objects: StoredObject[], lastGeneration: number): void {
    this.buckets.clear();
    this.objects.clear();
    for (const bucket of buckets) {
      this.buckets.set(bucket.name, bucket);
      this.objects.set(bucket.name, new Map());
    }
    for (const object of objects) this.objects.get(object.bucket)?.set(object.name, object);
    this.lastGeneration = lastGeneration;
  }

  /** All objects of all buckets. */
  allObjects(): StoredObject[] {
    return [...this.objects.values()].flatMap((objects) => [...objects.values()]);
  }

  addBucket(bucket: Omit<StoredBucket, 'timeCreated' | 'updated' | 'metageneration'> & { timeCreated?: Date }): StoredBucket {
    const timeCreated = bucket.timeCreated ?? this.now();
    const full: StoredBucket = { ...bucket, timeCreated, updated: timeCreated, metageneration: 1 };
    this.observer?.bucketPut(full);
    this.buckets.set(bucket.name, full);
    this.objects.set(bucket.name, new Map());
    return full;
  }

  deleteBucket(name: string): void {
    if (this.buckets.has(name)) this.observer?.bucketDeleted(name);
    this.buckets.delete(name);
    this.objects.delete(name);
  }

  /** Objects of a bucket sorted by name, as GCS lists them (lexicographic by bytes). */
  list(bucket: string): StoredObject[] {
    return [...(this.objects.get(bucket)?.values() ?? [])].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  get(bucket: string, name: string): StoredObject | undefined {
    return this.objects.get(bucket)?.get(name);
  }

  /** Writes a new generation (GCS overwrites are whole-object). The bucket must exist. */
  put(bucket: string, name: string, input: ObjectInput, at = this.now()): StoredObject {
    const objects = this.objects.get(bucket);
    if (!objects) throw new Error(`No such bucket: ${bucket}`);
    const stored: StoredObject = {
      bucket,
      name,
      data: input.data,
      contentType: input.contentType ?? 'application/octet-stream',
      generation: this.nextGeneration(at),
      metageneration: 1,
      timeCreated: at,
      updated: at,
      md5Hash: createHash('md5').update(input.data).digest('base64'),
      crc32c: crc32c(input.data),
      metadata: input.metadata,
      contentEncoding: input.contentEncoding,
      cacheControl: input.cacheControl,
    };
    this.observer?.objectPut(stored);
    objects.set(name, stored);
    return stored;
  }

  /** Metadata changed in place (objects.patch). */
  updated(object: StoredObject): void {
    this.observer?.objectPut(object);
  }

  delete(bucket: string, name: string): boolean {
    const object = this.get(bucket, name);
    if (object) this.observer?.objectDeleted(object);
    return this.objects.get(bucket)?.delete(name) ?? false;
  }

  /** The generation counter, so a restart never hands out a generation already used. */
  generationCounter(): number {
    return this.lastGeneration;
  }

  /** Generations are microsecond timestamps, strictly increasing like GCS's. */
  private nextGeneration(at: Date): string {
    this.lastGeneration = Math.max(this.lastGeneration + 1, at.getTime() * 1000);
    return String(this.lastGeneration);
  }
}

/** The storage of an emulator, created on first use. */
export function storageOf(state: { storage?: StorageState; now: () => Date }): StorageState {
  return (state.storage ??= new StorageState(state.now));
}
