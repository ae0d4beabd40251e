// BigQuery REST v2 through the official @google-cloud/bigquery client: the demo's
// datasets, tables and logs, paging, insertAll errors, jobs, and BigQuery's error shape.
import * as assert from 'node:assert/strict';
import { BigQuery, type Table } from '@google-cloud/bigquery';
import { OAuth2Client } from 'google-auth-library';
import { rejection, useEmulator } from './emulatorHarness';
import { testNow } from './testClock';

const PROJECT = 'genai-demo';
type Row = Record<string, unknown>;

describe('emulator BigQuery: datasets, tables and tabledata', () => {
  const h = useEmulator();
  let bq: BigQuery;
  before(() => {
    const authClient = new OAuth2Client();
    authClient.setCredentials({ access_token: 'emulator', expiry_date: Date.now() + 3_600_000 });
    bq = new BigQuery({ apiEndpoint: h.emulator.url, projectId: PROJECT, authClient });
  });
  const logs = () => bq.dataset('genai_demo_logs').table('request_response_logging');

  it('lists the demo datasets and their tables', async () => {
    const [datasets] = await bq.getDatasets();
    assert.deepEqual(datasets.map((d) => d.id), ['genai_demo_data', 'genai_demo_logs']);
    const [tables] = await bq.dataset('genai_demo_data').getTables();
    assert.deepEqual(tables.map((t) => t.id), ['fraud_transactions', 'support_conversations', 'tuning_examples', 'web_events']);
    const [empty] = await bq.getDatasets({ projectId: 'genai-sandbox' } as never);
    assert.deepEqual(empty, []);
  });

  it('describes the request-response logging table as Vertex AI creates it', async () => {
    const [meta] = await logs().getMetadata();
    const fields = Object.fromEntries((meta.schema.fields as Row[]).map((f) => [f.name, `${String(f.type)}/${String(f.mode)}`]));
    assert.deepEqual(fields, {
      endpoint: 'STRING/NULLABLE',
      deployed_model_id: 'STRING/NULLABLE',
      logging_time: 'TIMESTAMP/NULLABLE',
      request_id: 'NUMERIC/NULLABLE',
      request_payload: 'STRING/REPEATED',
      response_payload: 'STRING/REPEATED',
      model: 'STRING/NULLABLE',
      model_version: 'STRING/NULLABLE',
      api_method: 'STRING/NULLABLE',
      full_request: 'JSON/NULLABLE',
      full_response: 'JSON/NULLABLE',
      metadata: 'JSON/NULLABLE',
      otel_log: 'JSON/NULLABLE',
    });
    assert.equal(meta.id, `${PROJECT}:genai_demo_logs.request_response_logging`);
    assert.ok(Number(meta.numRows) > 1000, `numRows ${meta.numRows}`);
  });

  it('pages through the log table with tabledata.list, in logging order, every row once', async () => {
    const [meta] = await logs().getMetadata();
    const rows = await allRows(logs(), 700);
    assert.equal(rows.length, Number(meta.numRows));
    const times = rows.map((r) => (r.logging_time as { value: string }).value);
    assert.deepEqual(times, [...times].sort());
    assert.equal(new Set(rows.map((r) => r.request_id)).size, rows.length);
    const now = testNow();
    assert.ok(Date.parse(times[0]) >= now - 15 * 86_400_000 && Date.parse(times[times.length - 1]) <= now, 'rows span the last 14 days');
    const [page] = await logs().getRows({ startIndex: '10', maxResults: 2, selectedFields: 'request_id,api_method', autoPaginate: false } as never);
    assert.deepEqual(page, rows.slice(10, 12).map((r) => ({ request_id: r.request_id, api_method: r.api_method })));
  });

  it('serves TIMESTAMP cells as float seconds by default and as microseconds with useInt64Timestamp', async () => {
    const path = `/bigquery/v2/projects/${PROJECT}/datasets/genai_demo_logs/tables/request_response_logging/data?maxResults=1&selectedFields=logging_time`;
    const float = (await (await h.fetch(path)).json()) as { rows: { f: { v: string }[] }[]; totalRows: string };
    const micros = (await (await h.fetch(`${path}&formatOptions.useInt64Timestamp=true`)).json()) as typeof float;
    assert.equal(typeof float.totalRows, 'string');
    assert.match(float.rows[0].f[0].v, /^\d\.\d+E9$/);
    assert.match(micros.rows[0].f[0].v, /^\d{16}$/);
    assert.equal(Math.round(Number(float.rows[0].f[0].v) * 1e6), Number(micros.rows[0].f[0].v));
  });

  it('refuses a whole insertAll batch with a bad row, reporting it as invalid and the others as stopped', async () => {
    const [dataset] = await bq.createDataset('insert_test');
    const [table] = await dataset.createTable('events', {
      schema: {
        fields: [
          { name: 'id', type: 'INTEGER', mode: 'REQUIRED' },
          { name: 'at', type: 'TIMESTAMP' },
          { name: 'user', type: 'RECORD', fields: [{ name: 'name', type: 'STRING' }, { name: 'tags', type: 'STRING', mode: 'REPEATED' }] },
        ],
      },
    });
    const good = [
      { id: 1, at: '2026-01-02 03:04:05', user: { name: 'ada', tags: ['a', 'b'] } },
      { id: 2, at: new Date('2026-01-02T03:04:06Z'), user: { name: 'bob', tags: [] } },
    ];
    const err = (await rejection(table.insert([good[0], { id: 'three', user: { name: 'eve' } }, good[1]]))) as Error & { errors: { row: Row; errors: { reason: string; message: string }[] }[] };
    assert.equal(err.name, 'PartialFailureError');
    const reasons = err.errors.map((e) => [e.row.id, e.errors[0].reason, e.errors[0].message]);
    assert.deepEqual(reasons.sort((a, b) => String(a[0]).localeCompare(String(b[0]))), [
      [1, 'stopped', ''],
      [2, 'stopped', ''],
      ['three', 'invalid', 'Cannot convert value to integer (bad value): three'],
    ]);
    assert.deepEqual((await table.getRows())[0], []);
    const unknown = (await rejection(table.insert([{ id: 4, colour: 'red' }]))) as Error & { errors: { errors: { message: string }[] }[] };
    assert.equal(unknown.errors[0].errors[0].message, 'no such field: colour.');

    await table.insert(good);
    const [rows] = await table.getRows();
    assert.deepEqual(
      rows.map((r) => ({ id: r.id, at: (r.at as { value: string }).value, user: r.user })),
      [
        { id: 1, at: '2026-01-02T03:04:05.000Z', user: { name: 'ada', tags: ['a', 'b'] } },
        { id: 2, at: '2026-01-02T03:04:06.000Z', user: { name: 'bob', tags: [] } },
      ],
    );
    await assert.rejects(dataset.delete(), (e: Error & { code?: number }) => e.code === 400 && /is still in use/.test(e.message));
    await dataset.delete({ force: true });
    const gone = await rejection(bq.dataset('insert_test').getMetadata());
    assert.equal(gone.code, 404);
    assert.equal(gone.message, `Not found: Dataset ${PROJECT}:insert_test`);
  });

  it('answers duplicates and bad names in BigQuery\'s words', async () => {
    const duplicate = await rejection(bq.createDataset('genai_demo_logs'));
    assert.equal(duplicate.code, 409);
    assert.equal(duplicate.message, `Already Exists: Dataset ${PROJECT}:genai_demo_logs`);
    const badName = await rejection(bq.createDataset('bad-name'));
    assert.equal(badName.code, 400);
    assert.match(badName.message, /^Invalid dataset ID "bad-name"/);
    const badType = await rejection(bq.dataset('genai_demo_data').createTable('t', { schema: { fields: [{ name: 'x', type: 'INT128' }] } }));
    assert.equal(badType.message, 'Invalid value for type: INT128 is not a valid value');
  });
});

/** Every row, fetched page by page (autoPaginate off, following pageToken). */
async function allRows(table: Table, pageSize: number): Promise<Row[]> {
  const rows: Row[] = [];
  let query: Record<string, unknown> | null = { maxResults: pageSize, autoPaginate: false };
  while (query) {
    const [page, next] = (await table.getRows(query)) as unknown as [Row[], Record<string, unknown> | null];
    assert.ok(page.length <= pageSize);
    rows.push(...page);
    query = next ? { ...next, autoPaginate: false } : null;
  }
  return rows;
}
