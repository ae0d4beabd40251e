// Query jobs: jobs.query (waits up to timeoutMs, first page inline), jobs.getQueryResults
// (waits the same way, then pages), jobs.insert (optionally writing a destination table),
// jobs.get and jobs.cancel. Each query runs on its own DuckDB connection: a job still running
// when the wait ends answers jobComplete: false, cancel interrupts it, and one running past
// --max-query-ms is stopped with BigQuery's timeout error.
import { randomBytes } from 'node:crypto';
import type { CustomCall, CustomRoute, EmulatorState } from '../context';
import { renderPage } from './bigQueryCells';
import { BigQueryError, bqDuplicate, bqInvalid, bqNotFound } from './bigQueryError';
import { count, jobResource, page, pageToken } from './bigQueryResources';
import { bigQueryOf, duckTable, jobKey, tableKey, type BigQueryState, type JobRecord, type ResultSet } from './bigQueryState';
import { bqRoute } from './datasetRoutes';
import { writeDestination, type Destination } from './destinationTable';
import { execute, prepareQuery, type QueryInput } from './queryRunner';
import { cellOptions } from './tabledataRoutes';

type Json = Record<string, unknown>;
const DEFAULT_PAGE_ROWS = 100_000;
/** jobs.query and getQueryResults wait this long by default (their timeoutMs). */
const DEFAULT_WAIT_MS = 10_000;

export function jobRoutes(): CustomRoute[] {
  return [
    bqRoute('POST', '/queries', 'JobService.Query', runJobsQuery),
    bqRoute('GET', '/queries/{jobId}', 'JobService.GetQueryResults', async ({ vars, query, state }) => {
      const bq = bigQueryOf(state);
      const job = findJob(bq, vars.projectId, vars.jobId, query.get('location'));
      const waitMs = query.has('timeoutMs') ? count(query.get('timeoutMs')!, 'timeoutMs') : DEFAULT_WAIT_MS;
      if (!(await finished(bq, job, waitMs))) return { body: { kind: 'bigquery#getQueryResultsResponse', ...incomplete(job) } };
      if (job.error) throw new BigQueryError(job.error.reason, job.error.message, { location: job.error.location });
      job.result ??= await restoredResult(bq, job);
      return { body: { kind: 'bigquery#getQueryResultsResponse', ...resultPage(job, query, {}) } };
    }),
    bqRoute('POST', '/jobs', 'JobService.InsertJob', insertJob),
    bqRoute('GET', '/jobs/{jobId}', 'JobService.GetJob', ({ vars, query, state }) => {
      const bq = bigQueryOf(state);
      const job = findJob(bq, vars.projectId, vars.jobId, query.get('location'));
      return { body: jobResource(job, isRunning(bq, job)) };
    }),
    bqRoute('POST', '/jobs/{jobId}/cancel', 'JobService.CancelJob', async ({ vars, query, state }) => {
      const bq = bigQueryOf(state);
      const job = findJob(bq, vars.projectId, vars.jobId, query.get('location'));
      const running = bq.running.get(keyOf(job));
      running?.stop(new BigQueryError('stopped', 'Job execution was cancelled: User requested cancellation'));
      // An interrupt takes effect within milliseconds: answer with the job as it ends.
      await finished(bq, job, 1000);
      return { body: { kind: 'bigquery#jobCancelResponse', job: jobResource(job, isRunning(bq, job)) } };
    }),
  ];
}

async function runJobsQuery({ vars, body, query, state }: CustomCall) {
  const bq = bigQueryOf(state);
  const request = (body ?? {}) as Json & { formatOptions?: Json; location?: string; dryRun?: boolean; maxResults?: number; timeoutMs?: number };
  const input: QueryInput = { ...(request as Partial<QueryInput>), projectId: vars.projectId, errorLocation: 'q' };
  const prepared = prepareQuery(bq, input);
  const response: Json = { kind: 'bigquery#queryResponse' };
  if (request.dryRun) {
    const result = await bq.read((db) => execute(db, prepared.sql, 'q', true));
    return { body: { ...response, schema: { fields: result.schema }, jobComplete: true, totalBytesProcessed: String(prepared.bytes), cacheHit: false } };
  }
  const waitMs = request.timeoutMs === undefined ? DEFAULT_WAIT_MS : count(String(request.timeoutMs), 'timeoutMs');
  const job = newJob(state, vars.projectId, request.location, undefined, { query: queryConfiguration(request) });
  job.bytesProcessed = prepared.bytes;
  start(bq, job, (signal) => bq.read((db) => execute(db, prepared.sql, 'q'), signal));
  if (!(await finished(bq, job, waitMs))) return { body: { ...response, ...incomplete(job) } };
  if (job.error) throw new BigQueryError(job.error.reason, job.error.message, { location: job.error.location });
  const limits = new URLSearchParams(request.maxResults === undefined ? {} : { maxResults: String(request.maxResults) });
  return { body: { ...response, ...resultPage(job, limits, (request.formatOptions ?? {}) as Json, query), totalBytesProcessed: String(prepared.bytes) } };
}

async function insertJob({ vars, body, state }: CustomCall) {
  const bq = bigQueryOf(state);
  const request = (body ?? {}) as { jobReference?: { jobId?: string; location?: string }; configuration?: Json & { query?: Json; dryRun?: boolean; jobTimeoutMs?: unknown } };
  const config = request.configuration?.query;
  if (!config) throw bqInvalid('The Vertex GenAI emulator runs query jobs only: configuration.query is required');
  const job = newJob(state, vars.projectId, request.jobReference?.location, request.jobReference?.jobId, { query: queryConfiguration(config) });
  let prepared: ReturnType<typeof prepareQuery>;
  try {
    prepared = prepareQuery(bq, { ...(config as Partial<QueryInput>), projectId: vars.projectId, errorLocation: 'query' });
  } catch (err) {
    // A query that fails still makes a job: it is DONE with an errorResult.
    if (!(err instanceof BigQueryError)) throw err;
    job.error = err.proto;
    if (!request.configuration?.dryRun) remember(bq, job);
    return { body: jobResource(job) };
  }
  job.bytesProcessed = prepared.bytes;
  if (request.configuration?.dryRun) return { body: jobResource(job) };
  const destination = config.destinationTable as Destination | undefined;
  start(bq, job, async (signal) => {
    const result = await bq.read((db) => execute(db, prepared.sql, 'query'), signal);
    if (destination) await bq.run((db) => writeDestination(bq, db, prepared.sql, result, destination, config));
    return result;
  }, request.configuration?.jobTimeoutMs);
  // BigQuery answers jobs.insert at once; waiting for quick jobs keeps their first reply DONE.
  await finished(bq, job, DEFAULT_WAIT_MS);
  return { body: jobResource(job, isRunning(bq, job)) };
}

/**
 * Runs the job's work in the background; the job is listed at once (RUNNING) and ends DONE with
 * its result or error. Stopping it (cancel, or --max-query-ms) interrupts its DuckDB connection.
 */
function start(bq: BigQueryState, job: JobRecord, work: (signal: AbortSignal) => Promise<ResultSet>, jobTimeoutMs?: unknown): void {
  const key = keyOf(job);
  const controller = new AbortController();
  const stop = (reason: BigQueryError) => controller.abort(reason);
  // The job's own configuration.jobTimeoutMs, if shorter than the emulator's cap.
  const requested = Number(jobTimeoutMs);
  const limitMs = Number.isSafeInteger(requested) && requested > 0 ? Math.min(requested, bq.maxQueryMs) : bq.maxQueryMs;
  const timer = setTimeout(() => stop(new BigQueryError('timeout', `Job execution was cancelled: Job timed out after ${Math.floor(limitMs / 1000)}s`)), limitMs);
  const done = work(controller.signal)
    .then(
      (result) => {
        job.result = result;
      },
      (err: unknown) => {
        const reason: unknown = controller.signal.aborted ? controller.signal.reason : err;
        job.error = reason instanceof BigQueryError ? reason.proto : { reason: 'backendError', message: reason instanceof Error ? reason.message : String(reason) };
      },
    )
    .finally(() => {
      clearTimeout(timer);
      job.endTime = bq.now().getTime();
      bq.running.delete(key);
      // Set again so --data-dir journals the finished job.
      remember(bq, job);
    });
  bq.running.set(key, { done, stop });
  remember(bq, job);
}

/** True once the job is done; false if it is still running after `waitMs`. */
async function finished(bq: BigQueryState, job: JobRecord, waitMs: number): Promise<boolean> {
  const running = bq.running.get(keyOf(job));
  if (!running) return true;
  let timer: NodeJS.Timeout | undefined;
  const waited = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), waitMs)));
  const outcome = await Promise.race([running.done.then(() => true), waited]);
  clearTimeout(timer);
  return outcome;
}

const keyOf = (job: JobRecord) => jobKey(job.projectId, job.location, job.jobId);
const isRunning = (bq: BigQueryState, job: JobRecord) => bq.running.has(keyOf(job));

/** What jobs.query and getQueryResults answer for a job still running. */
function incomplete(job: JobRecord): Json {
  return { jobReference: { projectId: job.projectId, jobId: job.jobId, location: job.location }, jobComplete: false };
}

function newJob(state: EmulatorState, projectId: string, location = 'US', jobId?: string, configuration: Json = {}): JobRecord {
  const bq = bigQueryOf(state);
  const id = jobId ?? `job_${randomBytes(21).toString('base64url')}`;
  if (!/^[A-Za-z0-9_-]{1,1024}$/.test(id)) throw bqInvalid(`Invalid job ID "${id}". Job IDs must be alphanumeric (plus underscores and dashes) and must be at most 1024 characters long.`);
  if (bq.jobs.has(jobKey(projectId, location, id))) throw bqDuplicate(`Job ${projectId}:${location}.${id}`);
  const now = state.now().getTime();
  return { projectId, jobId: id, location, configuration: { ...configuration, jobType: 'QUERY' }, creationTime: now, endTime: now, bytesProcessed: 0 };
}

/**
 * A job restored from --data-dir keeps no rows in memory. With a destination table its
 * results are that table, as in BigQuery; the unnamed results of other jobs are not kept.
 */
async function restoredResult(bq: BigQueryState, job: JobRecord): Promise<ResultSet> {
  const dest = ((job.configuration.query ?? {}) as { destinationTable?: Destination }).destinationTable;
  const table = dest && bq.tables.get(tableKey(dest.projectId ?? '', dest.datasetId ?? '', dest.tableId ?? ''));
  if (!table) throw bqNotFound(`Results of job ${job.projectId}:${job.location}.${job.jobId}: the emulator restarted since the job ran and keeps only results written to a destination table`);
  return bq.run((db) => execute(db, `SELECT * FROM ${duckTable(table)} ORDER BY rowid`, 'query'));
}

function remember(bq: BigQueryState, job: JobRecord): void {
  bq.jobs.set(jobKey(job.projectId, job.location, job.jobId), job);
}

/** configuration.query as BigQuery echoes it: defaults filled in. */
function queryConfiguration(config: Json): Json {
  const { query, useLegacySql, defaultDataset, queryParameters, parameterMode, destinationTable, writeDisposition, createDisposition } = config;
  return Object.fromEntries(
    Object.entries({
      query,
      useLegacySql: useLegacySql ?? true,
      defaultDataset,
      queryParameters,
      parameterMode,
      destinationTable,
      writeDisposition: destinationTable ? (writeDisposition ?? 'WRITE_EMPTY') : undefined,
      createDisposition: destinationTable ? (createDisposition ?? 'CREATE_IF_NEEDED') : undefined,
      priority: 'INTERACTIVE',
    }).filter(([, v]) => v !== undefined),
  );
}

function findJob(bq: BigQueryState, projectId: string, jobId: string, location: string | null): JobRecord {
  const job = location
    ? bq.jobs.get(jobKey(projectId, location, jobId))
    : [...bq.jobs.values()].find((j) => j.projectId === projectId && j.jobId === jobId);
  if (!job) throw bqNotFound(`Job ${projectId}:${location ?? 'US'}.${jobId}`);
  return job;
}

/** The page of a finished job's rows that a query reply or getQueryResults carries. */
function resultPage(job: JobRecord, query: URLSearchParams, format: Json, fallback?: URLSearchParams): Json {
  const result = job.result ?? { schema: [], types: [], rows: [] };
  const { items, start } = page(result.rows, query, DEFAULT_PAGE_ROWS);
  const rows = renderPage(items, result.types, cellOptions(fallback ?? query, format));
  const end = start + rows.length;
  const nextPageToken = query.get('maxResults') !== '0' && end < result.rows.length ? pageToken(end) : undefined;
  const body: Json = {
    schema: { fields: result.schema },
    jobReference: { projectId: job.projectId, jobId: job.jobId, location: job.location },
    totalRows: String(result.rows.length),
    jobComplete: true,
    cacheHit: false,
  };
  if (rows.length) body.rows = rows;
  if (nextPageToken) body.pageToken = nextPageToken;
  return body;
}
