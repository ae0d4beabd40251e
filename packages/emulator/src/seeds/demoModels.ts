// Demo Model Registry (versions with aliases) and endpoints whose traffic splits
// across those versions.
import type { JsonObject } from '../wireCodec';
import { DEMO_IDS, DEMO_PROJECT, EU, US } from './demoIds';
import type { ModelVersionData, SeedWriter } from './seedWriter';
import { baselineOf } from '../models/logisticRegression';
import { classifierTrainingRows } from '../models/modelBacking';

const M = DEMO_IDS.models;
const E = DEMO_IDS.endpoints;
const D = DEMO_IDS.deployedModels;

export const demoModelName = (key: keyof typeof M) => `${key === 'euSupportBot' ? EU : US}/models/${M[key]}`;
export const demoEndpointName = (key: keyof typeof E) => `${key === 'euSupportBot' ? EU : US}/endpoints/${E[key]}`;

export function seedDemoModels(w: SeedWriter): void {
  seedModels(w);
  seedEndpoints(w);
}

function seedModels(w: SeedWriter): void {
  const gemini = (versionId: string, aliases: string[], daysAgo: number, tuningJob: string): ModelVersionData => ({
    versionId,
    versionAliases: aliases,
    displayName: 'support-bot',
    description: 'Gemini 2.0 Flash tuned on support-chat-sft.',
    versionDescription: `Tuning job ${tuningJob}`,
    modelSourceInfo: { sourceType: 'GENIE' },
    labels: { team: 'support', 'google-vertex-llm-tuning-base-model-id': 'gemini-2_0-flash-001' },
    createTime: w.ago(30, 'd'),
    updateTime: w.ago(daysAgo, 'd'),
    versionCreateTime: w.ago(daysAgo, 'd'),
    versionUpdateTime: w.ago(daysAgo, 'd'),
  });
  const supportBot = demoModelName('supportBot');
  w.modelVersion(supportBot, gemini('1', [], 30, DEMO_IDS.tuningJobs.supportBotV1Succeeded));
  w.modelVersion(supportBot, gemini('2', ['prod'], 14, DEMO_IDS.tuningJobs.supportBotV2Succeeded));
  w.modelVersion(supportBot, { ...gemini('3', ['default', 'staging'], 2, DEMO_IDS.tuningJobs.supportBotV3Running), versionDescription: 'Candidate from a manual upload.' });

  const churn = demoModelName('churnClassifier');
  const xgboost = (versionId: string, aliases: string[], daysAgo: number): ModelVersionData => ({
    versionId,
    versionAliases: aliases,
    displayName: 'churn-classifier',
    description: 'XGBoost churn classifier trained on churn-features.',
    artifactUri: `gs://genai-demo-models/churn/v${versionId}/`,
    containerSpec: { imageUri: 'us-docker.pkg.dev/vertex-ai/prediction/xgboost-cpu.1-7:latest' },
    supportedDeploymentResourcesTypes: ['DEDICATED_RESOURCES'],
    modelSourceInfo: { sourceType: 'CUSTOM' },
    labels: { team: 'growth' },
    explanationSpec: classifierExplanationSpec(versionId),
    createTime: w.ago(120, 'd'),
    updateTime: w.ago(daysAgo, 'd'),
    versionCreateTime: w.ago(daysAgo, 'd'),
    versionUpdateTime: w.ago(daysAgo, 'd'),
  });
  w.modelVersion(churn, xgboost('1', ['default', 'prod'], 120));
  w.modelVersion(churn, xgboost('2', ['challenger'], 6));

  w.modelVersion(demoModelName('gemmaLora'), {
    versionId: '1',
    versionAliases: ['default'],
    displayName: 'gemma-2b-lora',
    description: 'Gemma 2B with a LoRA adapter trained on TPU v5e (custom job gemma-2b-peft-tpu).',
    artifactUri: 'gs://genai-demo-models/gemma-2b-lora/',
    containerSpec: {
      imageUri: 'us-docker.pkg.dev/vertex-ai/vertex-vision-model-garden-dockers/pytorch-vllm-serve:latest',
      args: ['--model=gs://genai-demo-models/gemma-2b-lora/', '--max-model-len=4096'],
      ports: [{ containerPort: 8080 }],
    },
    modelSourceInfo: { sourceType: 'CUSTOM' },
    labels: { team: 'research' },
    createTime: w.ago(5, 'd'),
    updateTime: w.ago(5, 'd'),
    versionCreateTime: w.ago(5, 'd'),
    versionUpdateTime: w.ago(5, 'd'),
  });

  w.modelVersion(demoModelName('euSupportBot'), {
    ...gemini('1', ['default', 'prod'], 12, DEMO_IDS.tuningJobs.euSupportBotSucceeded),
    displayName: 'eu-support-bot',
    description: 'Gemini 2.0 Flash tuned on eu-support-chat-sft.',
    createTime: w.ago(12, 'd'),
  });
}

function seedEndpoints(w: SeedWriter): void {
  const deployed = (id: string, model: string, versionId: string, displayName: string, daysAgo: number, resources: JsonObject = {}): JsonObject => ({
    id,
    model,
    modelVersionId: versionId,
    displayName,
    createTime: w.ago(daysAgo, 'd'),
    ...resources,
  });
  const dedicated = (machineType: string, min: number, max: number, accelerator?: string): JsonObject => ({
    dedicatedResources: {
      machineSpec: accelerator ? { machineType, acceleratorType: accelerator, acceleratorCount: 1 } : { machineType },
      minReplicaCount: min,
      maxReplicaCount: max,
    },
  });
  const endpoint = (key: keyof typeof E, data: JsonObject) => w.put('Endpoint', demoEndpointName(key), data);
  // Request-response logging into the demo's BigQuery table (logging/requestLog.ts).
  const logging = { predictRequestResponseLoggingConfig: { enabled: true, samplingRate: 1, bigqueryDestination: { outputUri: `bq://${DEMO_PROJECT.projectId}.genai_demo_logs.request_response_logging` } } };

  const supportBot = demoModelName('supportBot');
  endpoint('supportBotProd', {
    ...logging,
    displayName: 'support-bot-prod',
    description: 'Production support assistant: v2 with a 10% canary of v3.',
    deployedModels: [
      deployed(D.supportBotV2, supportBot, '2', 'support-bot-v2', 14),
      deployed(D.supportBotV3, supportBot, '3', 'support-bot-v3-canary', 2),
    ],
    trafficSplit: { [D.supportBotV2]: 90, [D.supportBotV3]: 10 },
    labels: { env: 'prod', team: 'support' },
    createTime: w.ago(30, 'd'),
    updateTime: w.ago(2, 'd'),
  });
  const churn = demoModelName('churnClassifier');
  endpoint('churnScoring', {
    ...logging,
    displayName: 'churn-scoring',
    deployedModels: [
      deployed(D.churnV1, churn, '1', 'churn-classifier-v1', 110, dedicated('n1-standard-4', 1, 3)),
      deployed(D.churnV2, churn, '2', 'churn-classifier-v2', 6, dedicated('n1-standard-4', 1, 2)),
    ],
    trafficSplit: { [D.churnV1]: 70, [D.churnV2]: 30 },
    labels: { env: 'prod', team: 'growth' },
    createTime: w.ago(110, 'd'),
    updateTime: w.ago(6, 'd'),
  });
  endpoint('gemmaLoraGpu', {
    ...logging,
    displayName: 'gemma-lora-gpu',
    description: 'Gemma 2B LoRA on one NVIDIA L4.',
    deployedModels: [deployed(D.gemmaV1, demoModelName('gemmaLora'), '1', 'gemma-2b-lora', 4, dedicated('g2-standard-8', 1, 2, 'NVIDIA_L4'))],
    trafficSplit: { [D.gemmaV1]: 100 },
    labels: { env: 'dev', team: 'research' },
    createTime: w.ago(4, 'd'),
    updateTime: w.ago(4, 'd'),
  });
  endpoint('stagingSandbox', {
    displayName: 'staging-sandbox',
    description: 'Empty endpoint, nothing deployed yet.',
    labels: { env: 'staging' },
    createTime: w.ago(1, 'd'),
    updateTime: w.ago(1, 'd'),
  });
  endpoint('euSupportBot', {
    displayName: 'eu-support-bot',
    deployedModels: [deployed(D.euSupportBotV1, demoModelName('euSupportBot'), '1', 'eu-support-bot-v1', 12)],
    trafficSplit: { [D.euSupportBotV1]: 100 },
    labels: { env: 'prod', team: 'support', region: 'eu' },
    createTime: w.ago(12, 'd'),
    updateTime: w.ago(12, 'd'),
  });
}

/**
 * What Vertex keeps for explainable tabular models: the method and, per input, the
 * baseline the attributions are measured from (the classifier's own reference point).
 * A linear model's Shapley values are exact, so any path count gives them.
 */
function classifierExplanationSpec(versionId: string) {
  const baseline = baselineOf(classifierTrainingRows(versionId));
  return {
    parameters: { sampledShapleyAttribution: { pathCount: 10 } },
    metadata: {
      inputs: Object.fromEntries(Object.entries(baseline).map(([name, value]) => [name, { inputBaselines: [value] }])),
      outputs: { logit: { outputTensorName: 'logit' } },
    },
  };
}
