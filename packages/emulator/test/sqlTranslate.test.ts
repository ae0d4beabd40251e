// GoogleSQL → DuckDB, construct by construct: each query is translated and run on
// DuckDB, and the answer must be the one BigQuery documents for it.
import * as assert from 'node:assert/strict';
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { openDuckDb } from '../src/bigquery/bigQueryState';
import { SqlError } from '../src/sql/sqlError';
import { translateQuery, type TranslateContext } from '../src/sql/sqlTranslate';

const NOW = new Date('2026-03-04T10:30:00.000Z'); // a Wednesday

describe('emulator SQL: GoogleSQL translated to DuckDB', () => {
  let instance: DuckDBInstance;
  let db: DuckDBConnection;

  before(async () => {
    ({ instance, db } = await openDuckDb());
    await db.run(`ATTACH ':memory:' AS "genai-demo"`);
    await db.run(`CREATE SCHEMA "genai-demo".logs`);
    await db.run(`CREATE TABLE "genai-demo".logs.requests (id BIGINT, latency_ms BIGINT, ok BOOLEAN, ts TIMESTAMPTZ, meta JSON, tags VARCHAR[])`);
    const rows = Array.from({ length: 20 }, (_, i) => {
      const at = new Date(Date.UTC(2026, 2, 1 + (i % 3), i, 15)).toISOString();
      return `(${i + 1}, ${(i + 1) * 10}, ${i % 4 !== 0}, '${at}', '{"status": ${i % 4 ? 200 : 500}, "usage": {"tokens": ${i * 3}}}', ['t${i % 2}', 'all'])`;
    });
    await db.run(`INSERT INTO "genai-demo".logs.requests VALUES ${rows.join(', ')}`);
  });
  after(() => {
    db.closeSync();
    instance.closeSync();
  });

  const ctx = (extra: Partial<TranslateContext> = {}): TranslateContext => ({ defaultProject: 'genai-demo', now: NOW, ...extra });
  /** Translates, runs, and returns the rows as plain JSON values. */
  const run = async (sql: string, extra: Partial<TranslateContext> = {}) => {
    const reader = await db.runAndReadAll(translateQuery(sql, ctx(extra)).sql);
    return reader.getRowObjectsJson() as Record<string, unknown>[];
  };
  const one = async (sql: string, extra: Partial<TranslateContext> = {}) => (await run(sql, extra))[0];
  const refused = (sql: string, extra: Partial<TranslateContext> = {}): SqlError => {
    try {
      translateQuery(sql, ctx(extra));
    } catch (err) {
      if (err instanceof SqlError) return err;
      throw err;
    }
    throw new Error(`expected ${sql} to be refused`);
  };

  describe('table references', () => {
    it('casts NUMERIC to STRING without trailing zeros, as BigQuery prints it', async () => {
    assert.deepEqual(await one("SELECT CAST(NUMERIC '725159969142267714' AS STRING) AS a, CAST(NUMERIC '2.50' AS STRING) AS b, CAST(42 AS STRING) AS c, SAFE_CAST(1.25 AS STRING) AS d"), {
      a: '725159969142267714',
      b: '2.5',
      c: '42',
      d: '1.25',
    });
  });

  it('reads `project.dataset.table`, `project`.dataset.table, dataset.table and (with a default dataset) table', async () => {
      for (const from of ['`genai-demo.logs.requests`', '`genai-demo`.logs.requests', 'genai-demo.logs.requests', 'logs.requests', '`logs.requests`']) {
        assert.deepEqual(await one(`SELECT COUNT(*) AS n FROM ${from}`), { n: '20' }, from);
      }
      assert.deepEqual(await one('SELECT COUNT(*) AS n FROM requests', { defaultDataset: 'logs' }), { n: '20' });
    });

    it('reports the tables a query reads, fully qualified, and leaves CTE names alone', () => {
      const t = translateQuery('WITH recent AS (SELECT * FROM logs.requests) SELECT * FROM recent JOIN `other-proj.ds.t` USING (id)', ctx());
      assert.deepEqual(t.tables.map((r) => [r.project, r.dataset, r.table]), [['genai-demo', 'logs', 'requests'], ['other-proj', 'ds', 't']]);
    });

    it('refuses an unqualified table with BigQuery\'s message and position', () => {
      assert.equal(refused('SELECT 1\nFROM requests').message, 'Table "requests" must be qualified with a dataset (e.g. dataset.table). at [2:6]');
    });
  });

  describe('literals and parameters', () => {
    it('reads "double" and \'single\' quoted strings, escapes, raw and triple-quoted strings as strings', async () => {
      assert.deepEqual(await one(`SELECT "dq" AS a, 'it\\'s' AS b, r'\\d+' AS c, '''x\ny''' AS d, "tab\\tend" AS e`), { a: 'dq', b: "it's", c: '\\d+', d: 'x\ny', e: 'tab\tend' });
    });

    it('types float literals as FLOAT64 and typed literals as their type', async () => {
      const row = await one(`SELECT 1.5 * 2 AS f, TIMESTAMP '2026-01-02 03:04:05 UTC' AS ts, DATE '2026-01-02' AS d, JSON '{"a": 1}' AS j`);
      assert.deepEqual(row, { f: 3, ts: '2026-01-02 03:04:05+00', d: '2026-01-02', j: '{"a": 1}' });
    });

    it('substitutes named (@name) and positional (?) parameters', async () => {
      const named = new Map([['min', 'CAST(150 AS BIGINT)'], ['tag', `CAST('t1' AS VARCHAR)`]]);
      assert.deepEqual(await one('SELECT COUNT(*) AS n FROM logs.requests WHERE latency_ms >= @min AND @TAG IN UNNEST(tags)', { named }), { n: '3' });
      assert.deepEqual(await one('SELECT COUNT(*) AS n FROM logs.requests WHERE latency_ms BETWEEN ? AND ?', { positional: ['50', '80'] }), { n: '4' });
      assert.match(refused('SELECT @missing').message, /^Query parameter 'missing' not found at \[1:8\]$/);
      assert.match(refused('SELECT ?, ?', { positional: ['1'] }).message, /more positional parameters/);
    });
  });

  describe('functions a monitoring dashboard uses', () => {
    it('SAFE_DIVIDE is NULL when dividing by zero, a FLOAT64 otherwise; COUNTIF counts true conditions', async () => {
      assert.deepEqual(await one('SELECT SAFE_DIVIDE(1, 0) AS z, SAFE_DIVIDE(1, 4) AS q'), { z: null, q: 0.25 });
      assert.deepEqual(await one('SELECT COUNTIF(NOT ok) AS errors, SAFE_DIVIDE(COUNTIF(NOT ok), COUNT(*)) AS rate FROM logs.requests'), { errors: '5', rate: 0.25 });
    });

    it('APPROX_QUANTILES(x, n) gives the n+1 boundaries; [OFFSET(i)] is 0-based, [ORDINAL(i)] 1-based', async () => {
      const row = await one('SELECT APPROX_QUANTILES(latency_ms, 4) AS q, APPROX_QUANTILES(latency_ms, 100)[OFFSET(95)] AS p95, APPROX_QUANTILES(latency_ms, 4)[ORDINAL(1)] AS lowest FROM logs.requests');
      // Nearest rank over 10, 20, …, 200: the quartiles are the 5th, 10th and 15th values.
      assert.deepEqual(row, { q: ['10', '50', '100', '150', '200'], p95: '190', lowest: '10' });
    });

    it('RANGE_BUCKET(x, boundaries) counts the boundaries ≤ x (NULL for NULL), as histograms bucket', async () => {
      // Latencies 10, 20, …, 200: < 50 → 0 (4 values); [50,100) → 1 (5); [100,150) → 2 (5); ≥ 150 → 3 (6).
      const rows = await run('SELECT RANGE_BUCKET(latency_ms, [50, 100, 150]) AS bucket, COUNT(*) AS n FROM logs.requests GROUP BY bucket ORDER BY bucket');
      assert.deepEqual(rows, [{ bucket: '0', n: '4' }, { bucket: '1', n: '5' }, { bucket: '2', n: '5' }, { bucket: '3', n: '6' }]);
      assert.deepEqual(await one('SELECT RANGE_BUCKET(NULL, [1, 2]) AS b, RANGE_BUCKET(2, [1, 2, 3]) AS c'), { b: null, c: '2' });
    });

    it('TIMESTAMP_SUB / TIMESTAMP_ADD move by an INTERVAL; CURRENT_TIMESTAMP() is the query time', async () => {
      const row = await one('SELECT TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 7 DAY) AS week_ago, TIMESTAMP_ADD(CURRENT_TIMESTAMP, INTERVAL 90 MINUTE) AS later');
      assert.deepEqual(row, { week_ago: '2026-02-25 10:30:00+00', later: '2026-03-04 12:00:00+00' });
      const days = new Map([['days', 'CAST(2 AS BIGINT)']]);
      assert.deepEqual(await one('SELECT COUNT(*) AS n FROM logs.requests WHERE ts >= TIMESTAMP_SUB(TIMESTAMP "2026-03-03 00:00:00", INTERVAL @days DAY)', { named: days }), { n: '20' });
    });

    it('TIMESTAMP_TRUNC to DAY, HOUR, WEEK (Sunday), WEEK(MONDAY), ISOWEEK and MONTH', async () => {
      const ts = `TIMESTAMP '2026-03-04 10:30:00'`;
      const row = await one(
        `SELECT TIMESTAMP_TRUNC(${ts}, DAY) AS d, TIMESTAMP_TRUNC(${ts}, HOUR) AS h, TIMESTAMP_TRUNC(${ts}, WEEK) AS w, ` +
          `TIMESTAMP_TRUNC(${ts}, WEEK(MONDAY)) AS wm, TIMESTAMP_TRUNC(${ts}, ISOWEEK) AS iw, TIMESTAMP_TRUNC(${ts}, MONTH) AS m`,
      );
      assert.deepEqual(row, {
        d: '2026-03-04 00:00:00+00',
        h: '2026-03-04 10:00:00+00',
        w: '2026-03-01 00:00:00+00',
        wm: '2026-03-02 00:00:00+00',
        iw: '2026-03-02 00:00:00+00',
        m: '2026-03-01 00:00:00+00',
      });
    });

    it('TIMESTAMP_DIFF counts whole units, not boundaries crossed', async () => {
      const row = await one(
        `SELECT TIMESTAMP_DIFF(TIMESTAMP '2026-01-01 02:01:00', TIMESTAMP '2026-01-01 01:59:00', HOUR) AS across, ` +
          `TIMESTAMP_DIFF(TIMESTAMP '2026-01-01 03:30:00', TIMESTAMP '2026-01-01 02:00:00', MINUTE) AS minutes, ` +
          `TIMESTAMP_DIFF(TIMESTAMP '2026-01-01 00:00:00', TIMESTAMP '2026-01-03 12:00:00', DAY) AS negative`,
      );
      assert.deepEqual(row, { across: '0', minutes: '90', negative: '-2' });
    });

    it('JSON_VALUE gives scalars as strings (NULL for objects and missing paths); JSON_QUERY gives JSON', async () => {
      const row = await one(
        `SELECT JSON_VALUE(meta, '$.status') AS status, JSON_VALUE(meta, '$.usage') AS object, JSON_VALUE(meta, '$.nope') AS missing, ` +
          `JSON_QUERY(meta, '$.usage') AS usage, CAST(JSON_VALUE(meta, '$.usage.tokens') AS INT64) + 1 AS tokens FROM logs.requests WHERE id = 2`,
      );
      assert.deepEqual(row, { status: '200', object: null, missing: null, usage: '{"tokens":3}', tokens: '4' });
    });

    it('LENGTH, SPLIT (comma by default), ARRAY_LENGTH and UNNEST … AS x [WITH OFFSET]', async () => {
      assert.deepEqual(await one(`SELECT LENGTH('héllo') AS l, SPLIT('a,b,,c') AS parts, SPLIT('a-b', '-') AS dash, ARRAY_LENGTH(['x', 'y', 'z']) AS n`), {
        l: '5',
        parts: ['a', 'b', '', 'c'],
        dash: ['a', 'b'],
        n: '3',
      });
      const rows = await run(`SELECT word, pos FROM UNNEST(SPLIT('red green blue', ' ')) AS word WITH OFFSET AS pos ORDER BY pos`);
      assert.deepEqual(rows, [{ word: 'red', pos: '0' }, { word: 'green', pos: '1' }, { word: 'blue', pos: '2' }]);
      const tagged = await run(`SELECT tag, COUNT(*) AS n FROM logs.requests, UNNEST(tags) AS tag GROUP BY tag ORDER BY tag`);
      assert.deepEqual(tagged, [{ tag: 'all', n: '20' }, { tag: 't0', n: '10' }, { tag: 't1', n: '10' }]);
    });

    it('IF, IFNULL and STRUCT (aliased, named by column, anonymous)', async () => {
      const row = await one(`SELECT IF(latency_ms > 100, 'slow', 'fast') AS speed, IFNULL(NULL, 'fallback') AS f, STRUCT(id, latency_ms AS ms, 'x') AS s FROM logs.requests WHERE id = 11`);
      assert.deepEqual(row, { speed: 'slow', f: 'fallback', s: { id: '11', ms: '110', _field_3: 'x' } });
    });

    it('keeps BigQuery\'s NULL and base rules where DuckDB differs: CONCAT, GREATEST, LOG, EXTRACT(DAYOFWEEK)', async () => {
      const row = await one(`SELECT CONCAT('a', NULL) AS c, GREATEST(1, NULL) AS g, ROUND(LOG(EXP(2)), 6) AS ln, EXTRACT(DAYOFWEEK FROM DATE '2026-03-01') AS sunday`);
      assert.deepEqual(row, { c: null, g: null, ln: 2, sunday: '1' });
    });

    it('rewrites SELECT * EXCEPT (…)', async () => {
      assert.deepEqual(Object.keys(await one('SELECT * EXCEPT (meta, tags) FROM logs.requests LIMIT 1')), ["id", "latency_ms", "ok", "ts"]);
    });
  });

  describe('what it refuses, naming the construct', () => {
    it('an unknown function, with its position', () => {
      assert.equal(refused('SELECT\n  ST_DISTANCE(a, b) FROM logs.requests').message, 'Function not found: ST_DISTANCE (the Vertex GenAI emulator runs a subset of GoogleSQL functions) at [2:3]');
    });

    it('statements other than SELECT, scripts, SAFE. functions, PIVOT and wildcard tables', () => {
      assert.match(refused('INSERT INTO logs.requests (id) VALUES (1)').message, /^Not supported by the Vertex GenAI emulator: INSERT statements/);
      assert.match(refused('SELECT 1; SELECT 2').message, /Multi-statement queries/);
      assert.match(refused('SELECT SAFE.LOG(0)').message, /SAFE\.-prefixed functions/);
      assert.match(refused('SELECT * FROM logs.requests PIVOT (COUNT(*) FOR ok IN (true))').message, /PIVOT/);
      assert.match(refused('SELECT * FROM `genai-demo.logs.req*`').message, /Wildcard tables/);
      assert.match(refused("SELECT TIMESTAMP_DIFF(ts, ts, MONTH) FROM logs.requests").message, /TIMESTAMP_DIFF in MONTH/);
    });

    it('syntax errors found while tokenizing', () => {
      assert.equal(refused("SELECT 'unclosed").message, 'Syntax error: Unclosed string literal at [1:8]');
      assert.equal(refused('SELECT (1').message, 'Syntax error: Unexpected end of script at [1:8]');
    });
  });
});
