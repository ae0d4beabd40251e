// Cloud Storage JSON API resources (storage#bucket, storage#object) and list paging:
// int64 fields (size, generation, metageneration) as strings, RFC 3339 times.
import type { StoredBucket, StoredObject } from './storageState';
import { invalidRequest } from './storageError';

const API = 'https://www.googleapis.com/storage/v1';
type Json = Record<string, unknown>;

export function bucketResource(b: StoredBucket): Json {
  const etag = Buffer.from(`bucket:${b.metageneration}`).toString('base64');
  return {
    kind: 'storage#bucket',
    selfLink: `${API}/b/${b.name}`,
    id: b.name,
    name: b.name,
    projectNumber: b.projectNumber,
    metageneration: String(b.metageneration),
    location: b.location,
    storageClass: b.storageClass,
    etag,
    timeCreated: b.timeCreated.toISOString(),
    updated: b.updated.toISOString(),
    ...(b.labels ? { labels: b.labels } : {}),
    iamConfiguration: { bucketPolicyOnly: { enabled: true }, uniformBucketLevelAccess: { enabled: true }, publicAccessPrevention: 'inherited' },
    locationType: b.location.includes('-') ? 'region' : 'multi-region',
    rpo: 'DEFAULT',
  };
}

export function objectResource(o: StoredObject): Json {
  const encoded = encodeURIComponent(o.name);
  return {
    kind: 'storage#object',
    id: `${o.bucket}/${o.name}/${o.generation}`,
    selfLink: `${API}/b/${o.bucket}/o/${encoded}`,
    mediaLink: `https://storage.googleapis.com/download/storage/v1/b/${o.bucket}/o/${encoded}?generation=${o.generation}&alt=media`,
    name: o.name,
    bucket: o.bucket,
    generation: o.generation,
    metageneration: String(o.metageneration),
    contentType: o.contentType,
    storageClass: 'STANDARD',
    size: String(o.data.length),
    md5Hash: o.md5Hash,
    crc32c: o.crc32c,
    etag: Buffer.from(`${o.generation}:${o.metageneration}`).toString('base64'),
    timeCreated: o.timeCreated.toISOString(),
    updated: o.updated.toISOString(),
    timeStorageClassUpdated: o.timeCreated.toISOString(),
    timeFinalized: o.timeCreated.toISOString(),
    ...(o.contentEncoding ? { contentEncoding: o.contentEncoding } : {}),
    ...(o.cacheControl ? { cacheControl: o.cacheControl } : {}),
    ...(o.metadata ? { metadata: o.metadata } : {}),
  };
}

/** Page tokens are opaque: here, the name to continue after. */
export function pageAfter(query: URLSearchParams): { after?: string; max: number } {
  const token = query.get('pageToken');
  const max = Number(query.get('maxResults') ?? 1000);
  if (!Number.isInteger(max) || max < 1) throw invalidRequest(`Invalid value for maxResults: ${query.get('maxResults')}`);
  return { after: token ? Buffer.from(token, 'base64url').toString() : undefined, max: Math.min(max, 1000) };
}

export const tokenFor = (name: string) => Buffer.from(name).toString('base64url');
