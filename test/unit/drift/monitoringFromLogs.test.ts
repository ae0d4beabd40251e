// The emulator's Model Monitoring over real data: the fraud classifier's training table
// as the baseline, churn-scoring's request-response log (filled by the traffic
// generator) as the target. Its stats must equal what src/drift computes from the same rows.
import * as assert from 'node:assert/strict';
import { ModelMonitoringServiceClient } from '@google-cloud/aiplatform/build/src/v1beta1/model_monitoring_service_client';
import { categoricalDrift, numericDrift } from '@vertex-genai-ops/catalog/drift/featureDrift';
import { DEMO_IDS } from '@vertex-genai-ops/emulator/seeds/demoIds';
import { DEMO_FRAUD_MONITOR } from '@vertex-genai-ops/emulator/seeds/demoMonitoring';
import { runQuery } from '../../../src/vertex/bigquery';
import { ClientPool } from '../../../src/vertex/clients';
import { searchDriftAlerts, searchDriftStats } from '../../../src/vertex/modelMonitoring';
import { US_PARENT, useEmulator } from '@vertex-genai-ops/emulator/harness';
import { testClock, testNow } from '@vertex-genai-ops/emulator/testClock';

const MONITOR = DEMO_FRAUD_MONITOR.replace('123456789012', 'genai-demo');
const ENDPOINT = `${US_PARENT}/endpoints/${DEMO_IDS.endpoints.churnScoring}`;
const NUMERIC = ['amount', 'hour_of_day', 'distance_from_home_km'];

describe('drift: emulator monitoring stats from logged traffic', function () {
  this.timeout(120_000);
  const h = useEmulator({ jobDurationMs: 100, tokenDelayMs: 0 });
  let pool: ClientPool;
  before(() => {
    pool = new ClientPool({ backend: 'emulator', project: 'genai-demo', regions: ['us-central1'], emulatorUrl: h.emulator.url });
  });
  after(() => pool.dispose());

  const traffic = async (shift: number) => {
    const response = await h.fetch('/_emulator/traffic', { method: 'POST', body: JSON.stringify({ endpoint: DEMO_IDS.endpoints.churnScoring, requests: 400, shift, seed: 7 + shift }) });
    assert.equal(response.status, 200, await response.clone().text());
  };

  /** A monitoring job over the logs since `since` (the demo's seeded history is older). */
  async function jobSince(since: Date, displayName: string): Promise<string> {
    const client = new ModelMonitoringServiceClient(h.clientOptions());
    const [created] = await client.createModelMonitoringJob({
      parent: MONITOR,
      modelMonitoringJob: { displayName, modelMonitoringSpec: { objectiveSpec: { targetDataset: { vertexEndpointLogs: { endpoints: [ENDPOINT] }, timeInterval: { startTime: { seconds: Math.floor(since.getTime() / 1000) } } } } } },
    });
    await new Promise((r) => setTimeout(r, 300));
    await client.close();
    return String(created.name);
  }

  it('the seeded daily jobs already have statistics, computed from the seeded history', async () => {
    const series = await searchDriftStats(pool, MONITOR);
    assert.deepEqual(series.map((s) => s.feature).sort(), ['amount', 'card_present', 'distance_from_home_km', 'hour_of_day', 'merchant_category']);
    assert.ok(series.every((s) => s.points.length > 0));
  });

  it('unshifted traffic: stats equal src/drift over the same rows, and no feature alerts', async () => {
    const since = new Date(testNow() - 1000);
    await traffic(0);
    const job = { name: await jobSince(since, 'unshifted') };
    const series = await searchDriftStats(pool, MONITOR);
    const points = Object.fromEntries(series.map((s) => [s.feature, s.points.find((p) => p.job.endsWith(job.name.split('/').pop()!))]));
    assert.deepEqual(Object.keys(points).sort(), ['amount', 'card_present', 'distance_from_home_km', 'hour_of_day', 'merchant_category']);
    assert.ok(Object.values(points).every((p) => p && !p.anomaly), JSON.stringify(Object.values(points).map((p) => p?.score)));

    // The same numbers from the rows themselves, through BigQuery and the pure math.
    const baseline = (await runQuery(pool, 'SELECT amount, hour_of_day, distance_from_home_km, merchant_category, card_present FROM genai_demo_data.fraud_transactions', { pageSize: 10_000 })).items;
    const logged = (await runQuery(pool, `SELECT request_payload FROM genai_demo_logs.request_response_logging WHERE ENDS_WITH(endpoint, '/endpoints/${DEMO_IDS.endpoints.churnScoring}') AND api_method = 'predict' AND logging_time >= TIMESTAMP_SECONDS(${Math.floor(since.getTime() / 1000)})`, { pageSize: 10_000 })).items
      .flatMap((r) => (r.request_payload as string[]).map((p) => JSON.parse(p) as Record<string, unknown>))
      .filter((x) => 'amount' in x);
    assert.equal(logged.length, 400);
    for (const feature of Object.keys(points)) {
      const expected = NUMERIC.includes(feature)
        ? numericDrift(baseline.map((r) => Number(r[feature])), logged.map((r) => Number(r[feature])))
        : categoricalDrift(baseline.map((r) => String(r[feature])), logged.map((r) => String(r[feature])));
      assert.equal(points[feature]?.score, expected.score, feature);
      assert.equal(points[feature]?.algorithm, NUMERIC.includes(feature) ? 'jensen_shannon_divergence' : 'l_infinity');
    }
  });

  it('shifted traffic: a job over its window alerts on the features the shift moved', async () => {
    const since = testClock();
    await traffic(1);
    const created = { name: await jobSince(since, 'after-shift') };
    const alerts = (await searchDriftAlerts(pool, MONITOR)).filter((a) => a.job === created.name);
    const drifted = alerts.map((a) => a.feature).sort();
    assert.ok(drifted.includes('amount') && drifted.includes('distance_from_home_km'), drifted.join(','));
    assert.ok(alerts.every((a) => (a.score ?? 0) > (a.threshold ?? 1)));
  });
});
