// Model Monitoring through the vertex/ layer (official v1beta1 client, REST) against the emulator.
import * as assert from 'node:assert/strict';
import { DEMO_MONITOR } from '@vertex-genai-ops/emulator/seeds/demoMonitoring';
import { ClientPool } from '../../../src/vertex/clients';
import { createModelMonitor, listModelMonitors, runMonitoringJob, searchDriftAlerts, searchDriftStats } from '../../../src/vertex/modelMonitoring';
import { parseError } from '../../../src/vertex/parseError';
import { rejection, useEmulator } from '@vertex-genai-ops/emulator/harness';

const MONITOR = DEMO_MONITOR.replace('123456789012', 'genai-demo');

describe('vertex model monitoring (against the emulator)', function () {
  this.timeout(30_000);
  const h = useEmulator({ jobDurationMs: 150 });
  let pool: ClientPool;
  before(() => {
    pool = new ClientPool({ backend: 'emulator', project: 'genai-demo', regions: ['us-central1'], emulatorUrl: h.emulator.url });
  });
  after(() => pool.dispose());

  it('lists the demo monitor with its features, kinds and thresholds', async () => {
    const monitors = await listModelMonitors(pool, 'us-central1');
    const demo = monitors.find((m) => m.displayName === 'churn-classifier-monitor');
    assert.ok(demo, monitors.map((m) => m.displayName).join(','));
    assert.deepEqual(demo.features.map((f) => [f.name, f.kind, f.threshold]), [
      ['tenure_months', 'numeric', 0.1],
      ['monthly_charges', 'numeric', 0.2],
      ['support_tickets', 'numeric', 0.1],
      ['plan', 'categorical', 0.15],
      ['channel', 'categorical', 0.15],
    ]);
  });

  it('reads drift as per-feature series over time, with distributions, and the alerts newest first', async () => {
    const series = await searchDriftStats(pool, MONITOR);
    const tenure = series.find((s) => s.feature === 'tenure_months' && s.objectiveType === 'raw-feature-drift');
    assert.equal(tenure?.points.length, 2);
    const [lastWeek, thisWeek] = tenure.points;
    assert.ok(lastWeek.time < thisWeek.time);
    assert.deepEqual([lastWeek.anomaly, thisWeek.anomaly], [false, true]);
    assert.ok(thisWeek.score > (thisWeek.threshold ?? Infinity));
    assert.equal(thisWeek.algorithm, 'jensen_shannon_divergence');
    const buckets = thisWeek.current?.histogram?.buckets ?? [];
    assert.ok(buckets.length > 3 && buckets.every((b) => typeof b.count === 'number'));
    const plan = series.find((s) => s.feature === 'plan')?.points.at(-1);
    assert.ok(plan?.baseline?.categories?.some((c) => c.value === 'premium'));

    const alerts = await searchDriftAlerts(pool, MONITOR);
    assert.deepEqual(alerts.filter((a) => a.objectiveType === 'raw-feature-drift').map((a) => a.feature).sort(), ['plan', 'tenure_months']);
    assert.ok(alerts.every((a) => a.score !== undefined && a.threshold !== undefined && a.score > a.threshold));
  });

  it('creates a monitor and runs a job now on endpoint logs, waiting until it succeeds', async () => {
    const monitor = await createModelMonitor(pool, {
      region: 'us-central1',
      displayName: 'fraud-monitor-test',
      model: 'projects/genai-demo/locations/us-central1/models/8124967205531459584',
      modelVersionId: '1',
      trainingTable: 'bq://genai-demo.genai_demo_data.fraud_transactions',
      features: [{ name: 'amount', kind: 'numeric' }, { name: 'merchant_category', kind: 'categorical' }],
      numericThreshold: 0.1,
      categoricalThreshold: 0.2,
    });
    assert.match(monitor.name, /modelMonitors\/\d+$/);
    const traffic = await h.fetch('/_emulator/traffic', { method: 'POST', body: JSON.stringify({ endpoint: '2716485038124285952', requests: 100 }) });
    assert.equal(traffic.status, 200);
    const states: string[] = [];
    const job = await runMonitoringJob(pool, monitor.name, ['projects/genai-demo/locations/us-central1/endpoints/2716485038124285952'], { onState: (s) => states.push(s) });
    assert.equal(job.state, 'JOB_STATE_SUCCEEDED');
    assert.ok(states.length > 0, 'reported progress while it ran');
    const series = await searchDriftStats(pool, monitor.name);
    assert.deepEqual(series.map((s) => s.feature).sort(), ['amount', 'merchant_category']);
  });

  it('says in one sentence when the monitor does not exist', async () => {
    const err = await rejection(searchDriftStats(pool, `${MONITOR.replace(/\d+$/, '')}999`));
    assert.match(parseError(err).message, /not found|does not exist/i);
  });
});
