// Where a Gemini tuning job's loss curves live, as Vertex AI Experiments lay them
// out: the job's `experiment` context is backed by a TensorBoard experiment of the
// same id in the location's default TensorBoard (created if there is none), with a
// run named after the job and one scalar series per metric (`/train_total_loss`,
// and `/eval_total_loss` when there is validation data). The points are the losses
// the trainer really measured (models/tuningTrainer.ts): the base model at step 0,
// then one per epoch (step = epoch), revealed as the job runs.
import type { EmulatorState } from '../context';
import { timestamp } from '../timestamp';
import { modelsOf } from '../models/modelRegistry';
import { trainingCurve } from '../models/trainingCurve';
import { tuneFromJob } from '../models/tuneFromJob';
import type { EpochLoss } from '../models/tuningTrainer';
import type { JsonObject } from '../wireCodec';
import { unit } from './customJobsRandom';
import { etagOf } from './resourceFields';

const V1 = 'google.cloud.aiplatform.v1';
export const TRAIN_LOSS = '/train_total_loss';
export const EVAL_LOSS = '/eval_total_loss';

/** Creates the experiment, run and series of a tuning job (idempotent); the points are computed when read. */
export function attachTuningCurves(state: EmulatorState, job: JsonObject): void {
  const experimentId = String(job.experiment ?? '').split('/').pop();
  if (!experimentId) return;
  const location = String(job.name).split('/').slice(0, 4).join('/');
  const stamp = timestamp(state.now());
  const put = (kind: string, name: string, data: JsonObject) => {
    if (state.store.has(name)) return;
    const full: JsonObject = { name, ...data, createTime: stamp, updateTime: stamp };
    full.etag = etagOf(full);
    state.store.put(name, `${V1}.${kind}`, full);
  };
  let tensorboard = state.store.list(location, 'tensorboards').find((t) => t.data.isDefault === true)?.data.name as string | undefined;
  if (!tensorboard) {
    tensorboard = `${location}/tensorboards/${state.ids.next()}`;
    put('Tensorboard', tensorboard, { displayName: 'Default Tensorboard', isDefault: true });
  }
  const jobId = String(job.name).split('/').pop()!;
  const experiment = `${tensorboard}/experiments/${experimentId}`;
  const run = `${experiment}/runs/${jobId}`;
  put('TensorboardExperiment', experiment, { displayName: experimentId, description: `Loss curves of ${String(job.name)}.` });
  put('TensorboardRun', run, { displayName: jobId });
  const spec = job.supervisedTuningSpec as JsonObject | undefined;
  const metrics = spec?.validationDatasetUri ? [TRAIN_LOSS, EVAL_LOSS] : [TRAIN_LOSS];
  for (const metric of metrics) {
    put('TensorboardTimeSeries', `${run}/timeSeries/${seriesId(run, metric)}`, { displayName: metric, valueType: 'SCALAR', pluginName: 'scalars' });
  }
}

/** The tuning job a series belongs to, when it is one of a tuning experiment's. */
export function tuningJobOfSeries(seriesName: string): string | undefined {
  const parts = seriesName.split('/');
  // projects/P/locations/L/tensorboards/T/experiments/E/runs/R/timeSeries/S: the run is the job.
  if (!parts[7]?.startsWith('tuning-experiment-')) return undefined;
  return `${parts.slice(0, 4).join('/')}/tuningJobs/${parts[9]}`;
}

/** The series' points: one per epoch the job has trained so far. */
export function tuningSeriesValues(state: EmulatorState, job: JsonObject, metric: string): JsonObject[] {
  const losses = lossesOf(state, job);
  const start = Date.parse(String(job.startTime ?? ''));
  if (!losses.length || Number.isNaN(start)) return [];
  // RUNNING lasts two operation delays (tuningRunner.ts): epochs finish evenly across it.
  const runMs = 2 * state.operations.defaultDelayMs;
  // Step 0 is known at the start; the last epoch ends with the job, whatever the timers' jitter.
  const epochs = losses.length - 1;
  const running = 1 + Math.min(epochs - 1, Math.floor(((state.now().getTime() - start) / runMs) * epochs));
  const done = job.state === 'JOB_STATE_SUCCEEDED' ? losses.length : running;
  return losses.slice(0, Math.max(0, done)).flatMap((loss) => {
    const value = metric === EVAL_LOSS ? loss.validationLoss : loss.trainingLoss;
    if (value === undefined) return [];
    return [{ step: String(loss.epoch), wallTime: new Date(start + (loss.epoch / epochs) * runMs).toISOString(), scalar: { value } }];
  });
}

/** Measured when the job trained; a seeded job that never ran here trains now, once. */
function lossesOf(state: EmulatorState, job: JsonObject): readonly EpochLoss[] {
  const name = String(job.name);
  const curves = modelsOf(state).curves;
  const known = curves.get(name) ?? trainingCurve(state, name);
  if (known) return known;
  if (job.state !== 'JOB_STATE_RUNNING') return [];
  try {
    const { losses } = tuneFromJob(state, job);
    curves.set(name, losses);
    return losses;
  } catch {
    return [];
  }
}

function seriesId(run: string, metric: string): string {
  let digits = String(1 + Math.floor(unit(`${run}:${metric}`) * 9));
  for (let i = 0; digits.length < 19; i++) digits += String(Math.floor(unit(`${run}:${metric}:${i}`) * 10));
  return digits;
}
