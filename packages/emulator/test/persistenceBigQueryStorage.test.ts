// --data-dir for Cloud Storage and BigQuery: uploads, datasets, tables, inserted rows and
// query-job destinations survive SIGKILL right after they are answered; deletes stay
// deleted; the seed is written once per data dir; a crash between DuckDB's commit and
// the journal line leaves metadata that agrees with DuckDB.
import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BigQuery } from '@google-cloud/bigquery';
import { Storage } from '@google-cloud/storage';
import { OAuth2Client } from 'google-auth-library';
import { rejection } from './emulatorHarness';

const CLI = process.env.VGO_EMULATOR_JS ?? resolve(__dirname, '../emulator.js');
const PROJECT = 'genai-demo';

interface Emulator {
  child: ChildProcess;
  exited: Promise<number | null>;
  bq: BigQuery;
  gcs: Storage;
}

/** Killed after each test, whatever happened in it. */
const running = new Set<ChildProcess>();

async function start(dataDir: string, seed = 'demo'): Promise<Emulator> {
  const child = spawn(process.execPath, [CLI, '--port', '0', '--seed', seed, '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  running.add(child);
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  void exited.then(() => running.delete(child));
  const url = await new Promise<string>((done, fail) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(chunk.toString());
      if (m) done(m[1]);
    });
    void exited.then((code) => fail(new Error(`emulator exited ${code}`)));
  });
  const authClient = new OAuth2Client();
  authClient.setCredentials({ access_token: 'emulator', expiry_date: Date.now() + 3_600_000 });
  return { child, exited, bq: new BigQuery({ apiEndpoint: url, projectId: PROJECT, authClient }), gcs: new Storage({ apiEndpoint: url, projectId: PROJECT }) };
}

async function kill(emulator: Emulator, signal: NodeJS.Signals = 'SIGKILL'): Promise<number | null> {
  emulator.child.kill(signal);
  return emulator.exited;
}

const EVENTS_SCHEMA = [
  { name: 'id', type: 'INTEGER', mode: 'REQUIRED' },
  { name: 'kind', type: 'STRING' },
  { name: 'at', type: 'TIMESTAMP' },
];

const countOf = async (bq: BigQuery, sql: string) => Number((await bq.query({ query: sql, useLegacySql: false }))[0][0].n);

describe('emulator: Cloud Storage and BigQuery persistence (--data-dir)', function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'vgo-data-'));
  });
  afterEach(() => {
    for (const child of running) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps uploads, patches, deletes, datasets, tables, inserted rows and a query destination through SIGKILL', async () => {
    const first = await start(dir);
    const bucket = (await first.gcs.createBucket('vgo-durable', { location: 'us-central1' }))[0];
    const small = randomBytes(70 * 1024);
    const large = randomBytes(600 * 1024 + 7);
    await bucket.file('runs/small.bin').save(small, { resumable: false, contentType: 'application/octet-stream' });
    await bucket.file('runs/large.bin').save(large, { resumable: true, chunkSize: 256 * 1024 });
    await bucket.file('runs/small.bin').setMetadata({ metadata: { stage: 'eval' } });
    await bucket.file('runs/replaced.txt').save('first version', { resumable: false });
    await bucket.file('runs/replaced.txt').save('second version', { resumable: false });
    await first.gcs.bucket('genai-demo-tuning').file('bad/train.jsonl').delete();

    const [dataset] = await first.bq.createDataset('durable', { location: 'US' });
    const [events] = await dataset.createTable('events', { schema: { fields: EVENTS_SCHEMA } });
    const rows = Array.from({ length: 40 }, (_, i) => ({ id: i, kind: i % 3 ? 'predict' : 'train', at: `2026-11-0${1 + (i % 9)}T10:00:00Z` }));
    await events.insert(rows);
    const [job] = await first.bq.createQueryJob({
      query: 'SELECT kind, COUNT(*) AS n FROM durable.events GROUP BY kind ORDER BY kind',
      useLegacySql: false,
      destination: dataset.table('by_kind'),
    });
    assert.equal(await kill(first), null, 'killed, not shut down');

    const second = await start(dir);
    const kept = second.gcs.bucket('vgo-durable');
    assert.ok((await kept.file('runs/small.bin').download())[0].equals(small), 'multipart upload byte-identical');
    assert.ok((await kept.file('runs/large.bin').download())[0].equals(large), 'resumable upload byte-identical');
    assert.deepEqual((await kept.file('runs/small.bin').getMetadata())[0].metadata, { stage: 'eval' });
    assert.equal((await kept.file('runs/replaced.txt').download())[0].toString(), 'second version');
    const gone = await rejection(second.gcs.bucket('genai-demo-tuning').file('bad/train.jsonl').download());
    assert.equal(gone.code, 404);
    // The data dir keeps the bytes of live generations only: not those replaced or deleted.
    const live = await Promise.all([kept, second.gcs.bucket('genai-demo-tuning'), second.gcs.bucket('genai-demo-data')].map(async (b) => (await b.getFiles())[0].map((f) => String(f.metadata.generation))));
    assert.deepEqual(readdirSync(join(dir, 'objects')).sort(), live.flat().sort());

    const [got] = await second.bq.dataset('durable').table('events').getRows();
    const instant = (at: string) => new Date(at).toISOString();
    assert.deepEqual(got.map((r) => [r.id, r.kind, instant((r.at as { value: string }).value)]), rows.map((r) => [r.id, r.kind, instant(r.at)]));
    assert.equal((await second.bq.dataset('durable').table('events').getMetadata())[0].numRows, '40');
    const [summary] = await second.bq.dataset('durable').table('by_kind').getRows();
    assert.deepEqual(summary, [{ kind: 'predict', n: 26 }, { kind: 'train', n: 14 }]);
    const [jobMeta] = await second.bq.job(String(job.id), { location: 'US' }).getMetadata();
    assert.equal(jobMeta.configuration.query.destinationTable.tableId, 'by_kind');
    const [results] = await second.bq.job(String(job.id), { location: 'US' }).getQueryResults();
    assert.deepEqual(results, summary, 'a restored job reads its destination table');

    // Writing goes on where it stopped: DuckDB's files are attached again.
    await second.bq.dataset('durable').table('events').insert([{ id: 40, kind: 'train' }]);
    assert.equal(await countOf(second.bq, 'SELECT COUNT(*) AS n FROM durable.events'), 41);
    await second.bq.dataset('durable').createTable('more', { schema: { fields: EVENTS_SCHEMA } });
  });

  it('seeds a new data dir once: a restart neither re-seeds nor brings back deleted seed data', async () => {
    const first = await start(dir);
    const [datasets] = await first.bq.getDatasets();
    assert.deepEqual(datasets.map((d) => d.id), ['genai_demo_data', 'genai_demo_logs'], 'a new data dir gets the seed');
    const seededRows = await countOf(first.bq, 'SELECT COUNT(*) AS n FROM genai_demo_data.fraud_transactions');
    assert.ok(seededRows > 0);
    await first.bq.dataset('genai_demo_data').table('support_conversations').delete();
    await first.gcs.bucket('genai-demo-tuning').file('support-chat/validation.jsonl').delete();
    const [train] = await first.gcs.bucket('genai-demo-tuning').file('support-chat/train.jsonl').download();
    assert.equal(await kill(first, 'SIGTERM'), 0);

    for (let restart = 0; restart < 2; restart++) {
      const again = await start(dir, 'empty');
      assert.deepEqual((await again.bq.getDatasets())[0].map((d) => d.id), ['genai_demo_data', 'genai_demo_logs']);
      assert.deepEqual((await again.bq.dataset('genai_demo_data').getTables())[0].map((t) => t.id), ['fraud_transactions', 'tuning_examples', 'web_events']);
      assert.equal(await countOf(again.bq, 'SELECT COUNT(*) AS n FROM genai_demo_data.fraud_transactions'), seededRows, 'the seed rows are not written twice');
      const [files] = await again.gcs.bucket('genai-demo-tuning').getFiles();
      assert.deepEqual(files.map((f) => f.name), ['bad/train.jsonl', 'support-chat/train.jsonl']);
      assert.ok((await again.gcs.bucket('genai-demo-tuning').file('support-chat/train.jsonl').download())[0].equals(train));
      assert.equal(await kill(again), null);
    }
  });

  it('makes metadata agree with DuckDB after a crash between DuckDB commit and journal line', async () => {
    const first = await start(dir, 'empty');
    const [dataset] = await first.bq.createDataset('half');
    const [table] = await dataset.createTable('t', { schema: { fields: EVENTS_SCHEMA } });
    await table.insert([{ id: 1 }, { id: 2 }]);
    await table.insert([{ id: 3 }]);
    await dataset.createTable('orphan', { schema: { fields: EVENTS_SCHEMA } });
    await kill(first);
    // Lose the journal lines of the last two requests, as if the crash came between
    // DuckDB's commit and the journal's fsync: the third row and the table "orphan".
    const journal = join(dir, 'journal.jsonl');
    const lines = readFileSync(journal, 'utf8').split('\n').filter(Boolean);
    writeFileSync(journal, `${lines.slice(0, -2).join('\n')}\n`);

    const second = await start(dir, 'empty');
    const t = second.bq.dataset('half').table('t');
    // The unanswered insert's row is in DuckDB: once DuckDB has opened, the count agrees with it.
    assert.deepEqual((await t.getRows())[0].map((r) => r.id), [1, 2, 3]);
    assert.equal((await t.getMetadata())[0].numRows, '3');
    assert.equal((await rejection(second.bq.dataset('half').table('orphan').getMetadata())).code, 404);
    await second.bq.dataset('half').createTable('orphan', { schema: { fields: EVENTS_SCHEMA.slice(0, 1) } });
    assert.deepEqual((await second.bq.dataset('half').table('orphan').getRows())[0], []);
  });
});
