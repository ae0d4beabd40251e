// TensorboardService reads of scalar time series. Series of a tuning job's experiment
// carry its measured losses (tensorboardTuning.ts); series of a custom job's experiment
// get their points from the job itself: its curve (tensorboardCurves.ts) up to how far
// the job has run, so a running job's chart grows as it trains.
import { computeOf } from '../compute/computeState';
import type { EmulatorState, MethodHandler } from '../context';
import { invalidFields, notFound } from '../googleError';
import type { JsonObject } from '../wireCodec';
import { advanceJob, jobWindow } from './customJobsLifecycle';
import { respond } from './generic';
import { curveSpec, loggedSteps, valueAt, type CurveName } from './tensorboardCurves';
import { jobOfSeries } from './tensorboardRuns';
import { tuningJobOfSeries, tuningSeriesValues } from './tensorboardTuning';

const DEFAULT_MAX_POINTS = 1000;

export const tensorboardHandlers: Record<string, MethodHandler> = {
  'TensorboardService.ReadTensorboardTimeSeriesData': (call) => {
    const name = call.state.names.canonical(String(call.request.tensorboardTimeSeries), 'tensorboard_time_series');
    const maxPoints = Number(call.request.maxDataPoints ?? 0) || DEFAULT_MAX_POINTS;
    return respond(call, call.route.method.responseType, { timeSeriesData: seriesData(call.state, name, maxPoints) });
  },
  'TensorboardService.BatchReadTensorboardTimeSeriesData': (call) => {
    const tensorboard = call.state.names.canonical(String(call.request.tensorboard), 'tensorboard');
    if (!call.state.store.has(tensorboard)) throw notFound('Tensorboard', tensorboard);
    const names = (call.request.timeSeries as string[] | undefined) ?? [];
    if (!names.length) throw invalidFields([{ field: 'time_series', description: 'Required field is not set.' }]);
    const data = names.map((requested, i) => {
      const name = call.state.names.canonical(requested, `time_series[${i}]`);
      if (!name.startsWith(`${tensorboard}/`)) throw invalidFields([{ field: `time_series[${i}]`, description: `Time series \`${name}\` is not in Tensorboard \`${tensorboard}\`.` }]);
      return seriesData(call.state, name, DEFAULT_MAX_POINTS);
    });
    return respond(call, call.route.method.responseType, { timeSeriesData: data });
  },
};

function seriesData(state: EmulatorState, name: string, maxPoints: number): JsonObject {
  const series = state.store.get(name);
  if (!series) throw notFound('TensorboardTimeSeries', name);
  const base = { tensorboardTimeSeriesId: name.split('/').pop(), valueType: series.data.valueType ?? 'SCALAR' };
  const tuningJob = tuningJobOfSeries(name);
  if (tuningJob) {
    const job = state.store.get(tuningJob);
    return { ...base, values: job ? tuningSeriesValues(state, job.data, String(series.data.displayName)).slice(-maxPoints) : [] };
  }
  const job = state.store.get(jobOfSeries(name));
  const curve = series.data.displayName as CurveName;
  if (!job || (curve !== 'loss' && curve !== 'learning_rate')) return { ...base, values: [] };
  const runMs = computeOf(state).jobDurationMs;
  advanceJob(state, job, runMs);
  const pools = ((job.data.jobSpec as JsonObject | undefined)?.workerPoolSpecs as JsonObject[] | undefined) ?? [];
  const args = ((pools[0]?.containerSpec ?? pools[0]?.pythonPackageSpec) as JsonObject | undefined)?.args as string[] | undefined;
  const spec = curveSpec(String(job.data.name), args ?? []);
  const window = jobWindow(state, job.data, runMs);
  const steps = thin(loggedSteps(spec, window.progress * spec.totalSteps), maxPoints);
  const values = steps.map((step) => ({
    step: String(step),
    wallTime: new Date(window.start + (step / spec.totalSteps) * window.expected).toISOString(),
    scalar: { value: valueAt(curve, spec, step) },
  }));
  return { ...base, values: window.progress > 0 ? values : [] };
}

/** At most `max` points, evenly spread, keeping the first and the last. */
function thin(steps: number[], max: number): number[] {
  if (steps.length <= max) return steps;
  const stride = (steps.length - 1) / (max - 1);
  return Array.from({ length: max }, (_, i) => steps[Math.round(i * stride)]);
}
