// Cloud Storage held in memory: buckets and the live generation of each object, with
// the hashes GCS computes on write (the client validates downloads against them).
import { createHash } from 'node:crypto';
import type { EmulatorState } from '../context';
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

  constructor(private readonly now: () => Date) {}

  addBucket(bucket: Omit<StoredBucket, 'timeCreated' | 'updated' | 'metageneration'> & { timeCreated?: Date }): StoredBucket {
    const timeCreated = bucket.timeCreated ?? this.now();
    const full: StoredBucket = { ...bucket, timeCreated, updated: timeCreated, metageneration: 1 };
    this.buckets.set(bucket.name, full);
    this.objects.set(bucket.name, new Map());
    return full;
  }

  deleteBucket(name: string): void {
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
    objects.set(name, stored);
    return stored;
  }

  delete(bucket: string, name: string): boolean {
    return this.objects.get(bucket)?.delete(name) ?? false;
  }

  /** Generations are microsecond timestamps, strictly increasing like GCS's. */
  private nextGeneration(at: Date): string {
    this.lastGeneration = Math.max(this.lastGeneration + 1, at.getTime() * 1000);
    return String(this.lastGeneration);
  }
}

/** The storage of an emulator, created on first use. */
export function storageOf(state: EmulatorState): StorageState {
  return (state.storage ??= new StorageState(state.now));
}
