// BigQuery through @google-cloud/bigquery (the lazy `bigquery` chunk): datasets,
// tables, columns, table rows by page, and queries with a timeout and cancellation.
// The library's own retry is off: reads go through withRetry (Retry-After, deadline,
// AbortSignal), and a query job is inserted under a job id chosen here, so repeating the
// insert cannot start a second job (a repeat that finds it exists is the same job).
import * as l10n from '@vscode/l10n';
import { randomUUID } from 'node:crypto';
import type { ClientPool } from './clients';
import { toNumber } from './protoValues';
import { cancelledError, deadlineError, withRetry, type Attempt, type RetryOptions } from './retry';
import type { Page } from './types';

type Raw = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface BigQueryDataset {
  readonly id: string;
  readonly location?: string;
  readonly friendlyName?: string;
}

export interface BigQueryTable {
  readonly id: string;
  readonly datasetId: string;
  /** TABLE, VIEW, MATERIALIZED_VIEW, EXTERNAL, … */
  readonly type: string;
}

export interface BigQueryColumn {
  readonly name: string;
  readonly type: string;
  /** NULLABLE, REQUIRED or REPEATED. */
  readonly mode: string;
  readonly description?: string;
  readonly fields?: BigQueryColumn[];
}

export type BigQueryRow = Record<string, unknown>;

export interface QueryResult extends Page<BigQueryRow> {
  readonly jobId: string;
  readonly location?: string;
  readonly columns: BigQueryColumn[];
  readonly totalRows?: number;
}

export interface BigQueryCallOptions extends Pick<RetryOptions, 'signal' | 'deadlineMs'> {
  readonly pageSize?: number;
  readonly pageToken?: string;
}

export interface QueryOptions {
  /** Bound on the whole query, job included (default 60 s); the job is cancelled when it passes. */
  readonly timeoutMs?: number;
  /** Cancels the job on the server too. */
  readonly signal?: AbortSignal;
  readonly pageSize?: number;
  /** Named parameters (@name in the SQL). */
  readonly params?: Record<string, unknown>;
  readonly location?: string;
}

export async function listBigQueryDatasets(pool: ClientPool, options: BigQueryCallOptions = {}): Promise<Page<BigQueryDataset>> {
  const bq = await pool.bigQuery();
  const [datasets, next] = await bqCall('ListDatasets', () => bq.getDatasets({ ...paging(options), autoPaginate: false }), options);
  return page(
    datasets.map((d) => ({ id: String(d.id), location: d.metadata?.location, friendlyName: d.metadata?.friendlyName || undefined })),
    next,
  );
}

export async function listBigQueryTables(pool: ClientPool, datasetId: string, options: BigQueryCallOptions = {}): Promise<Page<BigQueryTable>> {
  const bq = await pool.bigQuery();
  const [tables, next] = await bqCall('ListTables', () => bq.dataset(datasetId).getTables({ ...paging(options), autoPaginate: false }), options);
  return page(tables.map((t) => ({ id: String(t.id), datasetId, type: String(t.metadata?.type ?? 'TABLE') })), next);
}

export async function getTableColumns(pool: ClientPool, datasetId: string, tableId: string, options: BigQueryCallOptions = {}): Promise<BigQueryColumn[]> {
  const bq = await pool.bigQuery();
  const [metadata] = await bqCall('GetTable', () => bq.dataset(datasetId).table(tableId).getMetadata(), options);
  return columnsOf((metadata as Raw).schema);
}

/** One page of a table's rows (tabledata.list), for "Load more…". */
export async function readTableRows(pool: ClientPool, datasetId: string, tableId: string, options: BigQueryCallOptions = {}): Promise<Page<BigQueryRow>> {
  const bq = await pool.bigQuery();
  const table = bq.dataset(datasetId).table(tableId);
  const [rows, next] = await bqCall('ListTableData', () => table.getRows({ ...paging(options), autoPaginate: false, wrapIntegers: INTEGERS }), options);
  return page(rows.map(plainRow), next);
}

/** Runs a query; rejects with DEADLINE_EXCEEDED or CANCELLED after cancelling the job. */
export async function runQuery(pool: ClientPool, sql: string, options: QueryOptions = {}): Promise<QueryResult> {
  const bq = await pool.bigQuery();
  const timeoutMs = options.timeoutMs ?? 60_000;
  const deadline = Date.now() + timeoutMs;
  const { signal } = options;
  const jobId = `vgo_${randomUUID().replaceAll('-', '')}`;
  const job = await bqCall(
    'InsertJob',
    async ({ attempt }) => {
      try {
        const query = { query: sql, jobId, useLegacySql: false, params: options.params, location: options.location, jobTimeoutMs: timeoutMs };
        return (await bq.createQueryJob(query))[0];
      } catch (err) {
        if (attempt > 1 && (err as { code?: unknown }).code === 409) return bq.job(jobId, { location: options.location });
        throw err;
      }
    },
    { idempotent: true, signal, deadlineMs: timeoutMs },
  );
  try {
    for (;;) {
      const left = deadline - Date.now();
      if (left <= 0) throw deadlineError(l10n.t('The query'), timeoutMs);
      const [rows, , response] = await bqCall(
        'GetQueryResults',
        () => job.getQueryResults({ maxResults: options.pageSize ?? 500, timeoutMs: Math.min(left, 10_000), autoPaginate: false, wrapIntegers: INTEGERS }),
        { signal, deadlineMs: left },
      );
      const r = (response ?? {}) as Raw;
      if (r.jobComplete === false) continue; // still running: the server held the poll up to timeoutMs
      return {
        jobId,
        location: job.location,
        items: rows.map(plainRow),
        columns: columnsOf(r.schema),
        totalRows: toNumber(r.totalRows),
        ...(r.pageToken ? { nextPageToken: String(r.pageToken) } : {}),
      };
    }
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (signal?.aborted || code === 4 || code === 1) {
      await job.cancel().catch(() => undefined); // best effort: do not leave it running for nothing
      if (signal?.aborted) throw cancelledError(l10n.t('The query'));
    }
    throw err;
  }
}

/** The next page of a finished query's results. */
export async function readQueryRows(pool: ClientPool, jobId: string, options: BigQueryCallOptions & { location?: string } = {}): Promise<Page<BigQueryRow>> {
  const bq = await pool.bigQuery();
  const job = bq.job(jobId, { location: options.location });
  const [rows, next] = await bqCall('GetQueryResults', () => job.getQueryResults({ ...paging(options), autoPaginate: false, wrapIntegers: INTEGERS }), options);
  return page(rows.map(plainRow), next);
}

/** withRetry, with BigQuery's job errors (a `reason`, no status) given the HTTP status they stand for. */
export async function bqCall<T>(method: string, call: (attempt: Attempt) => Promise<T>, options: RetryOptions): Promise<T> {
  return withRetry(
    method,
    async (attempt) => {
      try {
        return await call(attempt);
      } catch (err) {
        const e = err as { code?: unknown; errors?: { reason?: string }[] };
        const status = REASON_STATUS[e?.errors?.[0]?.reason ?? ''];
        if (e && typeof e === 'object' && e.code === undefined && status) e.code = status;
        throw err;
      }
    },
    options,
  );
}

/** https://cloud.google.com/bigquery/docs/error-messages, as the status parseError reads. */
const REASON_STATUS: Record<string, number> = {
  invalid: 400,
  invalidQuery: 400,
  notFound: 404,
  duplicate: 409,
  accessDenied: 403,
  quotaExceeded: 429,
  rateLimitExceeded: 429,
  backendError: 503,
  internalError: 500,
  stopped: 499,
};

function paging(options: BigQueryCallOptions): { maxResults: number; pageToken?: string } {
  return { maxResults: options.pageSize ?? 100, ...(options.pageToken ? { pageToken: options.pageToken } : {}) };
}

function page<T>(items: T[], next: unknown): Page<T> {
  const token = (next as { pageToken?: string } | null | undefined)?.pageToken;
  return { items, ...(token ? { nextPageToken: token } : {}) };
}

export function columnsOf(schema: unknown): BigQueryColumn[] {
  return (((schema as Raw | undefined)?.fields ?? []) as Raw[]).map((f) => ({
    name: String(f.name),
    type: String(f.type ?? 'STRING'),
    mode: String(f.mode ?? 'NULLABLE'),
    ...(f.description ? { description: String(f.description) } : {}),
    ...(f.fields?.length ? { fields: columnsOf(f) } : {}),
  }));
}

/** INT64 as a number when it fits, else its exact decimal string. */
export const INTEGERS = {
  integerTypeCastFunction: (value: string) => {
    const n = Number(value);
    return Number.isSafeInteger(n) ? n : value;
  },
};

/** Library wrappers (BigQueryTimestamp, BigQueryDate, …) become their string values. */
export function plainRow(row: BigQueryRow): BigQueryRow {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, plainValue(v)]));
}

function plainValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plainValue);
  if (Buffer.isBuffer(value)) return value.toString('base64');
  if (value && typeof value === 'object') {
    const wrapped = value as { value?: unknown };
    if (typeof wrapped.value === 'string' && Object.keys(value).length <= 2) return wrapped.value;
    return plainRow(value as BigQueryRow);
  }
  return value;
}
