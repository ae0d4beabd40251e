// Cloud Storage uploads under /upload/storage/v1: uploadType=media (raw bytes),
// multipart (JSON metadata + bytes in multipart/related) and resumable (a POST opens a
// session whose URI comes back in Location; PUTs carry the bytes with Content-Range,
// 308 + Range until the last one). A final X-Goog-Hash is checked like GCS does.
import { createHash, randomBytes } from 'node:crypto';
import type { CustomCall, CustomRoute, HttpResult } from '../context';
import { crc32c } from './crc32c';
import { invalidRequest, StorageError } from './storageError';
import { parseJson } from '../httpIo';
import { objectResource } from './storageResources';
import { bucketOf, checkPreconditions, storageRoute } from './storageRoute';
import { storageOf, type ObjectInput, type UploadSession } from './storageState';

const UPLOAD = '/upload/storage/v1/b/{bucket}/o';

interface ObjectMetadata {
  name?: string;
  contentType?: string;
  metadata?: Record<string, string>;
  contentEncoding?: string;
  cacheControl?: string;
}

export function uploadRoutes(): CustomRoute[] {
  return [
    storageRoute('POST', UPLOAD, 'objects.insert', (call) => {
      const type = call.query.get('uploadType');
      if (type === 'media') return media(call);
      if (type === 'multipart') return multipart(call);
      if (type === 'resumable') return startResumable(call);
      throw invalidRequest(`Invalid upload type: ${type ?? '(none)'}; use media, multipart or resumable`);
    }, true),
    storageRoute('PUT', UPLOAD, 'objects.insert', resumeResumable, true),
  ];
}

function media(call: CustomCall): HttpResult {
  const name = call.query.get('name');
  if (!name) throw new StorageError('required', 'Required parameter: name');
  return store(call, name, { data: call.body as Buffer, contentType: header(call, 'content-type') });
}

function multipart(call: CustomCall): HttpResult {
  const boundary = /boundary="?([^";]+)"?/i.exec(header(call, 'content-type') ?? '')?.[1];
  if (!boundary) throw invalidRequest('Multipart upload without a boundary in Content-Type');
  const parts = splitMultipart(call.body as Buffer, boundary);
  if (parts.length !== 2) throw invalidRequest(`Multipart upload must have 2 parts (metadata, media); got ${parts.length}`);
  const metadata = parseMetadata(parts[0].body);
  const name = metadata.name ?? call.query.get('name');
  if (!name) throw new StorageError('required', 'Required parameter: name');
  return store(call, name, { ...inputOf(metadata), data: parts[1].body, contentType: metadata.contentType ?? parts[1].headers['content-type'] });
}

function startResumable(call: CustomCall): HttpResult {
  const storage = storageOf(call.state);
  bucketOf(storage, call.vars.bucket);
  const metadata = parseMetadata(call.body as Buffer);
  const name = metadata.name ?? call.query.get('name');
  if (!name) throw new StorageError('required', 'Required parameter: name');
  checkPreconditions(call.query, storage.get(call.vars.bucket, name));
  const id = randomBytes(24).toString('base64url');
  const session: UploadSession = {
    bucket: call.vars.bucket,
    name,
    input: { ...inputOf(metadata), contentType: metadata.contentType ?? header(call, 'x-upload-content-type') },
    chunks: [],
    received: 0,
    ifGenerationMatch: call.query.get('ifGenerationMatch') ?? undefined,
  };
  storage.sessions.set(id, session);
  const location = `http://${header(call, 'host') ?? '127.0.0.1'}/upload/storage/v1/b/${encodeURIComponent(call.vars.bucket)}/o?uploadType=resumable&name=${encodeURIComponent(name)}&upload_id=${id}`;
  return { body: undefined, raw: { data: Buffer.alloc(0), headers: { Location: location, 'X-GUploader-UploadID': id } } };
}

/** PUT to the session URI: "bytes a-b/total", "bytes a-*\/*" (the rest, streamed) or "bytes *\/total" (status query). */
function resumeResumable(call: CustomCall): HttpResult {
  const storage = storageOf(call.state);
  const id = call.query.get('upload_id') ?? '';
  const session = storage.sessions.get(id);
  if (!session) throw new StorageError('notFound', `No such upload session: ${id}`);
  if (session.done) return { body: objectResource(session.done) };
  const data = call.body as Buffer;
  const range = /^bytes (\*|(\d+)-(\d+|\*))\/(\d+|\*)$/.exec(header(call, 'content-range') ?? `bytes 0-*/${data.length}`);
  if (!range) throw invalidRequest(`Invalid Content-Range: ${header(call, 'content-range')}`);
  const total = range[4] === '*' ? undefined : Number(range[4]);
  if (range[1] !== '*') {
    const start = Number(range[2]);
    // Bytes already received are not stored twice (a retried chunk).
    const fresh = data.subarray(Math.max(0, session.received - start));
    if (start > session.received) throw invalidRequest(`Upload resumed at byte ${start} but only ${session.received} were received`);
    session.chunks.push(fresh);
    session.received += fresh.length;
  }
  const finished = total !== undefined ? session.received >= total : range[1] !== '*' && range[3] === '*';
  if (!finished) {
    const headers: Record<string, string> = session.received ? { Range: `bytes=0-${session.received - 1}` } : {};
    return { status: 308, body: undefined, raw: { data: Buffer.alloc(0), headers } };
  }
  const params = new URLSearchParams(session.ifGenerationMatch === undefined ? {} : { ifGenerationMatch: session.ifGenerationMatch });
  const result = store({ ...call, query: params, vars: { bucket: session.bucket } }, session.name, { ...session.input, data: Buffer.concat(session.chunks) });
  session.done = storage.get(session.bucket, session.name);
  return result;
}

function store(call: CustomCall, name: string, input: ObjectInput): HttpResult {
  const storage = storageOf(call.state);
  bucketOf(storage, call.vars.bucket);
  checkPreconditions(call.query, storage.get(call.vars.bucket, name));
  checkHashes(header(call, 'x-goog-hash'), input.data);
  return { body: objectResource(storage.put(call.vars.bucket, name, input)) };
}

/** X-Goog-Hash: crc32c=…,md5=… sent with the last bytes: GCS refuses the object when they differ. */
function checkHashes(sent: string | undefined, data: Buffer): void {
  for (const part of (sent ?? '').split(',')) {
    const [kind, value] = [part.slice(0, part.indexOf('=')).trim().toLowerCase(), part.slice(part.indexOf('=') + 1).trim()];
    const actual = kind === 'crc32c' ? crc32c(data) : kind === 'md5' ? createHash('md5').update(data).digest('base64') : undefined;
    if (actual !== undefined && actual !== value) {
      const label = kind === 'crc32c' ? 'CRC32C' : 'MD5';
      throw invalidRequest(`Provided ${label} hash "${value}" doesn't match calculated ${label} hash "${actual}".`);
    }
  }
}

function inputOf(m: ObjectMetadata): Omit<ObjectInput, 'data'> {
  return { contentType: m.contentType, metadata: m.metadata, contentEncoding: m.contentEncoding, cacheControl: m.cacheControl };
}

function parseMetadata(body: Buffer): ObjectMetadata {
  if (!body.length) return {};
  try {
    return parseJson(body.toString('utf8')) as ObjectMetadata;
  } catch (err) {
    throw invalidRequest(`Metadata part is not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
}

function header(call: CustomCall, name: string): string | undefined {
  const value = call.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** multipart/related bodies, binary-safe: each part's headers and bytes. */
function splitMultipart(body: Buffer, boundary: string): { headers: Record<string, string>; body: Buffer }[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: { headers: Record<string, string>; body: Buffer }[] = [];
  let at = body.indexOf(delimiter);
  while (at >= 0) {
    const start = at + delimiter.length;
    if (body.subarray(start, start + 2).toString() === '--') break;
    const next = body.indexOf(delimiter, start);
    if (next < 0) break;
    const part = body.subarray(start, next);
    const split = part.indexOf('\r\n\r\n');
    const head = part.subarray(0, split < 0 ? 0 : split).toString('utf8');
    let content = part.subarray(split < 0 ? 0 : split + 4);
    if (content.subarray(-2).toString() === '\r\n') content = content.subarray(0, -2);
    const headers = Object.fromEntries(
      head
        .split('\r\n')
        .filter((l) => l.includes(':'))
        .map((l) => [l.slice(0, l.indexOf(':')).trim().toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]),
    );
    parts.push({ headers, body: content });
    at = next;
  }
  return parts;
}
