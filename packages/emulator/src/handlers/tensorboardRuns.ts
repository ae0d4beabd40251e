// Where a custom job's curves live, as Vertex AI TensorBoard lays them out: in the
// job's TensorBoard (CustomJobSpec.tensorboard, else the location's default one), an
// experiment named after the job id, a "train" run, and one scalar time series per
// curve. The points themselves are computed when read (tensorboard.ts).
import type { EmulatorState } from '../context';
import type { JsonObject } from '../wireCodec';
import { unit } from './customJobsRandom';
import { etagOf } from './resourceFields';
import { CURVES } from './tensorboardCurves';

const V1 = 'google.cloud.aiplatform.v1';
export const TRAIN_RUN = 'train';

/** The TensorBoard a job logs to, if any. */
export function tensorboardFor(state: EmulatorState, job: JsonObject): string | undefined {
  const requested = (job.jobSpec as JsonObject | undefined)?.tensorboard;
  if (typeof requested === 'string' && requested) return state.names.canonical(requested, 'custom_job.job_spec.tensorboard');
  const location = String(job.name).split('/').slice(0, 4).join('/');
  const fallback = state.store.list(location, 'tensorboards').find((t) => t.data.isDefault === true);
  return fallback ? String(fallback.data.name) : undefined;
}

/** Creates the experiment, run and time series of a job (idempotent). */
export function attachTrainingCurves(state: EmulatorState, job: JsonObject, createTime: string): void {
  const tensorboard = tensorboardFor(state, job);
  if (!tensorboard || !state.store.has(tensorboard)) return;
  const jobId = String(job.name).split('/').pop();
  const experiment = `${tensorboard}/experiments/${jobId}`;
  const run = `${experiment}/runs/${TRAIN_RUN}`;
  const put = (kind: string, name: string, data: JsonObject) => {
    if (state.store.has(name)) return;
    const full: JsonObject = { name, ...data, createTime, updateTime: createTime };
    full.etag = etagOf(full);
    state.store.put(name, `${V1}.${kind}`, full);
  };
  put('TensorboardExperiment', experiment, { displayName: String(job.displayName ?? jobId), description: `Training curves of ${String(job.name)}.` });
  put('TensorboardRun', run, { displayName: TRAIN_RUN });
  const existing = new Set(state.store.list(run, 'timeSeries').map((s) => s.data.displayName));
  for (const curve of CURVES) {
    if (!existing.has(curve)) put('TensorboardTimeSeries', `${run}/timeSeries/${seriesId(run, curve)}`, { displayName: curve, valueType: 'SCALAR', pluginName: 'scalars' });
  }
}

/** A Vertex-style 19-digit id derived from the run and curve, so it is stable and takes nothing from the id sequence. */
function seriesId(run: string, curve: string): string {
  let digits = String(1 + Math.floor(unit(`${run}:${curve}`) * 9));
  for (let i = 0; digits.length < 19; i++) digits += String(Math.floor(unit(`${run}:${curve}:${i}`) * 10));
  return digits;
}

/** The custom job behind a time series name, if its experiment was made for one. */
export function jobOfSeries(seriesName: string): string {
  const parts = seriesName.split('/');
  return `${parts.slice(0, 4).join('/')}/customJobs/${parts[7]}`;
}
