// JobService hyperparameter tuning jobs: create checks the study spec, the trial job
// spec (machine catalog) and the training quota for parallel_trial_count trials; the
// job then runs its trials round by round in emulated time, parallel_trial_count at a
// time up to max_trial_count, each finishing with a measurement of the study's metrics
// (hyperparameterTuningTrials.ts).
import { computeOf } from '../compute/computeState';
import { assertQuota, poolsDemand } from '../compute/quotaUsage';
import type { EmulatorState, MethodHandler } from '../context';
import { invalidFields, type FieldViolation } from '../googleError';
import type { StoredResource } from '../store';
import type { JsonObject } from '../wireCodec';
import { cancelJob, createLive, deleteJob, withAdvanced } from './customJobs';
import { liveJob } from './customJobsLifecycle';
import { jobSpecProblems } from './customJobsSpec';
import { planTrials, roundCount, studySpecProblems } from './hyperparameterTuningTrials';
import { assertRequired } from './resourceFields';

const COLLECTION = 'hyperparameterTuningJobs';

export const hyperparameterTuningHandlers: Record<string, MethodHandler> = {
  'JobService.CreateHyperparameterTuningJob': (call) => {
    const { state, request } = call;
    const parent = state.names.canonical(String(request.parent), 'parent');
    const job = (request.hyperparameterTuningJob as JsonObject | undefined) ?? {};
    const path = 'hyperparameter_tuning_job';
    assertRequired(state.schema, `google.cloud.aiplatform.${call.route.method.version}.HyperparameterTuningJob`, job, path);
    const problems: FieldViolation[] = [...studySpecProblems(job.studySpec as JsonObject, `${path}.study_spec`)];
    const [maxTrials, parallel] = [Number(job.maxTrialCount ?? 0), Number(job.parallelTrialCount ?? 0)];
    if (maxTrials < 1) problems.push({ field: `${path}.max_trial_count`, description: `max_trial_count must be at least 1, got ${maxTrials}.` });
    if (parallel < 1) problems.push({ field: `${path}.parallel_trial_count`, description: `parallel_trial_count must be at least 1, got ${parallel}.` });
    if (parallel > maxTrials && maxTrials >= 1) problems.push({ field: `${path}.parallel_trial_count`, description: `parallel_trial_count (${parallel}) must not exceed max_trial_count (${maxTrials}).` });
    problems.push(...jobSpecProblems(parent.split('/')[3], job.trialJobSpec as JsonObject, `${path}.trial_job_spec`));
    if (problems.length) throw invalidFields(problems);
    assertQuota(state, parent, 'training', poolsDemand(job.trialJobSpec as JsonObject, parallel));
    return createLive(call);
  },
  'JobService.GetHyperparameterTuningJob': (call) => withAdvanced(call, COLLECTION, runMs, (job) => materializeTrials(call.state, job)),
  'JobService.ListHyperparameterTuningJobs': (call) => withAdvanced(call, COLLECTION, runMs, (job) => materializeTrials(call.state, job)),
  'JobService.CancelHyperparameterTuningJob': (call) => cancelJob(call, runMs),
  'JobService.DeleteHyperparameterTuningJob': (call) => deleteJob(call, runMs),
};

function trialMs(state: EmulatorState): number {
  return computeOf(state).jobDurationMs;
}

/** A tuning job runs its rounds of trials back to back. */
function runMs(state: EmulatorState, job: StoredResource): number {
  const { studySpec, maxTrialCount, parallelTrialCount } = job.data;
  return roundCount(studySpec as JsonObject, Number(maxTrialCount), Number(parallelTrialCount)) * trialMs(state);
}

/** Fills Trial entries for the rounds run so far: finished ones measured, the current one ACTIVE. */
function materializeTrials(state: EmulatorState, job: StoredResource): void {
  if (!liveJob(state, String(job.data.name)) || !job.data.startTime) return;
  const start = Date.parse(String(job.data.startTime));
  const until = job.data.endTime ? Date.parse(String(job.data.endTime)) : state.now().getTime();
  const per = trialMs(state);
  const succeeded = job.data.state === 'JOB_STATE_SUCCEEDED';
  const running = job.data.state === 'JOB_STATE_RUNNING';
  const finished = succeeded ? Number.MAX_SAFE_INTEGER : Math.floor((until - start) / per);
  const planned = planTrials(String(job.data.name), job.data.studySpec as JsonObject, Number(job.data.maxTrialCount), Number(job.data.parallelTrialCount), running ? finished + 1 : finished);
  const iso = (ms: number) => new Date(ms).toISOString();
  job.data = {
    ...job.data,
    trials: planned.map((t) => {
      const trial: JsonObject = { id: t.id, parameters: t.parameters, startTime: iso(start + t.round * per) };
      if (t.round >= finished) return { ...trial, state: 'ACTIVE' };
      return {
        ...trial,
        state: 'SUCCEEDED',
        endTime: iso(start + (t.round + 1) * per),
        finalMeasurement: { elapsedDuration: `${per / 1000}s`, metrics: t.metrics },
      };
    }),
  };
}
