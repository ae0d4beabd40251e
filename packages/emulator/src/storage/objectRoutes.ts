// Cloud Storage objects: list (prefix, delimiter → prefixes, paging), metadata get and
// patch, media download (alt=media, ranges, x-goog-hash for the client's validation),
// delete.
import type { CustomCall, CustomRoute, HttpResult } from '../context';
import { noSuchObject, StorageError } from './storageError';
import { objectResource, pageAfter, tokenFor } from './storageResources';
import { bucketOf, checkPreconditions, noContent, storageRoute } from './storageRoute';
import { storageOf, type StoredObject } from './storageState';

const OBJECT = '/storage/v1/b/{bucket}/o/{object=**}';

export function objectRoutes(): CustomRoute[] {
  return [
    storageRoute('GET', '/storage/v1/b/{bucket}/o', 'objects.list', listObjects),
    storageRoute('GET', OBJECT, 'objects.get', (call) => (call.query.get('alt') === 'media' ? media(call) : { body: objectResource(found(call)) })),
    storageRoute('GET', '/download/storage/v1/b/{bucket}/o/{object=**}', 'objects.get', media),
    storageRoute('PATCH', OBJECT, 'objects.patch', (call) => {
      const object = found(call);
      const patch = (call.body ?? {}) as { contentType?: string; cacheControl?: string; metadata?: Record<string, string | null> };
      if (patch.contentType !== undefined) object.contentType = patch.contentType;
      if (patch.cacheControl !== undefined) object.cacheControl = patch.cacheControl;
      if (patch.metadata !== undefined) {
        // A null value removes that key, as in GCS.
        const merged = { ...object.metadata, ...patch.metadata };
        object.metadata = Object.fromEntries(Object.entries(merged).filter((e): e is [string, string] => e[1] !== null));
      }
      object.metageneration++;
      object.updated = call.state.now();
      storageOf(call.state).updated(object);
      return { body: objectResource(object) };
    }),
    storageRoute('DELETE', OBJECT, 'objects.delete', (call) => {
      found(call);
      storageOf(call.state).delete(call.vars.bucket, call.vars.object);
      return noContent();
    }),
  ];
}

function found({ vars, query, state }: CustomCall): StoredObject {
  const storage = storageOf(state);
  bucketOf(storage, vars.bucket);
  const object = storage.get(vars.bucket, vars.object);
  const generation = query.get('generation');
  if (!object || (generation !== null && generation !== object.generation)) throw noSuchObject(vars.bucket, vars.object);
  checkPreconditions(query, object);
  return object;
}

function listObjects({ vars, query, state }: CustomCall): HttpResult {
  const storage = storageOf(state);
  bucketOf(storage, vars.bucket);
  const prefix = query.get('prefix') ?? '';
  const delimiter = query.get('delimiter') ?? '';
  const [start, end] = [query.get('startOffset'), query.get('endOffset')];
  const includeTrailing = query.get('includeTrailingDelimiter') === 'true';
  const { after, max } = pageAfter(query);
  const items: StoredObject[] = [];
  const prefixes: string[] = [];
  let last: string | undefined;
  let more = false;
  for (const object of storage.list(vars.bucket)) {
    const name = object.name;
    if (!name.startsWith(prefix) || (start !== null && name < start) || (end !== null && name >= end)) continue;
    if (after !== undefined && (name <= after || (delimiter && after.endsWith(delimiter) && name.startsWith(after)))) continue;
    const cut = delimiter ? name.indexOf(delimiter, prefix.length) : -1;
    // A name under a "directory" rolls up into that prefix (once); a name ending at the delimiter is also an object with includeTrailingDelimiter.
    const entry = cut >= 0 ? name.slice(0, cut + delimiter.length) : name;
    if (entry === last) continue;
    if (items.length + prefixes.length >= max) {
      more = true;
      break;
    }
    if (cut >= 0) {
      prefixes.push(entry);
      if (includeTrailing && name === entry) items.push(object);
    } else items.push(object);
    last = entry;
  }
  return {
    body: {
      kind: 'storage#objects',
      ...(more && last ? { nextPageToken: tokenFor(last) } : {}),
      ...(prefixes.length ? { prefixes } : {}),
      ...(items.length ? { items: items.map(objectResource) } : {}),
    },
  };
}

/** Media errors come as plain text, which the client shows as the error message. */
function media(call: CustomCall): HttpResult {
  try {
    return mediaOf(call);
  } catch (err) {
    if (!(err instanceof StorageError)) throw err;
    return { status: err.httpStatus, body: undefined, raw: { data: Buffer.from(err.message), headers: { 'Content-Type': 'text/plain; charset=utf-8' } } };
  }
}

function mediaOf(call: CustomCall): HttpResult {
  const object = found(call);
  const total = object.data.length;
  const headers: Record<string, string> = {
    'Content-Type': object.contentType,
    'x-goog-hash': `crc32c=${object.crc32c},md5=${object.md5Hash}`,
    'x-goog-generation': object.generation,
    'x-goog-metageneration': String(object.metageneration),
    'x-goog-stored-content-length': String(total),
    'x-goog-stored-content-encoding': object.contentEncoding ?? 'identity',
    ETag: Buffer.from(`${object.generation}:${object.metageneration}`).toString('base64'),
    'Last-Modified': object.updated.toUTCString(),
    'Accept-Ranges': 'bytes',
  };
  const range = call.headers.range;
  if (!range) return { body: undefined, raw: { data: object.data, headers } };
  const match = /^bytes=(\d*)-(\d*)$/.exec(range.trim());
  let [from, to] = match ? [match[1], match[2]] : ['', ''];
  if (match && from === '' && to !== '') [from, to] = [String(Math.max(0, total - Number(to))), String(total - 1)];
  const first = Number(from || 0);
  const lastByte = Math.min(to === '' ? total - 1 : Number(to), total - 1);
  if (!match || first >= total || first > lastByte) {
    throw new StorageError('requestedRangeNotSatisfiable', `Request range not satisfiable: ${range} for an object of ${total} bytes`);
  }
  return {
    status: 206,
    body: undefined,
    raw: { data: object.data.subarray(first, lastByte + 1), headers: { ...headers, 'Content-Range': `bytes ${first}-${lastByte}/${total}` } },
  };
}
