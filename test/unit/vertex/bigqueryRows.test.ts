// Rows at any offset through the official @google-cloud/bigquery client against the
// emulator: the million-row demo table, nested values, NULL against empty text.
import * as assert from 'node:assert/strict';
import { ClientPool } from '../../../src/vertex/clients';
import { cellText, openTable, queryColumns, queryPages, tablePages } from '../../../src/vertex/bigqueryRows';
import { parseError } from '../../../src/vertex/parseError';
import { rejection, trapUnhandledRejections, useEmulator } from '@vertex-genai-ops/emulator/harness';
import { emulatorPool } from '../../support/emulatorPool';

const events = { projectId: 'genai-demo', datasetId: 'genai_demo_data', tableId: 'web_events' };
const examples = { projectId: 'genai-demo', datasetId: 'genai_demo_data', tableId: 'tuning_examples' };

describe('BigQuery rows at any offset (against the emulator)', function () {
  this.timeout(30_000);
  const h = useEmulator();
  let pool: ClientPool;
  trapUnhandledRejections();
  before(() => (pool = emulatorPool(h)));
  after(() => pool.dispose());

  it('opens the million-row table and reads the page at row 999,900 quickly, in one request', async () => {
    const table = await openTable(pool, events);
    assert.equal(table.numRows, 1_000_000);
    assert.deepEqual(table.columns.map((c) => `${c.name}:${c.type}`), ['event_id:INTEGER', 'event_time:TIMESTAMP', 'channel:STRING', 'latency_ms:FLOAT', 'user_id:STRING']);
    await table.rowsAt(0, 100); // DuckDB opens and the seed is generated on the first read
    h.requests.length = 0;
    const started = performance.now();
    const rows = await table.rowsAt(999_900, 100);
    const ms = performance.now() - started;
    assert.equal(rows.length, 100);
    assert.deepEqual(rows.map((r) => r.event_id), Array.from({ length: 100 }, (_, i) => 999_900 + i));
    assert.equal(rows[99].user_id, `user-${(999_999 * 31) % 50000}`);
    assert.equal(rows.find((r) => Number(r.event_id) % 97 === 0)?.user_id, null, 'every 97th event is anonymous');
    assert.ok(ms < 250, `page at 999,900 took ${ms.toFixed(0)} ms`);
    assert.deepEqual(h.requests.map((r) => r.split(' ').slice(0, 2).join(' ').replace(/\?.*/, '')), ['GET /bigquery/v2/projects/genai-demo/datasets/genai_demo_data/tables/web_events/data']);
  });

  it('reads the last rows short, and nothing past the end', async () => {
    const table = await openTable(pool, events);
    assert.deepEqual((await table.rowsAt(999_998, 100)).map((r) => r.event_id), [999_998, 999_999]);
    assert.deepEqual(await table.rowsAt(1_000_000, 100), []);
  });

  it('keeps NULL apart from empty text and shows nested values as compact JSON', async () => {
    const table = await openTable(pool, examples);
    const rows = await table.rowsAt(0, 10);
    assert.equal(rows.length, 10);
    assert.equal(cellText(rows[2].system_instruction), null);
    assert.equal(cellText(rows[3].system_instruction), '');
    assert.equal(cellText(rows[1].tags), '["returns","billing"]');
    assert.equal(cellText(rows[0].source), '{"name":"faq","reviewed":true}');
    assert.equal(cellText(rows[8].tags), '[]');
  });

  it('pages a whole table and a query', async () => {
    const pages = [];
    for await (const page of tablePages(pool, examples, { pageSize: 4 })) pages.push(page.rows.length);
    assert.deepEqual(pages, [4, 4, 2]);
    const sizes = [];
    for await (const page of queryPages(pool, 'SELECT event_id FROM `genai-demo.genai_demo_data.web_events` WHERE event_id < 2500', { pageSize: 1000 })) {
      sizes.push(page.rows.length);
      assert.equal(page.totalRows, 2500);
    }
    assert.deepEqual(sizes, [1000, 1000, 500]);
  });

  it('knows the columns of a query from a dry run, and why a query is wrong', async () => {
    h.requests.length = 0;
    const columns = await queryColumns(pool, 'SELECT question AS q, tags FROM `genai-demo.genai_demo_data.tuning_examples`');
    assert.deepEqual(columns.map((c) => [c.name, c.type, c.mode]), [['q', 'STRING', 'NULLABLE'], ['tags', 'STRING', 'REPEATED']]);
    assert.deepEqual(h.requests.map((r) => r.split(' ').slice(0, 2).join(' ')), ['POST /bigquery/v2/projects/genai-demo/queries']);
    const err = await rejection(queryColumns(pool, 'SELECT nope FROM `genai-demo.genai_demo_data.tuning_examples`'));
    assert.match(parseError(err).message, /Unrecognized name: nope/);
  });

  it('says which table is missing', async () => {
    const err = await rejection(openTable(pool, { ...events, tableId: 'nope' }));
    assert.match(parseError(err).message, /nope/);
  });
});
