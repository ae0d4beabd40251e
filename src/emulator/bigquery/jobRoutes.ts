// Query jobs: jobs.query (synchronous, first page inline), jobs.getQueryResults (paging a
// finished job), jobs.insert (optionally writing a destination table), jobs.get and
// jobs.cancel. Queries finish before the reply, so jobComplete is always true.
import { randomBytes } from 'node:crypto';
import type { CustomCall, CustomRoute, EmulatorState } from '../context';
import { renderRow } from './bigQueryCells';
import { BigQueryError, bqDuplicate, bqInvalid, bqNotFound } from './bigQueryError';
import { jobResource, page } from './bigQueryResources';
import { bigQueryOf, duckTable, jobKey, tableKey, type BigQueryState, type JobRecord, type ResultSet } from './bigQueryState';
import { bqRoute } from './datasetRoutes';
import { writeDestination, type Destination } from './destinationTable';
import { execute, prepareQuery, type QueryInput } from './queryRunner';
import { cellOptions } from './tabledataRoutes';

type Json = Record<string, unknown>;
const DEFAULT_PAGE_ROWS = 100_000;

export function jobRoutes(): CustomRoute[] {
  return [
    bqRoute('POST', '/queries', 'JobService.Query', runJobsQuery),
    bqRoute('GET', '/queries/{jobId}', 'JobService.GetQueryResults', async ({ vars, query, state }) => {
      const bq = bigQueryOf(state);
      const job = findJob(bq, vars.projectId, vars.jobId, query.get('location'));
      if (job.error) throw new BigQueryError(job.error.reason, job.error.message, { location: job.error.location });
      job.result ??= await restoredResult(bq, job);
      return { body: { kind: 'bigquery#getQueryResultsResponse', ...resultPage(job, query, {}) } };
    }),
    bqRoute('POST', '/jobs', 'JobService.InsertJob', insertJob),
    bqRoute('GET', '/jobs/{jobId}', 'JobService.GetJob', ({ vars, query, state }) => {
      const bq = bigQueryOf(state);
      return { body: jobResource(findJob(bq, vars.projectId, vars.jobId, query.get('location'))) };
    }),
    bqRoute('POST', '/jobs/{jobId}/cancel', 'JobService.CancelJob', ({ vars, query, state }) => {
      const bq = bigQueryOf(state);
      const job = findJob(bq, vars.projectId, vars.jobId, query.get('location'));
      return { body: { kind: 'bigquery#jobCancelResponse', job: jobResource(job) } };
    }),
  ];
}

async function runJobsQuery({ vars, body, query, state }: CustomCall) {
  const bq = bigQueryOf(state);
  const request = (body ?? {}) as Json & { formatOptions?: Json; location?: string; dryRun?: boolean; maxResults?: number };
  const input: QueryInput = { ...(request as Partial<QueryInput>), projectId: vars.projectId, errorLocation: 'q' };
  const prepared = prepareQuery(bq, input);
  const job = newJob(state, vars.projectId, request.location, undefined, { query: queryConfiguration(request) });
  const result = await bq.run((db) => execute(db, prepared.sql, 'q', request.dryRun === true));
  const response: Json = { kind: 'bigquery#queryResponse' };
  if (request.dryRun) return { body: { ...response, schema: { fields: result.schema }, jobComplete: true, totalBytesProcessed: String(prepared.bytes), cacheHit: false } };
  job.result = result;
  job.bytesProcessed = prepared.bytes;
  remember(bq, job);
  const limits = new URLSearchParams(request.maxResults === undefined ? {} : { maxResults: String(request.maxResults) });
  return { body: { ...response, ...resultPage(job, limits, (request.formatOptions ?? {}) as Json, query), totalBytesProcessed: String(prepared.bytes) } };
}

async function insertJob({ vars, body, state }: CustomCall) {
  const bq = bigQueryOf(state);
  const request = (body ?? {}) as { jobReference?: { jobId?: string; location?: string }; configuration?: Json & { query?: Json; dryRun?: boolean } };
  const config = request.configuration?.query;
  if (!config) throw bqInvalid('The Vertex GenAI emulator runs query jobs only: configuration.query is required');
  const job = newJob(state, vars.projectId, request.jobReference?.location, request.jobReference?.jobId, { query: queryConfiguration(config) });
  try {
    const prepared = prepareQuery(bq, { ...(config as Partial<QueryInput>), projectId: vars.projectId, errorLocation: 'query' });
    job.bytesProcessed = prepared.bytes;
    if (!request.configuration?.dryRun) {
      const destination = config.destinationTable as Destination | undefined;
      job.result = await bq.run(async (db) => {
        const result = await execute(db, prepared.sql, 'query');
        if (destination) await writeDestination(bq, db, prepared.sql, result, destination, config);
        return result;
      });
    }
  } catch (err) {
    // A query that fails still makes a job: it is DONE with an errorResult.
    if (!(err instanceof BigQueryError)) throw err;
    job.error = err.proto;
  }
  if (!request.configuration?.dryRun) remember(bq, job);
  return { body: jobResource(job) };
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
  const { items, nextPageToken } = page(result.rows, query, DEFAULT_PAGE_ROWS);
  const options = cellOptions(fallback ?? query, format);
  const body: Json = {
    schema: { fields: result.schema },
    jobReference: { projectId: job.projectId, jobId: job.jobId, location: job.location },
    totalRows: String(result.rows.length),
    jobComplete: true,
    cacheHit: false,
  };
  if (items.length) body.rows = items.map((r) => renderRow(r, result.types, options));
  if (nextPageToken) body.pageToken = nextPageToken;
  return body;
}
