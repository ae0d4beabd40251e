// BigQuery access through the pool (official @google-cloud/bigquery client) against the
// emulator's BigQuery routes: browsing, paging rows, queries with timeout and cancel.
import * as assert from 'node:assert/strict';
import { listBigQueryDatasets, listBigQueryTables, getTableColumns, readQueryRows, readTableRows, runQuery } from '../../../src/vertex/bigquery';
import { ClientPool } from '../../../src/vertex/clients';
import { parseError } from '../../../src/vertex/parseError';
import { rejection, useEmulator, trapUnhandledRejections, useFaults } from '@vertex-genai-ops/emulator/harness';
import { emulatorPool } from '../../support/emulatorPool';

describe('vertex BigQuery access (against the emulator)', function () {
  this.timeout(30_000);
  const h = useEmulator();
  let pool: ClientPool;
  trapUnhandledRejections();
  before(() => (pool = emulatorPool(h)));
  after(async () => {
    await pool.dispose();
  });
  const { set: faults, served } = useFaults(h);

  it('lists datasets, tables and columns', async () => {
    const datasets = await listBigQueryDatasets(pool);
    assert.deepEqual(datasets.items.map((d) => d.id), ['genai_demo_data', 'genai_demo_logs']);
    assert.equal(datasets.items[0].location, 'US');
    const tables = await listBigQueryTables(pool, 'genai_demo_data');
    assert.deepEqual(tables.items.map((t) => [t.id, t.type]), [['fraud_transactions', 'TABLE'], ['support_conversations', 'TABLE'], ['tuning_examples', 'TABLE'], ['web_events', 'TABLE']]);
    const columns = await getTableColumns(pool, 'genai_demo_data', 'fraud_transactions');
    assert.deepEqual(columns.find((c) => c.name === 'amount'), { name: 'amount', type: 'FLOAT', mode: 'NULLABLE', description: 'Transaction amount in EUR.' });
  });

  it('pages table rows with page tokens, rows as plain values', async () => {
    const first = await readTableRows(pool, 'genai_demo_data', 'support_conversations', { pageSize: 5 });
    assert.equal(first.items.length, 5);
    assert.ok(first.nextPageToken);
    assert.equal(typeof first.items[0].turn, 'number');
    assert.match(String(first.items[0].created_time), /^\d{4}-\d\d-\d\d/);
    const second = await readTableRows(pool, 'genai_demo_data', 'support_conversations', { pageSize: 5, pageToken: first.nextPageToken });
    const ids = (rows: typeof first.items) => rows.map((r) => `${String(r.conversation_id)}#${String(r.turn)}`);
    assert.equal(new Set([...ids(first.items), ...ids(second.items)]).size, 10);
  });

  it('runs a query and pages its results', async () => {
    const result = await runQuery(pool, 'SELECT merchant_category, COUNT(*) AS n FROM `genai-demo.genai_demo_data.fraud_transactions` GROUP BY merchant_category ORDER BY n DESC', { pageSize: 2 });
    assert.deepEqual(result.columns.map((c) => c.name), ['merchant_category', 'n']);
    assert.equal(result.items.length, 2);
    assert.ok(Number(result.items[0].n) >= Number(result.items[1].n));
    assert.ok(result.nextPageToken && result.totalRows && result.totalRows > 2);
    const more = await readQueryRows(pool, result.jobId, { pageToken: result.nextPageToken, pageSize: 100, location: result.location });
    assert.equal(result.items.length + more.items.length, result.totalRows);
  });

  it('turns a bad query into a sentence', async () => {
    const err = await rejection(runQuery(pool, 'SELECT nope FROM `genai-demo.genai_demo_data.fraud_transactions`'));
    const shown = parseError(err);
    assert.equal(shown.code, 'INVALID_ARGUMENT');
    assert.match(shown.message, /Unrecognized name: nope/);
  });

  it('times out a query that does not answer, and cancels its job', async () => {
    await faults('method=*bigquery.v2.JobService.GetQueryResults,latency=3000');
    const started = performance.now();
    const err = await rejection(runQuery(pool, 'SELECT 1 AS x', { timeoutMs: 600 }));
    assert.ok(performance.now() - started < 1500, 'bounded by its timeout');
    assert.equal(parseError(err).code, 'DEADLINE_EXCEEDED');
    assert.equal(served(/^POST \/bigquery\/v2\/projects\/genai-demo\/jobs\/vgo_\w+\/cancel /), 1);
  });

  it('is cancelled by an AbortSignal, and cancels the job', async () => {
    await faults('method=*bigquery.v2.JobService.GetQueryResults,latency=3000');
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const err = await rejection(runQuery(pool, 'SELECT 1 AS x', { signal: controller.signal }));
    assert.equal(parseError(err).code, 'CANCELLED');
    assert.equal(served(/\/jobs\/vgo_\w+\/cancel /), 1);
  });

  it('retries reads and the job insert (same job id) on 503, never doubling the job', async () => {
    await faults('method=*bigquery.v2.DatasetService.ListDatasets,error=503,times=1', 'method=*bigquery.v2.JobService.InsertJob,error=503,times=1');
    assert.equal((await listBigQueryDatasets(pool)).items.length, 2);
    assert.equal(served(/^GET \/bigquery\/v2\/projects\/genai-demo\/datasets /), 2);
    const result = await runQuery(pool, 'SELECT 2 AS y');
    assert.deepEqual(result.items, [{ y: 2 }]);
    assert.equal(served(/^POST \/bigquery\/v2\/projects\/genai-demo\/jobs /), 2);
    const job = (await (await h.fetch(`/bigquery/v2/projects/genai-demo/jobs/${result.jobId}`)).json()) as { jobReference: { jobId: string } };
    assert.equal(job.jobReference.jobId, result.jobId);
  });
});
