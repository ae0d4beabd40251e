// v1beta1 ModelMonitoringService: monitoring jobs run in emulated time and, once
// succeeded, have drift statistics computed from their data (monitoringStats.ts, the
// math of src/drift): the training table and the endpoints' request-response logs in the
// emulator's BigQuery (monitoringLogs.ts), else generated samples (monitoringData.ts).
// Computed on the first search after the job succeeded and kept (a job over a window
// that logged nothing yet has no statistics and is looked at again).
// SearchModelMonitoringStats and ...Alerts read them back with Vertex's filters and
// paging. Monitors themselves use the generic handlers.
import { computeOf } from '../compute/computeState';
import type { EmulatorState, HttpResult, MethodCall, MethodHandler } from '../context';
import { invalidFields, notFound, type FieldViolation } from '../googleError';
import { paginate } from '../listQuery';
import type { StoredResource } from '../store';
import type { JsonObject } from '../wireCodec';
import { createLive, withAdvanced } from './customJobs';
import { advanceJob } from './customJobsLifecycle';
import { respond } from './generic';
import { datasetLocation, syntheticSample, type FieldSchema } from './monitoringData';
import { computeDrift, driftSpecProblems, type FeatureDrift } from './monitoringStats';
import { endpointLogSample, tableSample } from './monitoringLogs';
import { assertRequired } from './resourceFields';

const OBJECTIVES = [
  { type: 'raw-feature-drift', spec: 'featureDriftSpec', fields: 'featureFields' },
  { type: 'prediction-output-drift', spec: 'predictionOutputDriftSpec', fields: 'predictionFields' },
] as const;

export const monitoringHandlers: Record<string, MethodHandler> = {
  'ModelMonitoringService.CreateModelMonitoringJob': (call) => {
    const { state, request } = call;
    const monitor = monitorFor(state, String(request.parent), 'parent');
    const job = (request.modelMonitoringJob as JsonObject | undefined) ?? {};
    assertRequired(state.schema, `google.cloud.aiplatform.${call.route.method.version}.ModelMonitoringJob`, job, 'model_monitoring_job');
    const problems = jobProblems(monitor.data, job, 'model_monitoring_job.model_monitoring_spec.objective_spec');
    if (problems.length) throw invalidFields(problems);
    return createLive(call);
  },
  'ModelMonitoringService.GetModelMonitoringJob': (call) => withAdvanced(call, 'modelMonitoringJobs', runMs, (job) => describeExecution(call.state, job)),
  'ModelMonitoringService.ListModelMonitoringJobs': (call) => withAdvanced(call, 'modelMonitoringJobs', runMs, (job) => describeExecution(call.state, job)),
  'ModelMonitoringService.SearchModelMonitoringStats': searchStats,
  'ModelMonitoringService.SearchModelMonitoringAlerts': searchAlerts,
};

function runMs(state: EmulatorState): number {
  return computeOf(state).jobDurationMs;
}

interface DriftPoint extends FeatureDrift {
  objectiveType: string;
  job: string;
  time: string;
}

async function searchStats(call: MethodCall): Promise<HttpResult> {
  const { state, request } = call;
  const monitor = monitorFor(state, String(request.modelMonitor), 'model_monitor');
  const filter = ((request.statsFilter as JsonObject | undefined)?.tabularStatsFilter as JsonObject | undefined) ?? {};
  const points = (await driftPoints(state, monitor)).filter((p) =>
    (!filter.statsName || p.feature === filter.statsName) &&
    (!filter.objectiveType || p.objectiveType === filter.objectiveType) &&
    (!filter.modelMonitoringJob || p.job === state.names.canonical(String(filter.modelMonitoringJob), 'stats_filter.tabular_stats_filter.model_monitoring_job')) &&
    (!filter.algorithm || p.algorithm === filter.algorithm) &&
    inInterval(p.time, request.timeInterval as JsonObject | undefined));
  const groups = new Map<string, DriftPoint[]>();
  for (const p of points) groups.set(`${p.objectiveType}\n${p.feature}`, [...(groups.get(`${p.objectiveType}\n${p.feature}`) ?? []), p]);
  const stats = [...groups.values()].map((group) => ({
    tabularStats: {
      statsName: group[0].feature,
      objectiveType: group[0].objectiveType,
      dataPoints: group.map((p) => ({
        currentStats: { distributionValue: { distribution: p.current, distributionDeviation: p.score } },
        baselineStats: { distributionValue: { distribution: p.baseline } },
        thresholdValue: p.threshold,
        hasAnomaly: p.anomaly,
        modelMonitoringJob: p.job,
        createTime: p.time,
        algorithm: p.algorithm,
      })),
    },
  }));
  const page = paginate(stats, request as { pageSize?: number; pageToken?: string }, `stats:${String(monitor.data.name)}`);
  return respond(call, call.route.method.responseType, { monitoringStats: page.items, nextPageToken: page.nextPageToken });
}

async function searchAlerts(call: MethodCall): Promise<HttpResult> {
  const { state, request } = call;
  const monitor = monitorFor(state, String(request.modelMonitor), 'model_monitor');
  const job = request.modelMonitoringJob ? state.names.canonical(String(request.modelMonitoringJob), 'model_monitoring_job') : undefined;
  const alerts = (await driftPoints(state, monitor))
    .filter((p) => p.anomaly && (!job || p.job === job) && (!request.statsName || p.feature === request.statsName) &&
      (!request.objectiveType || p.objectiveType === request.objectiveType) && inInterval(p.time, request.alertTimeInterval as JsonObject | undefined))
    .map((p) => ({
      statsName: p.feature,
      objectiveType: p.objectiveType,
      alertTime: p.time,
      anomaly: {
        tabularAnomaly: {
          summary: `${p.feature}: ${p.algorithm} ${p.score} exceeds the threshold ${p.threshold}.`,
          anomaly: { baseline: p.baseline, current: p.current, deviation: p.score },
          triggerTime: p.time,
          condition: { threshold: p.threshold },
        },
        modelMonitoringJob: p.job,
        algorithm: p.algorithm,
      },
    }));
  const page = paginate(alerts, request as { pageSize?: number; pageToken?: string }, `alerts:${String(monitor.data.name)}`);
  return respond(call, call.route.method.responseType, { modelMonitoringAlerts: page.items, totalNumberAlerts: String(alerts.length), nextPageToken: page.nextPageToken });
}

const computed = new WeakMap<EmulatorState, Map<string, Promise<DriftPoint[]>>>();

/** Drift of every succeeded job of the monitor, oldest first. */
async function driftPoints(state: EmulatorState, monitor: StoredResource): Promise<DriftPoint[]> {
  const cache = computed.get(state) ?? new Map<string, Promise<DriftPoint[]>>();
  computed.set(state, cache);
  const jobs = state.store.list(String(monitor.data.name), 'modelMonitoringJobs').filter((job) => {
    advanceJob(state, job, runMs(state));
    return job.data.state === 'JOB_STATE_SUCCEEDED';
  });
  const perJob = await Promise.all(jobs.map((job) => {
    const name = String(job.data.name);
    // Shared by concurrent searches; a job that found no data is looked at again next time.
    let points = cache.get(name);
    if (!points) {
      points = jobDrift(state, monitor, job);
      cache.set(name, points);
      void points.then((p) => p.length || cache.delete(name), () => cache.delete(name));
    }
    return points;
  }));
  return perJob.flat().sort((a, b) => a.time.localeCompare(b.time));
}

async function jobDrift(state: EmulatorState, monitor: StoredResource, job: StoredResource): Promise<DriftPoint[]> {
  const points: DriftPoint[] = [];
  const time = String(job.data.endTime ?? job.data.updateTime);
  const { objective, baseline, target } = effectiveSpec(monitor.data, job.data);
  const schema = (monitor.data.modelMonitoringSchema as JsonObject | undefined) ?? {};
  for (const o of OBJECTIVES) {
    const spec = objective?.[o.spec] as JsonObject | undefined;
    const fields = ((schema[o.fields] as JsonObject[] | undefined) ?? []).map((f) => ({ name: String(f.name), dataType: String(f.dataType ?? 'float') }));
    if (!spec || !fields.length) continue;
    const samples = await samplesFor(state, fields, baseline, target, new Date(String(job.data.createTime ?? time)));
    if (!samples) continue;
    const drift = computeDrift(fields, samples.baseline, samples.target, spec);
    points.push(...drift.map((d) => ({ ...d, objectiveType: o.type, job: String(job.data.name), time })));
  }
  return points;
}

/**
 * Real data where the emulator holds it (a training table in its BigQuery, endpoints'
 * request-response logs), generated samples otherwise. A job whose target window logged
 * nothing has no statistics (undefined), as a job over no data has none.
 */
async function samplesFor(state: EmulatorState, fields: FieldSchema[], baseline: JsonObject | undefined, target: JsonObject | undefined, cutoff: Date) {
  const logged = await endpointLogSample(state, target, fields, cutoff);
  if (logged && !Object.values(logged).some((column) => column.length)) return undefined;
  return {
    baseline: (await tableSample(state, baseline, fields)) ?? sample(fields, baseline),
    target: logged ?? sample(fields, target),
  };
}

function sample(fields: FieldSchema[], input: JsonObject | undefined) {
  const location = datasetLocation(input);
  // Different windows of the same source are different samples of it.
  const window = JSON.stringify(input?.timeInterval ?? input?.timeOffset ?? '');
  return syntheticSample(fields, location, `${location}|${window}`);
}

function effectiveSpec(monitor: JsonObject, job: JsonObject): { objective?: JsonObject; baseline?: JsonObject; target?: JsonObject } {
  const objectiveSpec = ((job.modelMonitoringSpec as JsonObject | undefined)?.objectiveSpec as JsonObject | undefined) ?? {};
  return {
    objective: (objectiveSpec.tabularObjective ?? monitor.tabularObjective) as JsonObject | undefined,
    baseline: (objectiveSpec.baselineDataset ?? monitor.trainingDataset) as JsonObject | undefined,
    target: objectiveSpec.targetDataset as JsonObject | undefined,
  };
}

function jobProblems(monitor: JsonObject, job: JsonObject, path: string): FieldViolation[] {
  const { objective, baseline, target } = effectiveSpec(monitor, job);
  const problems: FieldViolation[] = [];
  if (!objective) problems.push({ field: `${path}.tabular_objective`, description: 'No objective: set one here or a tabular_objective on the ModelMonitor.' });
  if (!datasetLocation(baseline)) problems.push({ field: `${path}.baseline_dataset`, description: 'No baseline: set one here or a training_dataset on the ModelMonitor.' });
  if (!datasetLocation(target)) problems.push({ field: `${path}.target_dataset`, description: 'Required field is not set.' });
  const schema = (monitor.modelMonitoringSchema as JsonObject | undefined) ?? {};
  for (const o of OBJECTIVES) {
    const spec = objective?.[o.spec] as JsonObject | undefined;
    if (!spec) continue;
    const fields = ((schema[o.fields] as JsonObject[] | undefined) ?? []).map((f) => ({ name: String(f.name), dataType: String(f.dataType ?? 'float') }));
    if (!fields.length) problems.push({ field: `${path}.tabular_objective.${o.spec === 'featureDriftSpec' ? 'feature_drift_spec' : 'prediction_output_drift_spec'}`, description: `The ModelMonitor's model_monitoring_schema has no ${o.fields === 'featureFields' ? 'feature_fields' : 'prediction_fields'}.` });
    problems.push(...driftSpecProblems(spec, fields, `${path}.tabular_objective`));
  }
  return problems;
}

/** What a finished job processed, as ModelMonitoringJobExecutionDetail reports it. */
function describeExecution(state: EmulatorState, job: StoredResource): void {
  if (job.data.state !== 'JOB_STATE_SUCCEEDED' || job.data.jobExecutionDetail) return;
  const monitor = state.store.get(String(job.data.name).split('/').slice(0, 6).join('/'));
  if (!monitor) return;
  const { objective, baseline, target } = effectiveSpec(monitor.data, job.data);
  const processed = (input: JsonObject | undefined) => ({ location: datasetLocation(input), ...(input?.timeInterval ? { timeRange: input.timeInterval } : {}) });
  const objectiveStatus = Object.fromEntries(OBJECTIVES.filter((o) => objective?.[o.spec]).map((o) => [o.type, { code: 0, message: 'OK' }]));
  job.data = { ...job.data, jobExecutionDetail: { baselineDatasets: [processed(baseline)], targetDatasets: [processed(target)], objectiveStatus } };
}

function monitorFor(state: EmulatorState, requested: string, field: string): StoredResource {
  const name = state.names.canonical(requested, field);
  const monitor = state.store.get(name);
  if (!monitor) throw notFound('ModelMonitor', name);
  return monitor;
}

function inInterval(time: string, interval: JsonObject | undefined): boolean {
  if (!interval) return true;
  const t = Date.parse(time);
  return (!interval.startTime || t >= Date.parse(String(interval.startTime))) && (!interval.endTime || t < Date.parse(String(interval.endTime)));
}
