// The "scale:N" seed: N models, N endpoints and N tuning jobs in us-central1 of
// genai-demo, for paging and tree performance. Deterministic: the i-th resource of a
// kind always has the same id and display name. Id prefixes: 1 model, 2 endpoint,
// 3 deployed model, 4 tuning job.
import { DEMO_PROJECT, US } from './demoIds';
import type { SeedWriter } from './seedWriter';

const STATES = ['JOB_STATE_SUCCEEDED', 'JOB_STATE_RUNNING', 'JOB_STATE_PENDING', 'JOB_STATE_FAILED', 'JOB_STATE_CANCELLED'];
const BASE_MODELS = ['gemini-2.0-flash-001', 'gemini-2.0-flash-lite-001', 'gemini-1.5-pro-002'];

/** 19-digit id: a kind prefix and the zero-padded index. */
export function scaleId(kind: 1 | 2 | 3 | 4, index: number): string {
  return `${kind}${String(index).padStart(18, '0')}`;
}

export function seedScale(w: SeedWriter, n: number): void {
  w.project(DEMO_PROJECT);
  const width = String(n).length;
  for (let i = 1; i <= n; i++) {
    const label = String(i).padStart(width, '0');
    const created = w.ago(n - i + 1, 'h');
    const model = `${US}/models/${scaleId(1, i)}`;
    w.modelVersion(model, {
      versionId: '1',
      versionAliases: ['default'],
      displayName: `model-${label}`,
      artifactUri: `gs://genai-demo-models/scale/model-${label}/`,
      createTime: created,
      updateTime: created,
      versionCreateTime: created,
      versionUpdateTime: created,
    });
    const deployedId = scaleId(3, i);
    w.put('Endpoint', `${US}/endpoints/${scaleId(2, i)}`, {
      displayName: `endpoint-${label}`,
      deployedModels: [{ id: deployedId, model, modelVersionId: '1', displayName: `model-${label}`, createTime: created }],
      trafficSplit: { [deployedId]: 100 },
      createTime: created,
      updateTime: created,
    });
    const state = STATES[i % STATES.length];
    const done = state !== 'JOB_STATE_RUNNING' && state !== 'JOB_STATE_PENDING';
    w.put('TuningJob', `${US}/tuningJobs/${scaleId(4, i)}`, {
      baseModel: BASE_MODELS[i % BASE_MODELS.length],
      tunedModelDisplayName: `tuned-${label}`,
      supervisedTuningSpec: { trainingDatasetUri: `gs://genai-demo-data/scale/${label}/train.jsonl` },
      state,
      createTime: created,
      startTime: state === 'JOB_STATE_PENDING' ? undefined : created,
      endTime: done ? created : undefined,
      updateTime: created,
      error: state === 'JOB_STATE_FAILED' ? { code: 3, message: 'Dataset validation failed.' } : undefined,
    });
  }
  w.linkDeployments();
}
