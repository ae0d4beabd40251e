// Demo model monitoring (v1beta1): a monitor on the churn classifier with its feature
// schema and drift thresholds, and two succeeded monitoring jobs: last week's traffic,
// close to the training data, and this week's, where tenure and plan have drifted
// (the "shift=" segment of its location, see handlers/monitoringData.ts).
import type { JsonObject } from '../wireCodec';
import { US } from './demoIds';
import { demoModelName } from './demoModels';
import type { SeedWriter } from './seedWriter';

const V1BETA1 = 'google.cloud.aiplatform.v1beta1';
export const DEMO_MONITOR = `${US}/modelMonitors/5129034487162920960`;
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
}
