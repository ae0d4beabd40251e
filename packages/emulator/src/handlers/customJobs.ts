// JobService custom jobs with a lifecycle: create checks the worker pools against the
// machine catalog and the training quota, then the job queues, runs and succeeds in
// emulated time (customJobsLifecycle.ts), holding its accelerators until it ends;
// cancel goes through CANCELLING to CANCELLED; running jobs cannot be deleted. A job
// logs loss and learning-rate curves to TensorBoard (tensorboardRuns.ts).
import { isTerminalJobState, refusesCancel } from '@vertex-genai-ops/catalog/jobStates';
import { computeOf } from '../compute/computeState';
import { assertQuota, poolsDemand } from '../compute/quotaUsage';
import type { EmulatorState, HttpResult, MethodCall, MethodHandler } from '../context';
import { timestamp } from '../timestamp';
import { ApiError, failedPrecondition, invalidFields, notFound } from '../googleError';
import type { StoredResource } from '../store';
import type { JsonObject } from '../wireCodec';
import { advanceJob, cancelLiveJob, registerLiveJob } from './customJobsLifecycle';
import { jobSpecProblems } from './customJobsSpec';
import { genericHandler, kindFor } from './generic';
import { assertRequired } from './resourceFields';
import { attachTrainingCurves } from './tensorboardRuns';

export const customJobHandlers: Record<string, MethodHandler> = {
  'JobService.CreateCustomJob': (call) => {
    const { state, request } = call;
    const parent = state.names.canonical(String(request.parent), 'parent');
    const job = (request.customJob as JsonObject | undefined) ?? {};
    assertRequired(state.schema, `google.cloud.aiplatform.${call.route.method.version}.CustomJob`, job, 'custom_job');
    const problems = jobSpecProblems(parent.split('/')[3], job.jobSpec as JsonObject, 'custom_job.job_spec');
    if (problems.length) throw invalidFields(problems);
    const tensorboard = (job.jobSpec as JsonObject).tensorboard;
    if (typeof tensorboard === 'string' && tensorboard) {
      const name = state.names.canonical(tensorboard, 'custom_job.job_spec.tensorboard');
      if (!state.store.has(name)) throw notFound('Tensorboard', name);
    }
    assertQuota(state, parent, 'training', poolsDemand(job.jobSpec as JsonObject));
    return createLive(call, (created) => attachTrainingCurves(state, created, timestamp(state.now())));
  },
  'JobService.GetCustomJob': (call) => withAdvanced(call, 'customJobs', runMs),
  'JobService.ListCustomJobs': (call) => withAdvanced(call, 'customJobs', runMs),
  'JobService.CancelCustomJob': (call) => cancelJob(call, runMs),
  'JobService.DeleteCustomJob': (call) => deleteJob(call, runMs),
};

function runMs(state: EmulatorState): number {
  return computeOf(state).jobDurationMs;
}

/** Creates through the generic handler, then lets the job progress with time. */
export async function createLive(call: MethodCall, onCreated?: (job: JsonObject) => void): Promise<HttpResult> {
  const result = await delegate(call);
  const name = (result.body as JsonObject).name;
  const stored = typeof name === 'string' ? call.state.store.get(name) : undefined;
  if (stored) {
    registerLiveJob(call.state, String(stored.data.name));
    onCreated?.(stored.data);
  }
  return result;
}

/** Get and List: bring live jobs up to now first. */
export function withAdvanced(call: MethodCall, collection: string, run: (state: EmulatorState, job: StoredResource) => number, onAdvance?: (job: StoredResource) => void): HttpResult | Promise<HttpResult> {
  const { state, request } = call;
  const jobs = request.parent !== undefined
    ? state.store.list(state.names.canonical(String(request.parent), 'parent'), collection)
    : [state.store.get(state.names.canonical(String(request.name), 'name'))].filter((j): j is StoredResource => j !== undefined);
  for (const job of jobs) {
    advanceJob(state, job, run(state, job));
    onAdvance?.(job);
  }
  return delegate(call);
}

export function cancelJob(call: MethodCall, run: (state: EmulatorState, job: StoredResource) => number): HttpResult | Promise<HttpResult> {
  const { state } = call;
  const job = found(call);
  advanceJob(state, job, run(state, job));
  const current = String(job.data.state);
  if (refusesCancel(job.typeName.endsWith('.HyperparameterTuningJob') ? 'hyperparameterTuning' : 'custom', current)) {
    throw failedPrecondition(`${kindFor(state, call.route.method, String(job.data.name))} \`${String(job.data.name)}\` is in state ${current} and cannot be cancelled.`);
  }
  if (!cancelLiveJob(state, job, run(state, job))) return delegate(call);
  return { body: {} };
}

export function deleteJob(call: MethodCall, run: (state: EmulatorState, job: StoredResource) => number): HttpResult | Promise<HttpResult> {
  const job = found(call);
  advanceJob(call.state, job, run(call.state, job));
  if (!isTerminalJobState(String(job.data.state))) {
    throw failedPrecondition(`${kindFor(call.state, call.route.method, String(job.data.name))} \`${String(job.data.name)}\` is in state ${String(job.data.state)}; cancel it and wait for it to end before deleting it.`);
  }
  return delegate(call);
}

function found(call: MethodCall): StoredResource {
  const name = call.state.names.canonical(String(call.request.name), 'name');
  const job = call.state.store.get(name);
  if (!job) throw notFound(kindFor(call.state, call.route.method, name), name);
  return job;
}

function delegate(call: MethodCall): HttpResult | Promise<HttpResult> {
  const generic = genericHandler(call.route);
  if (!generic) throw new ApiError('INTERNAL', `No handler for ${call.route.method.fullName}.`);
  return generic(call);
}
