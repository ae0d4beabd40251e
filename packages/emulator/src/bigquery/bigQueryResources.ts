// BigQuery REST resources (Dataset, Table, Job) and list paging, shaped as the v2 API
// returns them: ids "project:dataset.table", times as millisecond strings, counts as
// strings, and an opaque page token.
import { createHash } from 'node:crypto';
import type { DatasetMeta, JobRecord, TableMeta } from './bigQueryState';
import { bqInvalid } from './bigQueryError';

const API = 'https://bigquery.googleapis.com/bigquery/v2';
type Json = Record<string, unknown>;

export function etag(value: unknown): string {
  return createHash('md5').update(JSON.stringify(value)).digest('base64');
}

const withEtag = (resource: Json): Json => ({ ...resource, etag: etag(resource) });
const optional = (fields: Json): Json => Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));

export function datasetResource(d: DatasetMeta): Json {
  return withEtag({
    kind: 'bigquery#dataset',
    id: `${d.projectId}:${d.datasetId}`,
    selfLink: `${API}/projects/${d.projectId}/datasets/${d.datasetId}`,
    datasetReference: { datasetId: d.datasetId, projectId: d.projectId },
    ...optional({ friendlyName: d.friendlyName, description: d.description, labels: d.labels }),
    access: [
      { role: 'WRITER', specialGroup: 'projectWriters' },
      { role: 'OWNER', specialGroup: 'projectOwners' },
      { role: 'READER', specialGroup: 'projectReaders' },
    ],
    creationTime: String(d.creationTime),
    lastModifiedTime: String(d.lastModifiedTime),
    location: d.location,
    type: 'DEFAULT',
  });
}

export function datasetListItem(d: DatasetMeta): Json {
  return {
    kind: 'bigquery#dataset',
    id: `${d.projectId}:${d.datasetId}`,
    datasetReference: { datasetId: d.datasetId, projectId: d.projectId },
    ...optional({ friendlyName: d.friendlyName, labels: d.labels }),
    location: d.location,
  };
}

export function tableResource(t: TableMeta, location: string): Json {
  return withEtag({
    kind: 'bigquery#table',
    id: `${t.projectId}:${t.datasetId}.${t.tableId}`,
    selfLink: `${API}/projects/${t.projectId}/datasets/${t.datasetId}/tables/${t.tableId}`,
    tableReference: { projectId: t.projectId, datasetId: t.datasetId, tableId: t.tableId },
    ...optional({ friendlyName: t.friendlyName, description: t.description, labels: t.labels }),
    schema: { fields: t.schema },
    numBytes: String(t.numBytes),
    numLongTermBytes: '0',
    numRows: String(t.numRows),
    creationTime: String(t.creationTime),
    lastModifiedTime: String(t.lastModifiedTime),
    type: 'TABLE',
    location,
    numTotalLogicalBytes: String(t.numBytes),
    numActiveLogicalBytes: String(t.numBytes),
    numLongTermLogicalBytes: '0',
  });
}

export function tableListItem(t: TableMeta): Json {
  return {
    kind: 'bigquery#table',
    id: `${t.projectId}:${t.datasetId}.${t.tableId}`,
    tableReference: { projectId: t.projectId, datasetId: t.datasetId, tableId: t.tableId },
    ...optional({ friendlyName: t.friendlyName, labels: t.labels }),
    type: 'TABLE',
    creationTime: String(t.creationTime),
  };
}

export function jobResource(job: JobRecord, running = false): Json {
  const status: Json = { state: running ? 'RUNNING' : 'DONE' };
  if (job.error && !running) {
    status.errorResult = job.error;
    status.errors = [job.error];
  }
  const totalBytes = String(job.bytesProcessed);
  return withEtag({
    kind: 'bigquery#job',
    id: `${job.projectId}:${job.location}.${job.jobId}`,
    selfLink: `${API}/projects/${job.projectId}/jobs/${job.jobId}?location=${job.location}`,
    user_email: 'emulator@vertex-genai.local',
    configuration: job.configuration,
    jobReference: { projectId: job.projectId, jobId: job.jobId, location: job.location },
    statistics: {
      creationTime: String(job.creationTime),
      startTime: String(job.creationTime),
      endTime: String(job.endTime),
      totalBytesProcessed: totalBytes,
      query: { totalBytesProcessed: totalBytes, totalBytesBilled: totalBytes, cacheHit: false, statementType: 'SELECT', totalSlotMs: '0' },
    },
    status,
    principal_subject: 'user:emulator@vertex-genai.local',
  });
}

/** Page tokens are opaque to clients; here they carry the next offset. */
export function page<T>(items: T[], query: URLSearchParams, defaultSize = 50): { items: T[]; start: number; nextPageToken?: string } {
  const token = query.get('pageToken');
  const startIndex = query.get('startIndex');
  let start = 0;
  if (token) {
    const decoded = /^o(\d+)$/.exec(Buffer.from(token, 'base64url').toString());
    if (!decoded) throw bqInvalid(`Invalid page token: ${token}`);
    start = count(decoded[1], 'page token');
  } else if (startIndex) start = count(startIndex, 'startIndex');
  const max = query.get('maxResults');
  const size = max === null ? defaultSize : count(max, 'maxResults');
  const slice = items.slice(start, start + size);
  const end = start + slice.length;
  // maxResults=0 asks for no rows (schema, totals), not for endless empty pages.
  return { items: slice, start, nextPageToken: size > 0 && end < items.length ? pageToken(end) : undefined };
}

/** A row count or offset from the URL: a whole number JavaScript holds exactly, else 400 invalid. */
export function count(text: string, name: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(n)) throw bqInvalid(`Invalid ${name}: ${text} (a whole number from 0 to ${Number.MAX_SAFE_INTEGER})`);
  return n;
}

export function pageToken(offset: number): string {
  return Buffer.from(`o${offset}`).toString('base64url');
}
