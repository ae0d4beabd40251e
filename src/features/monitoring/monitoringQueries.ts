// The Monitoring panel's data, aggregated in BigQuery by the .sql files next to this one
// (query parameters for every value; only the table name is filled in): serving metrics per
// time bucket and in total, the log browser's pages, one logged pair, and export pages.
import type { ClientPool } from '../../vertex/clients';
import { readQueryRows, runQuery, type BigQueryRow } from '../../vertex/bigquery';
import type { LogFilter, LogListItem, LogPage, Metrics, MetricsFigures, MetricsFilter, TimeRange } from './protocol';
import { withLogTable, type LogTableRef } from './logTable';
import metricsSql from './sql/metrics.sql';
import listSql from './sql/logList.sql';
import entrySql from './sql/logEntry.sql';
import exportSql from './sql/logExport.sql';

const HOUR = 3_600_000;
/** Range → [length, bucket]: about 48–168 points whatever the range. */
const RANGES: Record<TimeRange, [number, number]> = {
  '1h': [HOUR, 60],
  '24h': [24 * HOUR, 1800],
  '7d': [7 * 24 * HOUR, 3600],
  '30d': [30 * 24 * HOUR, 6 * 3600],
};
export const LOG_PAGE_SIZE = 50;

export interface QueryContext {
  readonly pool: ClientPool;
  readonly table: LogTableRef;
  readonly endpoint: string;
  readonly signal?: AbortSignal;
  /** Injectable so tests can pin the window. */
  readonly now?: () => number;
}

export function timeWindow(range: TimeRange, now: number): { startMs: number; endMs: number; bucketSeconds: number } {
  const [length, bucketSeconds] = RANGES[range];
  return { startMs: now - length, endMs: now + 1, bucketSeconds };
}

function params(q: QueryContext, filter: MetricsFilter) {
  const { startMs, endMs, bucketSeconds } = timeWindow(filter.range, (q.now ?? Date.now)());
  return { startMs, endMs, bucketSeconds, sql: { endpoint: q.endpoint, deployed_model_id: filter.deployedModelId, start_ms: startMs, end_ms: endMs } };
}

export async function loadMetrics(q: QueryContext, filter: MetricsFilter): Promise<Metrics> {
  const p = params(q, filter);
  const options = { signal: q.signal, location: undefined };
  const [series, summary] = await Promise.all([
    runQuery(q.pool, withLogTable(metricsSql, q.table), { ...options, params: { ...p.sql, bucket_seconds: p.bucketSeconds, origin_seconds: 0 }, pageSize: 10_000 }),
    // The summary is the same query with one bucket that holds the whole range.
    runQuery(q.pool, withLogTable(metricsSql, q.table), { ...options, params: { ...p.sql, ...wholeRange(p) } }),
  ]);
  return {
    filter,
    startMs: p.startMs,
    endMs: p.endMs,
    bucketSeconds: p.bucketSeconds,
    summary: figures(summary.items[0] ?? {}),
    series: series.items.map((row) => ({ t: Date.parse(String(row.bucket_start)), ...figures(row) })),
  };
}

/** Bucket parameters under which every second of [startMs, endMs) falls in one bucket. */
function wholeRange(p: { startMs: number; endMs: number }): { bucket_seconds: number; origin_seconds: number } {
  const origin = Math.floor(p.startMs / 1000);
  return { origin_seconds: origin, bucket_seconds: Math.ceil(p.endMs / 1000) - origin + 1 };
}

function figures(row: BigQueryRow): MetricsFigures {
  const n = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return {
    requests: n(row.requests) ?? 0,
    errors: n(row.errors) ?? 0,
    p50Ms: n(row.p50_ms),
    p95Ms: n(row.p95_ms),
    p99Ms: n(row.p99_ms),
    inputTokens: n(row.input_tokens) ?? 0,
    outputTokens: n(row.output_tokens) ?? 0,
  };
}

/** Pages of one run of logList.sql: the job's own page tokens, remembered to go back. */
export class LogPager {
  private job?: { id: string; location?: string; filterKey: string; tokens: (string | undefined)[]; totalRows: number };

  constructor(private readonly q: QueryContext) {}

  async page(filter: LogFilter, page: number): Promise<LogPage> {
    const key = JSON.stringify(filter);
    if (!this.job || this.job.filterKey !== key || page === 0) {
      const p = params(this.q, filter);
      const first = await runQuery(this.q.pool, withLogTable(listSql, this.q.table), { signal: this.q.signal, params: { ...p.sql, status: filter.status }, pageSize: LOG_PAGE_SIZE });
      this.job = { id: first.jobId, location: first.location, filterKey: key, tokens: [undefined, first.nextPageToken], totalRows: first.totalRows ?? first.items.length };
      if (page === 0) return this.result(filter, 0, first.items, first.nextPageToken);
    }
    const job = this.job;
    const at = Math.max(0, Math.min(page, job.tokens.length - 1));
    const rows = await readQueryRows(this.q.pool, job.id, { location: job.location, pageSize: LOG_PAGE_SIZE, pageToken: job.tokens[at], signal: this.q.signal });
    job.tokens[at + 1] = rows.nextPageToken;
    return this.result(filter, at, rows.items, rows.nextPageToken);
  }

  private result(filter: LogFilter, page: number, rows: BigQueryRow[], next: string | undefined): LogPage {
    return { filter, page, items: rows.map(listItem), totalRows: this.job?.totalRows ?? rows.length, hasNext: Boolean(next) };
  }
}

function listItem(row: BigQueryRow): LogListItem {
  return {
    requestId: String(row.request_id),
    loggingTime: new Date(String(row.logging_time)).toISOString(),
    deployedModelId: String(row.deployed_model_id ?? ''),
    apiMethod: String(row.api_method ?? ''),
    statusCode: Number(row.status_code ?? 0),
    latencyMs: Number(row.latency_ms ?? 0),
  };
}

/** Everything logged for one request, JSON columns parsed, or undefined when it is gone. */
export async function loadLogEntry(q: QueryContext, requestId: string): Promise<Record<string, unknown> | undefined> {
  const result = await runQuery(q.pool, withLogTable(entrySql, q.table), { signal: q.signal, params: { endpoint: q.endpoint, request_id: requestId } });
  const row = result.items[0];
  return row && readableRow(row);
}

/** The filtered log, a page at a time, for export. */
export async function* exportPages(q: QueryContext, filter: LogFilter, pageSize = 500): AsyncGenerator<{ rows: Record<string, unknown>[]; totalRows: number }> {
  const p = params(q, filter);
  const first = await runQuery(q.pool, withLogTable(exportSql, q.table), { signal: q.signal, params: { ...p.sql, status: filter.status }, pageSize });
  const totalRows = first.totalRows ?? first.items.length;
  yield { rows: first.items.map(readableRow), totalRows };
  let token = first.nextPageToken;
  while (token) {
    const next = await readQueryRows(q.pool, first.jobId, { location: first.location, pageSize, pageToken: token, signal: q.signal });
    yield { rows: next.items.map(readableRow), totalRows };
    token = next.nextPageToken;
  }
}

/** JSON columns (and JSON strings in the payload arrays) as values, times as ISO strings. */
function readableRow(row: BigQueryRow): Record<string, unknown> {
  const json = (v: unknown) => {
    if (typeof v !== 'string') return v;
    try {
      return JSON.parse(v) as unknown;
    } catch {
      return v;
    }
  };
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (key === 'logging_time') out[key] = new Date(String(value)).toISOString();
    else if (key === 'full_request' || key === 'full_response' || key === 'metadata') out[key] = json(value);
    else if (key === 'request_payload' || key === 'response_payload') out[key] = Array.isArray(value) ? value.map(json) : value;
    else out[key] = value;
  }
  return out;
}
