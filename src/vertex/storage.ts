// Cloud Storage through @google-cloud/storage (the lazy `storage` chunk): list buckets
// and gs:// objects (to pick tuning JSONL), and upload a local file. The library's own
// retry is off: listings go through withRetry; an upload is repeated only when it
// carries `ifGenerationMatch: 0` (create-only), which makes a repeat harmless.
import * as l10n from '@vscode/l10n';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import type { ClientPool } from './clients';
import { toDate, toNumber } from './protoValues';
import { withRetry, type RetryOptions } from './retry';
import type { Page } from './types';

type Raw = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface GcsBucket {
  readonly name: string;
  readonly location?: string;
}

export interface GcsObject {
  readonly bucket: string;
  readonly name: string;
  /** gs://bucket/name */
  readonly uri: string;
  readonly size?: number;
  readonly updated?: Date;
  readonly contentType?: string;
}

export interface GcsListOptions extends Pick<RetryOptions, 'signal' | 'deadlineMs'> {
  readonly pageSize?: number;
  readonly pageToken?: string;
  readonly prefix?: string;
  /** "/" lists one level: objects here, and sub-"folders" in `prefixes`. */
  readonly delimiter?: string;
}

export interface UploadOptions extends Pick<RetryOptions, 'signal' | 'deadlineMs'> {
  /** Replace an existing object (then the upload is never repeated). Default: fail if it exists. */
  readonly overwrite?: boolean;
  readonly contentType?: string;
}

export function parseGcsUri(uri: string): { bucket: string; object: string } {
  const m = /^gs:\/\/([^/]+)\/?(.*)$/.exec(uri);
  if (!m) throw new Error(l10n.t('Not a Cloud Storage URI: {0} (expected gs://bucket/path).', uri));
  return { bucket: m[1], object: m[2] };
}

export async function listBuckets(pool: ClientPool, options: GcsListOptions = {}): Promise<Page<GcsBucket>> {
  const storage = await pool.storage();
  const [buckets, next] = await withRetry('ListBuckets', () => storage.getBuckets({ ...paging(options), autoPaginate: false }), options);
  return page(buckets.map((b) => ({ name: b.name, location: b.metadata?.location })), next);
}

export async function listObjects(pool: ClientPool, bucket: string, options: GcsListOptions = {}): Promise<Page<GcsObject> & { prefixes: string[] }> {
  const storage = await pool.storage();
  const query = { ...paging(options), autoPaginate: false, ...(options.prefix ? { prefix: options.prefix } : {}), ...(options.delimiter ? { delimiter: options.delimiter } : {}) };
  const [files, next, response] = await withRetry('ListObjects', () => storage.bucket(bucket).getFiles(query), options);
  return { ...page(files.map((f) => toObject(bucket, f.name, f.metadata)), next), prefixes: ((response as Raw | undefined)?.prefixes ?? []) as string[] };
}

/**
 * Checks that gs://bucket/object exists (objects.get; a missing one fails with NOT_FOUND) and
 * streams at most its first `maxBytes` (a ranged download): a huge object is never read whole.
 */
export async function readObjectStart(pool: ClientPool, uri: string, maxBytes: number, options: Pick<RetryOptions, 'signal' | 'deadlineMs'> = {}): Promise<{ object: GcsObject; bytes: Buffer; truncated: boolean }> {
  const storage = await pool.storage();
  const { bucket, object } = parseGcsUri(uri);
  if (!object) throw new Error(l10n.t('Name the object: {0} ends at the bucket.', uri));
  const file = storage.bucket(bucket).file(object);
  const [metadata] = await withRetry('GetObject', () => file.getMetadata(), options);
  const found = toObject(bucket, object, metadata);
  const size = found.size ?? 0;
  const chunks: Buffer[] = [];
  let read = 0;
  if (size > 0) {
    // Whole-object hashes cannot check a range: validation is off for it.
    const stream = file.createReadStream({ start: 0, end: Math.min(size, maxBytes) - 1, validation: false });
    await pipeline(stream, async (source: AsyncIterable<Buffer>) => {
      for await (const chunk of source) {
        chunks.push(chunk);
        read += chunk.length;
        if (read >= maxBytes) break;
      }
    }, { signal: options.signal });
  }
  const bytes = Buffer.concat(chunks).subarray(0, maxBytes);
  return { object: found, bytes, truncated: size > bytes.length };
}

/** Uploads a local file to gs://bucket/object; resolves with the stored object. */
export async function uploadFile(pool: ClientPool, localPath: string, uri: string, options: UploadOptions = {}): Promise<GcsObject> {
  const storage = await pool.storage();
  const { bucket, object } = parseGcsUri(uri);
  if (!object) throw new Error(l10n.t('Name the object to create: {0} ends at the bucket.', uri));
  const { size } = await stat(localPath);
  const file = storage.bucket(bucket).file(object);
  return withRetry(
    'UploadObject',
    async ({ attempt, signal }) => {
      try {
        await pipeline(
          createReadStream(localPath),
          file.createWriteStream({
            resumable: size > 8 * 1024 * 1024,
            metadata: options.contentType ? { contentType: options.contentType } : undefined,
            ...(options.overwrite ? {} : { preconditionOpts: { ifGenerationMatch: 0 } }),
          }),
          { signal },
        );
      } catch (err) {
        if ((err as { code?: unknown }).code !== 412) throw err;
        // A repeat that finds the object: the previous attempt got through before its answer was lost.
        const [metadata] = attempt > 1 ? await file.getMetadata() : [undefined];
        if (toNumber(metadata?.size) !== size) {
          throw Object.assign(new Error(l10n.t('{0} already exists; upload with overwrite to replace it', uri)), { code: 6, cause: err });
        }
      }
      return toObject(bucket, object, file.metadata);
    },
    { ...options, idempotent: !options.overwrite },
  );
}

function toObject(bucket: string, name: string, metadata: Raw | undefined): GcsObject {
  return {
    bucket,
    name,
    uri: `gs://${bucket}/${name}`,
    size: toNumber(metadata?.size),
    updated: toDate(metadata?.updated),
    contentType: metadata?.contentType || undefined,
  };
}

function paging(options: GcsListOptions): { maxResults: number; pageToken?: string } {
  return { maxResults: options.pageSize ?? 100, ...(options.pageToken ? { pageToken: options.pageToken } : {}) };
}

function page<T>(items: T[], next: unknown): Page<T> {
  const token = (next as { pageToken?: string } | null | undefined)?.pageToken;
  return { items, ...(token ? { nextPageToken: token } : {}) };
}

/** An object's text (for a dataset a job's error points into); bounded, so a huge file is not read whole. */
export async function readObjectText(pool: ClientPool, uri: string, maxBytes = 32 * 1024 * 1024): Promise<string> {
  const { bucket, object } = parseGcsUri(uri);
  const [data] = await (await pool.storage()).bucket(bucket).file(object).download({ start: 0, end: maxBytes - 1 });
  return data.toString('utf8');
}
