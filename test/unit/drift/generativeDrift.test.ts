// Generative-endpoint drift computed in BigQuery (the emulator's translation of
// src/drift/sql/*.sql into DuckDB) against the demo's request-response log, checked
// against the same math over the raw rows.
import * as assert from 'node:assert/strict';
import { histogram, quantileEdges } from '@vertex-genai-ops/catalog/drift/divergence';
import { numericCountsDrift, categoricalCountsDrift } from '@vertex-genai-ops/catalog/drift/featureDrift';
import { generativeDrift, generativeDriftSql, tableReference } from '../../../src/features/drift/generativeDrift';
import { DEMO_IDS, US } from '@vertex-genai-ops/emulator/seeds/demoIds';
import { ClientPool } from '../../../src/vertex/clients';
import { runQuery } from '../../../src/vertex/bigquery';
import { useEmulator } from '@vertex-genai-ops/emulator/harness';
import { testNow } from '@vertex-genai-ops/emulator/testClock';

const TABLE = 'bq://genai-demo.genai_demo_logs.request_response_logging';
const ENDPOINT = `${US}/endpoints/${DEMO_IDS.endpoints.supportBotProd}`;
const DAY = 86_400_000;

describe('drift: generative endpoints, computed in BigQuery', function () {
  this.timeout(60_000);
  const h = useEmulator();
  let pool: ClientPool;
  const now = testNow();
  const window = {
    baselineStart: new Date(now - 14 * DAY),
    baselineEnd: new Date(now - 7 * DAY),
    currentStart: new Date(now - 7 * DAY),
    currentEnd: new Date(now + DAY),
  };
  before(() => {
    pool = new ClientPool({ backend: 'emulator', project: 'genai-demo', regions: ['us-central1'], emulatorUrl: h.emulator.url });
  });
  after(() => pool.dispose());

  it('refuses a table name that is not project.dataset.table before sending anything', () => {
    assert.equal(tableReference(TABLE), '`genai-demo.genai_demo_logs.request_response_logging`');
    assert.throws(() => tableReference('logs; DROP TABLE x'), /not a BigQuery table/);
    assert.match(generativeDriftSql(TABLE).numeric, /FROM `genai-demo\.genai_demo_logs\.request_response_logging`/);
  });

  it('scores every metric per day of the current window, equal to the same math over the raw rows', async () => {
    const metrics = await generativeDrift(pool, TABLE, ENDPOINT, window);
    assert.deepEqual(metrics.map((m) => [m.metric, m.kind, m.algorithm]).sort(), [
      ['language', 'categorical', 'l_infinity'],
      ['outcome', 'categorical', 'l_infinity'],
      ['prompt_length', 'numeric', 'jensen_shannon_divergence'],
      ['prompt_tokens', 'numeric', 'jensen_shannon_divergence'],
      ['response_length', 'numeric', 'jensen_shannon_divergence'],
      ['response_tokens', 'numeric', 'jensen_shannon_divergence'],
      ['vocabulary', 'categorical', 'l_infinity'],
    ]);
    const promptLength = metrics.find((m) => m.metric === 'prompt_length');
    assert.ok(promptLength && promptLength.points.length >= 7, `${promptLength?.points.length} days`);

    // The same numbers from the raw rows, bucketed and compared here.
    const raw = await runQuery(pool, `SELECT logging_time, JSON_VALUE(full_request, '$.contents[0].parts[0].text') AS prompt, JSON_VALUE(full_response, '$.error.code') AS error_code,
      JSON_VALUE(full_response, '$.candidates[0].content.parts[0].text') AS response
      FROM ${tableReference(TABLE)} WHERE endpoint = @endpoint`, { params: { endpoint: ENDPOINT }, pageSize: 100_000 });
    const rows = raw.items.map((r) => ({ t: Date.parse(String((r.logging_time as { value?: string })?.value ?? r.logging_time)), prompt: String(r.prompt ?? ''), error: r.error_code != null, refusal: /^(i'm sorry|i am sorry|sorry, i|i can't|i cannot|i won't|i'm unable|i am unable)/.test(String(r.response ?? '').toLowerCase()) }));
    const inBaseline = rows.filter((r) => r.t >= window.baselineStart.getTime() && r.t < window.baselineEnd.getTime());
    const day = promptLength.points.at(-2)!.day;
    const onDay = rows.filter((r) => r.t >= window.currentStart.getTime() && new Date(r.t).toISOString().slice(0, 10) === day);
    // Edges: BigQuery's APPROX_QUANTILES (approximate by contract), as the result reports them.
    const got = promptLength.points.find((p) => p.day === day);
    const edges = (got?.baseline.histogram?.buckets ?? []).flatMap((b) => (b.high === undefined ? [] : [b.high]));
    const exact = quantileEdges(inBaseline.filter((r) => r.prompt).map((r) => r.prompt.length));
    assert.ok(edges.every((e) => exact.includes(e) || e >= exact[0]), 'edges are baseline values');
    const expected = numericCountsDrift(edges, histogram(inBaseline.filter((r) => r.prompt).map((r) => r.prompt.length), edges), histogram(onDay.filter((r) => r.prompt).map((r) => r.prompt.length), edges));
    assert.equal(got?.score, expected.score);
    // Outcome: answered / refusal / error (the demo has no safety blocks); L∞ over their shares.
    const count = (list: typeof rows, keep: (r: (typeof rows)[number]) => boolean) => list.filter(keep).length;
    const outcome = (list: typeof rows) => Object.fromEntries(Object.entries({
      answered: count(list, (r) => !r.error && !r.refusal),
      refusal: count(list, (r) => !r.error && r.refusal),
      error: count(list, (r) => r.error),
    }).filter(([, n]) => n > 0));
    const expectedOutcome = categoricalCountsDrift(outcome(inBaseline), outcome(onDay));
    assert.equal(metrics.find((m) => m.metric === 'outcome')?.points.find((p) => p.day === day)?.score, expectedOutcome.score);
  });
});
