// Demo model monitoring (v1beta1): a monitor on the churn classifier with its feature
// schema and drift thresholds, and two succeeded monitoring jobs: last week's traffic,
// close to the training data, and this week's, where tenure and plan have drifted
// (the "shift=" segment of its location, see handlers/monitoringData.ts); and a monitor
// of the fraud classifier over real data (seedFraudMonitor).
import type { JsonObject } from '../wireCodec';
import { FRAUD_FEATURES } from '../models/fraudData';
import { DEMO_DATA_DATASET } from './demoBigQuery';
import { DEMO_IDS, DEMO_PROJECT, US } from './demoIds';
import { demoModelName } from './demoModels';
import type { SeedWriter } from './seedWriter';

const V1BETA1 = 'google.cloud.aiplatform.v1beta1';
export const DEMO_MONITOR = `${US}/modelMonitors/5129034487162920960`;
export const DEMO_FRAUD_MONITOR = `${US}/modelMonitors/6205817340042936320`;
export const DEMO_MONITORING_JOBS = {
  lastWeek: `${DEMO_MONITOR}/modelMonitoringJobs/3318476520915779584`,
  thisWeek: `${DEMO_MONITOR}/modelMonitoringJobs/8840167339562352640`,
};

export function seedDemoMonitoring(w: SeedWriter): void {
  const put = (name: string, kind: string, data: JsonObject) => w.state.store.put(name, `${V1BETA1}.${kind}`, { name, ...data });
  put(DEMO_MONITOR, 'ModelMonitor', {
    displayName: 'churn-classifier-monitor',
    modelMonitoringTarget: { vertexModel: { model: demoModelName('churnClassifier'), modelVersionId: '1' } },
    trainingDataset: { columnizedDataset: { bigquerySource: { tableUri: 'bq://genai-demo.churn.features_v2' } } },
    modelMonitoringSchema: {
      featureFields: [
        { name: 'tenure_months', dataType: 'integer' },
        { name: 'monthly_charges', dataType: 'float' },
        { name: 'support_tickets', dataType: 'integer' },
        { name: 'plan', dataType: 'categorical' },
        { name: 'channel', dataType: 'categorical' },
      ],
      predictionFields: [{ name: 'churn_probability', dataType: 'float' }],
    },
    tabularObjective: {
      featureDriftSpec: {
        defaultNumericAlertCondition: { threshold: 0.1 },
        defaultCategoricalAlertCondition: { threshold: 0.15 },
        featureAlertConditions: { monthly_charges: { threshold: 0.2 } },
      },
      predictionOutputDriftSpec: { defaultNumericAlertCondition: { threshold: 0.1 } },
    },
    notificationSpec: { emailConfig: { userEmails: ['growth-oncall@genai-demo.example'] }, enableCloudLogging: true },
    outputSpec: { gcsBaseDirectory: { outputUriPrefix: 'gs://genai-demo-monitoring/churn/output/' } },
    createTime: w.ago(60, 'd'),
    updateTime: w.ago(6, 'd'),
  });
  const job = (name: string, displayName: string, target: string, daysAgo: number) =>
    put(name, 'ModelMonitoringJob', {
      displayName,
      modelMonitoringSpec: {
        objectiveSpec: {
          targetDataset: { columnizedDataset: { gcsSource: { gcsUri: target, format: 'JSONL' } } },
        },
      },
      state: 'JOB_STATE_SUCCEEDED',
      createTime: w.ago(daysAgo * 24 + 1, 'h'),
      updateTime: w.ago(daysAgo * 24, 'h'),
      scheduleTime: w.ago(daysAgo * 24 + 1, 'h'),
    });
  job(DEMO_MONITORING_JOBS.lastWeek, 'churn-drift-last-week', 'gs://genai-demo-monitoring/churn/requests/week-46/*.jsonl', 7);
  job(DEMO_MONITORING_JOBS.thisWeek, 'churn-drift-this-week', 'gs://genai-demo-monitoring/churn/requests/week-47/shift=tenure_months:0.6,plan:0.5,churn_probability:0.4/*.jsonl', 0);
  seedFraudMonitor(w);
}

/**
 * A monitor of the fraud classifier that churn-scoring serves, over real data: its baseline
 * is the training table in the emulator's BigQuery, its jobs read the endpoint's
 * request-response log, one job per day of the last week. Until traffic is logged (the
 * traffic generator), those jobs have no statistics.
 */
export function seedFraudMonitor(w: SeedWriter): void {
  const put = (name: string, kind: string, data: JsonObject) => w.state.store.put(name, `${V1BETA1}.${kind}`, { name, ...data });
  put(DEMO_FRAUD_MONITOR, 'ModelMonitor', {
    // Named for the endpoint it watches: the demo's churn-scoring model scores transactions.
    displayName: 'churn-scoring-monitor',
    modelMonitoringTarget: { vertexModel: { model: demoModelName('churnClassifier'), modelVersionId: '1' } },
    trainingDataset: { columnizedDataset: { bigquerySource: { tableUri: `bq://${DEMO_PROJECT.projectId}.${DEMO_DATA_DATASET}.fraud_transactions` } } },
    modelMonitoringSchema: {
      featureFields: FRAUD_FEATURES.map((f) => ({ name: f.name, dataType: f.kind === 'numeric' ? 'float' : f.kind === 'boolean' ? 'boolean' : 'categorical' })),
    },
    tabularObjective: {
      featureDriftSpec: {
        // Jensen-Shannon in bits: sampling noise of a few hundred requests stays under 0.03.
        defaultNumericAlertCondition: { threshold: 0.1 },
        defaultCategoricalAlertCondition: { threshold: 0.2 },
      },
    },
    createTime: w.ago(8, 'd'),
    updateTime: w.ago(8, 'd'),
  });
  const endpoint = `${US}/endpoints/${DEMO_IDS.endpoints.churnScoring}`;
  for (let day = 6; day >= 0; day--) {
    const [start, end] = [w.ago((day + 1) * 24, 'h'), w.ago(day * 24, 'h')];
    put(`${DEMO_FRAUD_MONITOR}/modelMonitoringJobs/730100000000000000${day}`, 'ModelMonitoringJob', {
      displayName: `fraud-drift-daily-${7 - day}`,
      modelMonitoringSpec: { objectiveSpec: { targetDataset: { vertexEndpointLogs: { endpoints: [endpoint] }, timeInterval: { startTime: start, endTime: end } } } },
      state: 'JOB_STATE_SUCCEEDED',
      createTime: end,
      scheduleTime: end,
      updateTime: end,
    });
  }
}
