import * as assert from 'node:assert/strict';
import { ModelMonitoringServiceClient } from '@google-cloud/aiplatform/build/src/v1beta1/model_monitoring_service_client';
import type { protos } from '@google-cloud/aiplatform';
import { DEMO_MONITOR, DEMO_MONITORING_JOBS } from '../src/seeds/demoMonitoring';
import { US_PARENT, rejection, useEmulator } from './emulatorHarness';

type Stats = protos.google.cloud.aiplatform.v1beta1.IModelMonitoringStats;
const US_MONITOR = DEMO_MONITOR.replace('123456789012', 'genai-demo');

/** statsName → [score, threshold, hasAnomaly, algorithm] of one job's raw-feature-drift. */
function byFeature(stats: Stats[], job: string) {
  const out: Record<string, [number, number, boolean, string]> = {};
  for (const s of stats) {
    if (s.tabularStats?.objectiveType !== 'raw-feature-drift') continue;
    const point = s.tabularStats.dataPoints?.find((p) => p.modelMonitoringJob === job);
    if (point) out[String(s.tabularStats.statsName)] = [Number(point.currentStats?.distributionValue?.distributionDeviation), Number(point.thresholdValue), Boolean(point.hasAnomaly), String(point.algorithm)];
  }
  return out;
}

describe('emulator: model monitoring (v1beta1)', function () {
  this.timeout(20_000);
  const h = useEmulator({ jobDurationMs: 200 });
  let client: ModelMonitoringServiceClient;
  before(() => {
    client = new ModelMonitoringServiceClient(h.clientOptions());
  });
  after(() => client.close());

  it('computes drift of the demo jobs: only this week’s shifted features exceed their thresholds', async () => {
    const [stats] = await client.searchModelMonitoringStats({ modelMonitor: US_MONITOR });
    const lastWeek = byFeature(stats, DEMO_MONITORING_JOBS.lastWeek);
    const thisWeek = byFeature(stats, DEMO_MONITORING_JOBS.thisWeek);
    assert.deepEqual(Object.keys(thisWeek).sort(), ['channel', 'monthly_charges', 'plan', 'support_tickets', 'tenure_months']);
    assert.deepEqual(Object.values(lastWeek).map(([, , anomaly]) => anomaly), [false, false, false, false, false]);
    assert.deepEqual(Object.entries(thisWeek).filter(([, [, , anomaly]]) => anomaly).map(([name]) => name).sort(), ['plan', 'tenure_months']);
    assert.equal(thisWeek.tenure_months[3], 'jensen_shannon_divergence');
    assert.equal(thisWeek.plan[3], 'l_infinity');
    assert.equal(thisWeek.monthly_charges[1], 0.2, 'a per-feature condition overrides the default');
    assert.ok(thisWeek.tenure_months[0] > 3 * lastWeek.tenure_months[0], `${thisWeek.tenure_months[0]} vs ${lastWeek.tenure_months[0]}`);
  });

  it('searches alerts, filtered by job and feature, with the total count', async () => {
    const [alerts, , response] = await client.searchModelMonitoringAlerts({ modelMonitor: US_MONITOR, modelMonitoringJob: DEMO_MONITORING_JOBS.thisWeek }, { autoPaginate: false });
    const names = alerts.map((a) => `${a.objectiveType}/${a.statsName}`);
    assert.ok(names.includes('raw-feature-drift/tenure_months') && names.includes('raw-feature-drift/plan'), names.join(','));
    assert.ok(!names.some((n) => /monthly_charges|channel|support_tickets/.test(n)), names.join(','));
    assert.equal(Number(response?.totalNumberAlerts), alerts.length);
    const [plan] = await client.searchModelMonitoringAlerts({ modelMonitor: US_MONITOR, statsName: 'plan' });
    assert.equal(plan.length, 1);
    assert.ok(Number(plan[0].anomaly?.tabularAnomaly?.condition?.threshold) === 0.15);
  });

  it('runs a new monitoring job and flags the one feature its target shifts', async () => {
    const [op] = await client.createModelMonitor({
      parent: US_PARENT,
      modelMonitor: {
        displayName: 'pricing-monitor',
        trainingDataset: { columnizedDataset: { gcsSource: { gcsUri: 'gs://genai-demo-data/pricing/train/*.csv', format: 'CSV' } } },
        modelMonitoringSchema: { featureFields: [{ name: 'basket_value', dataType: 'float' }, { name: 'items', dataType: 'integer' }, { name: 'device', dataType: 'categorical' }] },
        tabularObjective: {
          featureDriftSpec: {
            categoricalMetricType: 'jensen_shannon_divergence',
            defaultNumericAlertCondition: { threshold: 0.1 },
            defaultCategoricalAlertCondition: { threshold: 0.1 },
          },
        },
      },
    });
    const [monitor] = await op.promise();
    const [job] = await client.createModelMonitoringJob({
      parent: monitor.name,
      modelMonitoringJob: {
        displayName: 'pricing-drift',
        modelMonitoringSpec: { objectiveSpec: { targetDataset: { columnizedDataset: { gcsSource: { gcsUri: 'gs://genai-demo-logs/pricing/shift=device:0.9/*.jsonl', format: 'JSONL' } } } } },
      },
    });
    assert.equal(job.state, 'JOB_STATE_PENDING');
    const deadline = Date.now() + 5000;
    let current = job;
    while (current.state !== 'JOB_STATE_SUCCEEDED' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 25));
      [current] = await client.getModelMonitoringJob({ name: job.name });
    }
    assert.equal(current.state, 'JOB_STATE_SUCCEEDED');
    assert.match(String(current.jobExecutionDetail?.targetDatasets?.[0].location), /shift=device/);
    const [stats] = await client.searchModelMonitoringStats({ modelMonitor: monitor.name, statsFilter: { tabularStatsFilter: { modelMonitoringJob: job.name } } });
    const drift = byFeature(stats, String(job.name));
    assert.deepEqual(Object.entries(drift).map(([name, [, , anomaly, algorithm]]) => [name, anomaly, algorithm]), [
      ['basket_value', false, 'jensen_shannon_divergence'],
      ['items', false, 'jensen_shannon_divergence'],
      ['device', true, 'jensen_shannon_divergence'],
    ]);
  });

  it('refuses a job without a target or with an unknown metric', async () => {
    const noTarget = await rejection(client.createModelMonitoringJob({ parent: US_MONITOR, modelMonitoringJob: { displayName: 'x' } }));
    assert.equal(noTarget.code, 3);
    assert.match(noTarget.message, /objective_spec\.target_dataset; Message: Required field is not set/);
    const badMetric = await rejection(client.createModelMonitoringJob({
      parent: US_MONITOR,
      modelMonitoringJob: {
        displayName: 'y',
        modelMonitoringSpec: {
          objectiveSpec: {
            tabularObjective: { featureDriftSpec: { numericMetricType: 'wasserstein' } },
            targetDataset: { columnizedDataset: { gcsSource: { gcsUri: 'gs://x/y.csv' } } },
          },
        },
      },
    }));
    assert.match(badMetric.message, /numeric_metric_type; Message: Unsupported numeric metric type "wasserstein"/);
  });
});
