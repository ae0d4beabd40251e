// BigQuery queries through the official client: a monitoring dashboard's queries over
// the demo's request-response log, checked against the same rows read with
// tabledata.list; parameters; query jobs; and the errors a user sees.
import * as assert from 'node:assert/strict';
import { BigQuery, type Table } from '@google-cloud/bigquery';
import { OAuth2Client } from 'google-auth-library';
import { rejection, useEmulator } from './emulatorHarness';
import { testNow } from './testClock';

const PROJECT = 'genai-demo';
const LOG_TABLE = '`genai-demo.genai_demo_logs.request_response_logging`';
type Row = Record<string, unknown>;

interface LogRow {
  day: string;
  endpoint: string;
  latency: number;
  status: number;
  tokens: number;
}

describe('emulator BigQuery: queries and jobs', () => {
  const h = useEmulator();
  let bq: BigQuery;
  let log: LogRow[];

  before(async () => {
    const authClient = new OAuth2Client();
    authClient.setCredentials({ access_token: 'emulator', expiry_date: Date.now() + 3_600_000 });
    bq = new BigQuery({ apiEndpoint: h.emulator.url, projectId: PROJECT, authClient });
    const rows = await allRows(bq.dataset('genai_demo_logs').table('request_response_logging'), 1000);
    log = rows.map((r) => {
      const metadata = JSON.parse(String(r.metadata)) as { request_latency: number; status_code: number };
      const response = r.full_response === null ? undefined : (JSON.parse(String(r.full_response)) as { usageMetadata?: { totalTokenCount: number } });
      return {
        day: (r.logging_time as { value: string }).value.slice(0, 10),
        endpoint: String(r.endpoint),
        latency: metadata.request_latency,
        status: metadata.status_code,
        tokens: response?.usageMetadata?.totalTokenCount ?? 0,
      };
    });
  });

  it('computes requests per day and p95 latency as the rows read through tabledata.list say', async () => {
    const [rows] = await bq.query({
      query: `
        SELECT DATE(TIMESTAMP_TRUNC(logging_time, DAY)) AS day,
               COUNT(*) AS requests,
               APPROX_QUANTILES(CAST(JSON_VALUE(metadata, '$.request_latency') AS INT64), 100)[OFFSET(95)] AS p95_ms
        FROM ${LOG_TABLE}
        WHERE logging_time >= TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 14 DAY)
        GROUP BY day
        ORDER BY day`,
    });
    const expected = groupByDay(log).map(([day, group]) => ({ day, requests: group.length, p95_ms: nearestRank(group.map((g) => g.latency), 95) }));
    assert.ok(expected.length >= 14);
    assert.deepEqual(rows.map((r: Row) => ({ day: (r.day as { value: string }).value, requests: r.requests, p95_ms: r.p95_ms })), expected);
    // Smaller pages (jobs.query, then getQueryResults with pageToken) give the same answer.
    const [paged] = await bq.query({ query: `SELECT request_id FROM ${LOG_TABLE} ORDER BY logging_time`, maxResults: 400 });
    assert.equal(paged.length, log.length);
  });

  it('computes the error rate and token usage per endpoint', async () => {
    const [rows] = await bq.query(`
      SELECT endpoint,
             SAFE_DIVIDE(COUNTIF(CAST(JSON_VALUE(metadata, '$.status_code') AS INT64) >= 400), COUNT(*)) AS error_rate,
             SUM(IFNULL(INT64(JSON_QUERY(full_response, '$.usageMetadata.totalTokenCount')), 0)) AS tokens
      FROM ${LOG_TABLE}
      GROUP BY endpoint
      ORDER BY endpoint`);
    const endpoints = [...new Set(log.map((r) => r.endpoint))].sort();
    const expected = endpoints.map((endpoint) => {
      const mine = log.filter((r) => r.endpoint === endpoint);
      return { endpoint, error_rate: mine.filter((r) => r.status >= 400).length / mine.length, tokens: mine.reduce((n, r) => n + r.tokens, 0) };
    });
    assert.deepEqual(rows, expected);
    assert.ok(expected.some((e) => e.error_rate > 0), 'the demo log has errors to show');
  });

  it('binds named and positional query parameters', async () => {
    const endpoint = log[0].endpoint;
    const since = new Date(testNow() - 3 * 86_400_000);
    const [named] = await bq.query({
      query: `SELECT COUNT(*) AS n FROM ${LOG_TABLE} WHERE endpoint = @endpoint AND logging_time >= @since AND CAST(JSON_VALUE(metadata, '$.request_latency') AS INT64) > @slow_ms`,
      params: { endpoint, since: bq.timestamp(since), slow_ms: 500 },
    });
    const [rows] = await bq.query({ query: 'SELECT COUNT(*) AS n FROM genai_demo_logs.request_response_logging WHERE endpoint = ?', params: [endpoint] });
    const all = log.filter((r) => r.endpoint === endpoint);
    const logTimes = await bq.query({ query: `SELECT logging_time FROM ${LOG_TABLE} WHERE endpoint = @endpoint`, params: { endpoint } });
    const recent = logTimes[0].filter((r: Row) => Date.parse((r.logging_time as { value: string }).value) >= since.getTime()).length;
    assert.equal(rows[0].n, all.length);
    assert.ok(named[0].n > 0 && named[0].n < recent, `slow requests ${named[0].n} of ${recent}`);
    const [arrays] = await bq.query({ query: 'SELECT COUNT(*) AS n FROM genai_demo_data.fraud_transactions WHERE merchant_category IN UNNEST(@categories)', params: { categories: ['jewelry', 'travel'] } });
    const [split] = await bq.query("SELECT COUNTIF(merchant_category IN ('jewelry', 'travel')) AS n FROM genai_demo_data.fraud_transactions");
    assert.equal(arrays[0].n, split[0].n);
  });

  it('runs a query job into a destination table, then pages its results', async () => {
    const dataset = bq.dataset('genai_demo_data');
    const [job] = await bq.createQueryJob({
      query: 'SELECT merchant_category, COUNT(*) AS transactions, AVG(amount) AS avg_amount, COUNTIF(is_fraud = 1) AS frauds FROM genai_demo_data.fraud_transactions GROUP BY merchant_category ORDER BY transactions DESC',
      destination: dataset.table('fraud_by_category'),
    });
    const [metadata] = await job.getMetadata();
    assert.equal(metadata.status.state, 'DONE');
    assert.equal(metadata.configuration.query.destinationTable.tableId, 'fraud_by_category');
    const [firstPage, next] = (await job.getQueryResults({ maxResults: 3, autoPaginate: false })) as unknown as [Row[], Row | null];
    assert.equal(firstPage.length, 3);
    assert.ok(next?.pageToken);
    const [everything] = await job.getQueryResults();
    const [stored] = await dataset.table('fraud_by_category').getRows();
    assert.deepEqual(stored, everything);
    assert.deepEqual(everything.slice(0, 3), firstPage);
    const [tableMeta] = await dataset.table('fraud_by_category').getMetadata();
    assert.deepEqual((tableMeta.schema.fields as Row[]).map((f) => [f.name, f.type]), [['merchant_category', 'STRING'], ['transactions', 'INTEGER'], ['avg_amount', 'FLOAT'], ['frauds', 'INTEGER']]);
    const again = await rejection(bq.createQueryJob({ query: 'SELECT 1 AS x', destination: dataset.table('fraud_by_category') }));
    assert.match(again.message, /Already Exists: Table genai-demo:genai_demo_data\.fraud_by_category/);
  });

  it('refuses legacy SQL with a 400 naming the fix', async () => {
    const err = await rejection(bq.query({ query: 'SELECT COUNT(*) FROM [genai-demo:genai_demo_logs.request_response_logging]', useLegacySql: true }));
    assert.match(err.message, /^Legacy SQL is not supported by the Vertex GenAI emulator: set useLegacySql to false\./);
    // jobs.query defaults to legacy SQL when useLegacySql is left out, as BigQuery's REST API does.
    const res = await h.fetch(`/bigquery/v2/projects/${PROJECT}/queries`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ query: 'SELECT 1' }) });
    assert.equal(res.status, 400);
    const body = (await res.json()) as { error: { code: number; status: string; errors: Row[] } };
    assert.equal(body.error.status, 'INVALID_ARGUMENT');
    assert.deepEqual({ ...body.error.errors[0], message: undefined }, { message: undefined, domain: 'global', reason: 'invalidQuery', location: 'q', locationType: 'parameter' });
  });

  it('answers an unsupported function, an unknown column and a missing table as BigQuery would', async () => {
    const fn = await rejection(bq.query(`SELECT ST_GEOGPOINT(1, 2) AS p FROM ${LOG_TABLE}`));
    assert.equal(fn.code, 400);
    assert.equal(fn.message, 'Function not found: ST_GEOGPOINT (the Vertex GenAI emulator runs a subset of GoogleSQL functions) at [1:8]');
    assert.equal((fn as unknown as { errors: Row[] }).errors[0].reason, 'invalidQuery');
    const column = await rejection(bq.query(`SELECT latency FROM ${LOG_TABLE}`));
    assert.equal(column.message, 'Unrecognized name: latency');
    const table = await rejection(bq.query('SELECT * FROM genai_demo_logs.nope'));
    assert.equal(table.code, 404);
    assert.equal(table.message, 'Not found: Table genai-demo:genai_demo_logs.nope was not found in location US');
  });
});

function groupByDay(rows: LogRow[]): [string, LogRow[]][] {
  const days = new Map<string, LogRow[]>();
  for (const r of rows) days.set(r.day, [...(days.get(r.day) ?? []), r]);
  return [...days.entries()].sort(([a], [b]) => a.localeCompare(b));
}

/** The p-th percentile by nearest rank: the smallest value with at least p% of values at or below it. */
function nearestRank(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil((p * sorted.length) / 100) - 1];
}

/** Every row of a table, read with tabledata.list page by page. */
async function allRows(table: Table, pageSize: number): Promise<Row[]> {
  const rows: Row[] = [];
  let query: Row | null = { maxResults: pageSize, autoPaginate: false };
  while (query) {
    const [page, next] = (await table.getRows(query)) as unknown as [Row[], Row | null];
    rows.push(...page);
    query = next ? { ...next, autoPaginate: false } : null;
  }
  return rows;
}
