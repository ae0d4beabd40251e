// The emulator's BigQuery runs what a query says and nothing else: a hostile corpus of
// queries that try to read or list files, reach the network, load extensions or change
// settings goes through the official client, and every one is a 400 invalidQuery that
// leaks nothing. Behind the translator, DuckDB itself refuses the same (sandbox, locked).
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BigQuery } from '@google-cloud/bigquery';
import { OAuth2Client } from 'google-auth-library';
import { BigQueryState } from '../src/bigquery/bigQueryState';
import { DUCKDB_TABLE_FUNCTIONS } from '../src/sql/duckdbTableFunctions';
import { rejection, useEmulator } from './emulatorHarness';

const SECRET = 'vgo-secret-7f3a9c';

describe('emulator BigQuery: SQL sandbox', () => {
  const h = useEmulator({ seed: 'demo' });
  let bq: BigQuery;
  let dir: string;
  let csv: string;
  let json: string;

  before(() => {
    const authClient = new OAuth2Client();
    authClient.setCredentials({ access_token: 'emulator', expiry_date: Date.now() + 3_600_000 });
    bq = new BigQuery({ apiEndpoint: h.emulator.url, projectId: 'genai-demo', authClient });
    dir = mkdtempSync(join(tmpdir(), 'vgo-sandbox-'));
    csv = join(dir, 'secret.csv');
    json = join(dir, 'adc.json');
    writeFileSync(csv, `token\n${SECRET}\n`);
    writeFileSync(json, JSON.stringify({ refresh_token: SECRET }));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  /** The query's refusal: BigQuery's 400 invalidQuery, its message naming what was refused, no secret in it. */
  async function refused(query: string): Promise<string> {
    const err = (await rejection(bq.query({ query, defaultDataset: { datasetId: 'genai_demo_logs' } }))) as Error & { code?: number; errors?: { reason?: string }[] };
    assert.equal(err.code, 400, `${query} → ${err.message}`);
    assert.equal(err.errors?.[0]?.reason, 'invalidQuery', query);
    assert.ok(!err.message.includes(SECRET) && !err.message.includes('root:'), `${query} leaked: ${err.message}`);
    return err.message;
  }

  it('refuses the reproduction from the audit: a WITH named read_text reading /etc/passwd, quoted paths and glob()', async () => {
    assert.match(await refused('WITH `read_text` AS (SELECT 1) SELECT * FROM `read_text`("/etc/passwd")'), /WITH names that are function names \(read_text\)/);
    assert.match(await refused(`SELECT * FROM '${csv}'`), /file paths and strings in FROM/);
    assert.match(await refused(`SELECT * FROM "${json}"`), /file paths and strings in FROM/);
    assert.match(await refused(`SELECT * FROM \`glob\`('${dir}/*')`), /backtick-quoted function names \(`glob`\)/);
    // A plain query still runs.
    const [rows] = await bq.query({ query: 'SELECT COUNT(*) AS n FROM genai_demo_logs.request_response_logging', useLegacySql: false });
    assert.ok(Number(rows[0].n) > 0);
  });

  it('refuses a corpus of attempts to read files, list directories, reach the network, load extensions or change settings', async () => {
    const corpus = [
      // Files, by table function.
      `SELECT * FROM read_text('${csv}')`,
      `SELECT * FROM read_csv_auto('${csv}')`,
      `SELECT * FROM read_csv('${csv}')`,
      `SELECT * FROM read_json('${json}')`,
      `SELECT * FROM read_json_auto('${json}')`,
      `SELECT * FROM read_blob('${csv}')`,
      `SELECT * FROM read_parquet('${dir}/x.parquet')`,
      `SELECT * FROM parquet_scan('${dir}/x.parquet')`,
      `SELECT * FROM sniff_csv('${csv}')`,
      `SELECT * FROM request_response_logging, read_text('/etc/passwd')`,
      `SELECT * FROM request_response_logging JOIN read_text('/etc/passwd') ON TRUE`,
      `SELECT (SELECT content FROM read_text('/etc/passwd'))`,
      `SELECT read_text('/etc/passwd')`,
      // Files, by path.
      `SELECT * FROM '/etc/passwd'`,
      `SELECT * FROM "${csv}"`,
      `SELECT * FROM r'${csv}'`,
      `SELECT * FROM (FROM '${csv}')`,
      `SELECT * FROM request_response_logging, '${csv}'`,
      `SELECT * FROM \`${csv}\``,
      // Directories.
      `SELECT * FROM glob('${dir}/*')`,
      `SELECT * FROM \`glob\`('/etc/*')`,
      `SELECT * FROM \`read_text\`('/etc/passwd')`,
      `SELECT \`read_text\`('/etc/passwd')`,
      // WITH names that would let DuckDB call a function or read a path.
      `WITH glob AS (SELECT 1) SELECT * FROM glob('/etc/*')`,
      `WITH read_csv_auto AS (SELECT 1 AS x) SELECT * FROM read_csv_auto('${csv}')`,
      `WITH \`${csv}\` AS (SELECT 1 AS x) SELECT * FROM \`${csv}\``,
      `SELECT * FROM (WITH \`/etc/passwd\` AS (SELECT 1) SELECT 1), \`/etc/passwd\``,
      // The network.
      `SELECT * FROM read_csv('https://example.com/data.csv')`,
      `SELECT * FROM 'https://example.com/data.parquet'`,
      `SELECT * FROM 's3://bucket/key.csv'`,
      // Extensions, settings, other databases, other statements.
      `INSTALL httpfs`,
      `LOAD httpfs`,
      `SELECT 1; LOAD httpfs`,
      `SET enable_external_access = true`,
      `SELECT 1; SET lock_configuration = false`,
      `PRAGMA enable_profiling`,
      `ATTACH '${dir}/other.duckdb' AS other`,
      `COPY (SELECT 1) TO '${dir}/out.csv'`,
      `SELECT * FROM (DESCRIBE request_response_logging)`,
      `SELECT * FROM (SHOW ALL TABLES)`,
      `(SUMMARIZE SELECT 1)`,
      `SELECT * FROM duckdb_settings()`,
      `SELECT current_setting('enable_external_access')`,
      `SELECT getenv('HOME')`,
      `EXPORT DATABASE '${dir}/dump'`,
    ];
    let refusedCount = 0;
    for (const query of corpus) {
      await refused(query);
      refusedCount++;
    }
    console.log(`      ${corpus.length} tried, ${refusedCount} refused`);
    assert.ok(corpus.length >= 30);
    assert.equal(refusedCount, corpus.length);
  });

  it('keeps DuckDB sandboxed and locked even for SQL that skips the translator', async () => {
    const state = new BigQueryState(() => new Date());
    try {
      const raw = (sql: string) => rejection(state.read((db) => db.run(sql)));
      assert.match((await raw(`SELECT * FROM read_text('${csv}')`)).message, /file system operations are disabled/);
      assert.match((await raw(`SELECT * FROM glob('${dir}/*')`)).message, /file system operations are disabled/);
      assert.match((await raw(`ATTACH '${dir}/x.duckdb' AS x`)).message, /file system operations are disabled/);
      assert.match((await raw('LOAD httpfs')).message, /disabled/);
      assert.match((await raw('SET enable_external_access = true')).message, /configuration has been locked/);
      assert.match((await raw('SET autoload_known_extensions = true')).message, /configuration has been locked/);
    } finally {
      await state.close();
    }
  });

  it("knows every DuckDB table function a WITH name could shadow", async () => {
    const state = new BigQueryState(() => new Date());
    try {
      const names = await state.read(async (db) => (await db.runAndReadAll(`SELECT DISTINCT function_name FROM duckdb_functions() WHERE function_type = 'table'`)).getRows().map((r) => String(r[0])));
      assert.deepEqual(names.filter((n) => !DUCKDB_TABLE_FUNCTIONS.has(n)), []);
    } finally {
      await state.close();
    }
  });
});
