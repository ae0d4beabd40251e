// The Monitoring panel's .sql files, translated and run by the emulator's BigQuery through
// the official client, against figures computed here from the raw log rows (tabledata.list).
import * as assert from 'node:assert/strict';
import type { Table } from '@google-cloud/bigquery';
import { DEMO_IDS } from '@vertex-genai-ops/emulator/seeds/demoIds';
import { exportPages, loadLogEntry, loadMetrics, LogPager, timeWindow, type QueryContext } from '../../../src/features/monitoring/monitoringQueries';
import { ClientPool } from '../../../src/vertex/clients';
import { useEmulator } from '@vertex-genai-ops/emulator/harness';
import { testNow } from '@vertex-genai-ops/emulator/testClock';

const ENDPOINT = (id: string) => `projects/123456789012/locations/us-central1/endpoints/${id}`;
const TABLE = { projectId: 'genai-demo', datasetId: 'genai_demo_logs', tableId: 'request_response_logging' };
type Row = Record<string, unknown>;

interface Raw {
  id: string;
  endpoint: string;
  deployed: string;
  t: number;
  latency: number;
  status: number;
  input: number;
  output: number;
}

/** The p-th percentile by nearest rank, what APPROX_QUANTILES(x, 100)[OFFSET(p)] gives on small data. */
function nearestRank(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p * sorted.length) / 100) - 1)];
}

function expectedFigures(rows: Raw[]) {
  const latencies = rows.map((r) => r.latency);
  return {
    requests: rows.length,
    errors: rows.filter((r) => r.status >= 400).length,
    p50Ms: rows.length ? nearestRank(latencies, 50) : null,
    p95Ms: rows.length ? nearestRank(latencies, 95) : null,
    p99Ms: rows.length ? nearestRank(latencies, 99) : null,
    inputTokens: rows.reduce((n, r) => n + r.input, 0),
    outputTokens: rows.reduce((n, r) => n + r.output, 0),
  };
}

describe('monitoring queries (BigQuery SQL run by the emulator)', function () {
  this.timeout(120_000);
  const h = useEmulator({ tokenDelayMs: 0 });
  let pool: ClientPool;
  let raw: Raw[];
  // Pinned once the traffic is in, so every query and expectation uses one window.
  let now: number;
  const context = (endpointId: string): QueryContext => ({ pool, table: TABLE, endpoint: ENDPOINT(endpointId), now: () => now });

  before(async () => {
    pool = new ClientPool({ backend: 'emulator', project: 'genai-demo', regions: ['us-central1'], emulatorUrl: h.emulator.url });
    // Live traffic on top of the seeded history: rawPredict (chat usage) and predict rows.
    for (const spec of [{ endpoint: DEMO_IDS.endpoints.gemmaLoraGpu, requests: 15 }, { endpoint: DEMO_IDS.endpoints.churnScoring, requests: 30, days: 1 }]) {
      const response = await h.fetch('/_emulator/traffic', { method: 'POST', body: JSON.stringify(spec) });
      assert.equal(response.status, 200);
    }
    now = testNow() + 1000;
    const bq = await pool.bigQuery();
    const rows = await allRows(bq.dataset('genai_demo_logs').table('request_response_logging'));
    raw = rows.map((r) => {
      const metadata = JSON.parse(String(r.metadata)) as { request_latency: number; status_code: number };
      const usage = r.full_response ? (JSON.parse(String(r.full_response)) as { usageMetadata?: { promptTokenCount: number; candidatesTokenCount: number } }).usageMetadata : undefined;
      const payload = (r.response_payload as string[])[0];
      const chat = r.api_method === 'rawPredict' ? (JSON.parse(payload) as { usage?: { prompt_tokens: number; completion_tokens: number } }).usage : undefined;
      return {
        id: String(r.request_id),
        endpoint: String(r.endpoint),
        deployed: String(r.deployed_model_id),
        t: Date.parse((r.logging_time as { value: string }).value),
        latency: metadata.request_latency,
        status: metadata.status_code,
        input: usage?.promptTokenCount ?? chat?.prompt_tokens ?? 0,
        output: usage?.candidatesTokenCount ?? chat?.completion_tokens ?? 0,
      };
    });
  });
  after(() => pool.dispose());

  for (const [name, id, range, deployed] of [
    ['support-bot-prod, 7 days, every deployed model', DEMO_IDS.endpoints.supportBotProd, '7d', ''],
    ['support-bot-prod, 24 hours, the v3 canary', DEMO_IDS.endpoints.supportBotProd, '24h', DEMO_IDS.deployedModels.supportBotV3],
    ['churn-scoring, 30 days', DEMO_IDS.endpoints.churnScoring, '30d', ''],
    ['gemma-lora-gpu (rawPredict usage), 1 hour', DEMO_IDS.endpoints.gemmaLoraGpu, '1h', ''],
  ] as const) {
    it(`aggregates volume, errors, latency percentiles and tokens per bucket: ${name}`, async () => {
      const metrics = await loadMetrics(context(id), { range, deployedModelId: deployed });
      const { startMs, endMs, bucketSeconds } = timeWindow(range, now);
      const mine = raw.filter((r) => r.endpoint === ENDPOINT(id) && r.t >= startMs && r.t < endMs && (!deployed || r.deployed === deployed));
      assert.ok(mine.length > 10, `${mine.length} rows to aggregate`);
      assert.deepEqual(metrics.summary, expectedFigures(mine));
      const buckets = new Map<number, Raw[]>();
      for (const r of mine) {
        const t = Math.floor(r.t / 1000 / bucketSeconds) * bucketSeconds * 1000;
        buckets.set(t, [...(buckets.get(t) ?? []), r]);
      }
      const expected = [...buckets.entries()].sort(([a], [b]) => a - b).map(([t, rows]) => ({ t, ...expectedFigures(rows) }));
      assert.deepEqual(metrics.series, expected);
    });
  }

  it('pages the log list newest first, filtered by status, and opens one pair', async () => {
    const q = context(DEMO_IDS.endpoints.supportBotProd);
    const pager = new LogPager(q);
    const filter = { range: '30d', deployedModelId: '', status: 'error' } as const;
    const { startMs } = timeWindow('30d', now);
    const errors = raw.filter((r) => r.endpoint === q.endpoint && r.t >= startMs && r.status >= 400).sort((a, b) => b.t - a.t || a.id.localeCompare(b.id));
    assert.ok(errors.length > 5, `${errors.length} failed requests`);
    const first = await pager.page({ ...filter, status: 'all' }, 0);
    assert.equal(first.items.length, 50);
    assert.ok(first.hasNext);
    const page0 = await pager.page(filter, 0);
    assert.equal(page0.totalRows, errors.length);
    assert.deepEqual(page0.items.map((i) => i.requestId), errors.slice(0, 50).map((r) => r.id));
    assert.equal(page0.hasNext, errors.length > 50);
    assert.ok(page0.items.every((i) => i.statusCode >= 400));
    const entry = await loadLogEntry(q, page0.items[0].requestId);
    assert.equal(entry?.request_id, page0.items[0].requestId);
    assert.equal((entry?.metadata as { status_code: number }).status_code, page0.items[0].statusCode);
    assert.ok((entry?.full_response as { error?: unknown }).error, 'a failed request logs its error');
  });

  it('exports the filtered set a page at a time', async () => {
    const q = context(DEMO_IDS.endpoints.churnScoring);
    const filter = { range: '24h', deployedModelId: DEMO_IDS.deployedModels.churnV2, status: 'all' } as const;
    const { startMs } = timeWindow('24h', now);
    const expected = raw.filter((r) => r.endpoint === q.endpoint && r.t >= startMs && r.deployed === DEMO_IDS.deployedModels.churnV2);
    const rows: Row[] = [];
    for await (const page of exportPages(q, filter, 7)) {
      assert.equal(page.totalRows, expected.length);
      rows.push(...page.rows);
    }
    assert.deepEqual(rows.map((r) => r.request_id).sort(), expected.map((r) => r.id).sort());
    assert.ok(rows.every((r) => Array.isArray(r.request_payload) && typeof (r.request_payload as Row[])[0] === 'object'), 'payloads parsed from their JSON strings');
  });
});

async function allRows(table: Table): Promise<Row[]> {
  const rows: Row[] = [];
  let query: Row | null = { maxResults: 2000, autoPaginate: false };
  while (query) {
    const [page, next] = (await table.getRows(query)) as unknown as [Row[], Row | null];
    rows.push(...page);
    query = next ? { ...next, autoPaginate: false } : null;
  }
  return rows;
}
