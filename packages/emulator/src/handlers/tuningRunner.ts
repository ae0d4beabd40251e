// A tuning job's life: PENDING for one operation delay while "provisioning", then the
// data is read and validated (FAILED with the problem, or RUNNING with its statistics),
// the model trains, and after two more delays it SUCCEEDS: a Model version in the
// registry, an Endpoint serving it with 100% of the traffic, and tunedModel on the job,
// as Vertex does. Cancel: CANCELLING, then CANCELLED half a delay later (seeded jobs,
// which do not run, at once).
import type { EmulatorState } from '../context';
import { timestamp } from '../timestamp';
import { ApiError } from '../googleError';
import { modelsOf } from '../models/modelRegistry';
import { baseModelId, tuneFromJob, type JobTraining } from '../models/tuneFromJob';
import { locationOf } from '../resourceNames';
import type { JsonObject } from '../wireCodec';
import { etagOf } from './resourceFields';
import { attachTuningCurves } from './tensorboardTuning';

const V1 = 'google.cloud.aiplatform.v1';
const timers = new WeakMap<EmulatorState, Map<string, NodeJS.Timeout>>();

export function startTuningJob(state: EmulatorState, name: string): void {
  const delay = state.operations.defaultDelayMs;
  later(state, name, delay, () => {
    let training: JobTraining;
    try {
      training = tuneFromJob(state, jobData(state, name));
    } catch (err) {
      const error = err instanceof ApiError ? err : new ApiError('INTERNAL', String(err));
      return update(state, name, { state: 'JOB_STATE_FAILED', startTime: now(state), endTime: now(state), error: error.toStatus() });
    }
    update(state, name, { state: 'JOB_STATE_RUNNING', startTime: now(state), tuningDataStats: { supervisedTuningDataStats: training.stats } });
    modelsOf(state).curves.set(name, training.losses);
    attachTuningCurves(state, jobData(state, name));
    later(state, name, 2 * delay, () => succeed(state, name, training));
  });
}

export function cancelTuningJob(state: EmulatorState, name: string): void {
  const cancelled = () => update(state, name, { state: 'JOB_STATE_CANCELLED', endTime: now(state), error: { code: 1, message: 'CANCELED' } });
  const timer = timersOf(state).get(name);
  // A seeded job has nothing running to wind down: it is cancelled at once.
  if (!timer) return cancelled();
  clearTimeout(timer);
  update(state, name, { state: 'JOB_STATE_CANCELLING' });
  later(state, name, state.operations.defaultDelayMs / 2, cancelled);
}

function succeed(state: EmulatorState, name: string, training: JobTraining): void {
  const job = jobData(state, name);
  const location = locationOf(name);
  const stamp = now(state);
  const displayName = String(job.tunedModelDisplayName || `${baseModelId(String(job.baseModel))}-tuned`);
  const model = `${location}/models/${state.ids.next()}`;
  const endpoint = `${location}/endpoints/${state.ids.next()}`;
  const deployedModelId = state.ids.next();
  const version = `${model}@1`;
  const modelData: JsonObject = {
    name: model,
    versionId: '1',
    versionAliases: ['default'],
    displayName,
    description: String(job.description ?? ''),
    versionDescription: `Tuning job ${name.slice(name.lastIndexOf('/') + 1)}`,
    modelSourceInfo: { sourceType: 'GENIE' },
    labels: {
      'google-vertex-llm-tuning-base-model-id': baseModelId(String(job.baseModel)).replace(/\./g, '_'),
      'google-vertex-llm-tuning-job-id': name.slice(name.lastIndexOf('/') + 1),
    },
    deployedModels: [{ endpoint, deployedModelId }],
    createTime: stamp,
    updateTime: stamp,
    versionCreateTime: stamp,
    versionUpdateTime: stamp,
  };
  modelData.etag = etagOf(modelData);
  state.store.put(version, `${V1}.Model`, modelData);
  const endpointData: JsonObject = {
    name: endpoint,
    displayName,
    deployedModels: [{ id: deployedModelId, model, modelVersionId: '1', displayName, createTime: stamp }],
    trafficSplit: { [deployedModelId]: 100 },
    createTime: stamp,
    updateTime: stamp,
  };
  endpointData.etag = etagOf(endpointData);
  state.store.put(endpoint, `${V1}.Endpoint`, endpointData);
  const registry = modelsOf(state);
  registry.tuned.set(version, training.model);
  registry.curves.set(version, training.losses);
  registry.curves.set(name, training.losses);
  update(state, name, { state: 'JOB_STATE_SUCCEEDED', endTime: stamp, tunedModel: { model: version, endpoint } });
}

function later(state: EmulatorState, name: string, ms: number, run: () => void): void {
  const timer = setTimeout(() => {
    timersOf(state).delete(name);
    // The job may have been deleted meanwhile: then there is nothing left to do.
    if (state.store.get(name)) run();
  }, ms);
  timer.unref();
  timersOf(state).set(name, timer);
}

function update(state: EmulatorState, name: string, patch: JsonObject): void {
  // A put, not an in-place change: timers run outside any request, and durable state journals puts.
  const job = state.store.get(name);
  if (job) state.store.put(name, job.typeName, { ...job.data, ...patch, updateTime: now(state) });
}

function jobData(state: EmulatorState, name: string): JsonObject {
  return state.store.get(name)?.data ?? {};
}

function timersOf(state: EmulatorState): Map<string, NodeJS.Timeout> {
  let map = timers.get(state);
  if (!map) {
    map = new Map();
    timers.set(state, map);
  }
  return map;
}

function now(state: EmulatorState): string {
  return timestamp(state.now());
}
