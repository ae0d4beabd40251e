// Vertex AI Model Monitoring (v1beta1 ModelMonitoringService) in domain types: monitors,
// monitoring jobs, drift stats as per-feature series, alerts; creating a monitor and
// running a job now. No vscode.
import * as l10n from '@vscode/l10n';
import type { Distribution } from '@vertex-genai-ops/catalog/drift/featureDrift';
import type { ClientPool } from './clients';
import { fromValue } from './explain';
import { waitForOperation, type OperationHandle, type OperationProgress } from './lro';
import { readPages } from './paging';
import { enumName, resourceRegion, toDate, toNumber } from './protoValues';
import { cancelledError, cancelOnAbort, deadlineError } from './retry';
import { isTerminalJobState } from '@vertex-genai-ops/catalog/jobStates';
import { JOB_STATES, type JobStateName } from './types';

type Raw = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export type FeatureKind = 'numeric' | 'categorical';

export interface MonitoredFeature {
  readonly name: string;
  readonly kind: FeatureKind;
  /** The alert threshold that applies to it (per-feature, else the default for its kind). */
  readonly threshold?: number;
}

export interface ModelMonitor {
  readonly name: string;
  readonly displayName: string;
  readonly region: string;
  /** `projects/…/models/M` of the monitored model, when it is a Vertex model. */
  readonly model?: string;
  readonly modelVersionId?: string;
  readonly features: readonly MonitoredFeature[];
  readonly createTime?: string;
}

export interface MonitoringJob {
  readonly name: string;
  readonly displayName: string;
  readonly state: JobStateName;
  readonly createTime?: string;
  readonly error?: string;
}

export interface DriftPoint {
  readonly time: string;
  readonly score: number;
  readonly threshold?: number;
  readonly anomaly: boolean;
  readonly algorithm: string;
  readonly job: string;
  readonly baseline?: Distribution;
  readonly current?: Distribution;
}

export interface DriftSeries {
  readonly feature: string;
  readonly objectiveType: string;
  /** Oldest first. */
  readonly points: readonly DriftPoint[];
}

export interface DriftAlert {
  readonly feature: string;
  readonly objectiveType: string;
  readonly time: string;
  readonly summary: string;
  readonly job?: string;
  readonly score?: number;
  readonly threshold?: number;
}

const CATEGORICAL_TYPES = new Set(['string', 'categorical', 'boolean']);

export async function listModelMonitors(pool: ClientPool, region: string): Promise<ModelMonitor[]> {
  const client = await pool.get('ModelMonitoringServiceClient', region);
  const parent = `projects/${pool.connection.project}/locations/${region}`;
  const page = await readPages(async (pageToken) => {
    const [items, , raw] = (await client.listModelMonitors({ parent, pageSize: 100, pageToken: pageToken ?? '' }, { autoPaginate: false })) as unknown as [Raw[], unknown, Raw];
    return { items: items.map(toMonitor), ...(raw?.nextPageToken ? { nextPageToken: raw.nextPageToken as string } : {}) };
  });
  return page.items;
}

export async function listMonitoringJobs(pool: ClientPool, monitor: string): Promise<MonitoringJob[]> {
  const client = await pool.get('ModelMonitoringServiceClient', resourceRegion(monitor));
  const [items] = (await client.listModelMonitoringJobs({ parent: monitor })) as unknown as [Raw[]];
  return items.map(toJob);
}

/** Every drift data point of a monitor, grouped per objective and feature, oldest first. */
export async function searchDriftStats(pool: ClientPool, monitor: string, signal?: AbortSignal): Promise<DriftSeries[]> {
  const client = await pool.get('ModelMonitoringServiceClient', resourceRegion(monitor));
  const call = client.searchModelMonitoringStats({ modelMonitor: monitor }) as unknown as Promise<[Raw[]]>;
  const [stats] = signal ? await cancelOnAbort(call, signal) : await call;
  const series = new Map<string, { feature: string; objectiveType: string; points: DriftPoint[] }>();
  for (const s of stats) {
    const tabular = (s.tabularStats ?? {}) as Raw;
    const key = `${tabular.objectiveType}\n${tabular.statsName}`;
    const entry = series.get(key) ?? { feature: String(tabular.statsName), objectiveType: String(tabular.objectiveType), points: [] };
    series.set(key, entry);
    for (const p of (tabular.dataPoints ?? []) as Raw[]) {
      const current = p.currentStats?.distributionValue ?? {};
      entry.points.push({
        time: isoTime(p.createTime),
        score: toNumber(current.distributionDeviation) ?? 0,
        threshold: toNumber(p.thresholdValue) || undefined,
        anomaly: Boolean(p.hasAnomaly),
        algorithm: String(p.algorithm ?? ''),
        job: String(p.modelMonitoringJob ?? ''),
        baseline: fromValue(p.baselineStats?.distributionValue?.distribution) as Distribution | undefined,
        current: fromValue(current.distribution) as Distribution | undefined,
      });
    }
  }
  for (const s of series.values()) s.points.sort((a, b) => a.time.localeCompare(b.time));
  return [...series.values()];
}

export async function searchDriftAlerts(pool: ClientPool, monitor: string, signal?: AbortSignal): Promise<DriftAlert[]> {
  const client = await pool.get('ModelMonitoringServiceClient', resourceRegion(monitor));
  const call = client.searchModelMonitoringAlerts({ modelMonitor: monitor }) as unknown as Promise<[Raw[]]>;
  const [alerts] = signal ? await cancelOnAbort(call, signal) : await call;
  return alerts
    .map((a) => {
      const tabular = (a.anomaly?.tabularAnomaly ?? {}) as Raw;
      const anomaly = (fromValue(tabular.anomaly) ?? {}) as { deviation?: number };
      return {
        feature: String(a.statsName ?? ''),
        objectiveType: String(a.objectiveType ?? ''),
        time: isoTime(a.alertTime),
        summary: String(tabular.summary ?? ''),
        job: a.anomaly?.modelMonitoringJob || undefined,
        score: typeof anomaly.deviation === 'number' ? anomaly.deviation : undefined,
        threshold: toNumber(tabular.condition?.threshold),
      };
    })
    .sort((a, b) => b.time.localeCompare(a.time));
}

export interface NewMonitor {
  readonly region: string;
  readonly displayName: string;
  /** `projects/…/models/M` */
  readonly model: string;
  readonly modelVersionId: string;
  /** A BigQuery table (`bq://project.dataset.table`) with the training data: the baseline. */
  readonly trainingTable: string;
  readonly features: readonly { name: string; kind: FeatureKind }[];
  readonly numericThreshold: number;
  readonly categoricalThreshold: number;
}

export async function createModelMonitor(pool: ClientPool, spec: NewMonitor, options: { signal?: AbortSignal; onProgress?: (p: OperationProgress) => void } = {}): Promise<ModelMonitor> {
  const client = await pool.get('ModelMonitoringServiceClient', spec.region);
  const [operation] = (await client.createModelMonitor({
    parent: `projects/${pool.connection.project}/locations/${spec.region}`,
    modelMonitor: {
      displayName: spec.displayName,
      modelMonitoringTarget: { vertexModel: { model: spec.model, modelVersionId: spec.modelVersionId } },
      trainingDataset: { columnizedDataset: { bigquerySource: { tableUri: spec.trainingTable } } },
      modelMonitoringSchema: { featureFields: spec.features.map((f) => ({ name: f.name, dataType: f.kind === 'numeric' ? 'float' : 'categorical' })) },
      tabularObjective: {
        featureDriftSpec: {
          defaultNumericAlertCondition: { threshold: spec.numericThreshold },
          defaultCategoricalAlertCondition: { threshold: spec.categoricalThreshold },
        },
      },
    },
  })) as unknown as [OperationHandle<Raw>];
  return toMonitor(await waitForOperation(operation, { signal: options.signal, onProgress: options.onProgress, pollInitialMs: 200 }));
}

/**
 * Runs a monitoring job now over the monitored endpoints' request-response logs of the
 * last day (the target) against the monitor's training data, and waits until it ends.
 */
export async function runMonitoringJob(
  pool: ClientPool,
  monitor: string,
  endpoints: readonly string[],
  options: { signal?: AbortSignal; timeoutMs?: number; onState?: (state: JobStateName) => void; window?: string } = {},
): Promise<MonitoringJob> {
  const client = await pool.get('ModelMonitoringServiceClient', resourceRegion(monitor));
  const [created] = (await client.createModelMonitoringJob({
    parent: monitor,
    modelMonitoringJob: {
      displayName: `run-now-${new Date().toISOString().slice(0, 19).replace(/[-:T]/g, '')}`,
      // The logs of the last day (or `window`: 1h, 2d, 1w…) up to now.
      modelMonitoringSpec: { objectiveSpec: { targetDataset: { vertexEndpointLogs: { endpoints: [...endpoints] }, timeOffset: { window: options.window ?? '1d' } } } },
    },
  })) as unknown as [Raw];
  let job = toJob(created);
  const deadline = Date.now() + (options.timeoutMs ?? 600_000);
  let delay = 200;
  while (!isTerminalJobState(job.state)) {
    options.onState?.(job.state);
    if (options.signal?.aborted) throw cancelledError(l10n.t('The monitoring job run'));
    if (Date.now() > deadline) throw deadlineError(l10n.t('The monitoring job run'), options.timeoutMs ?? 600_000);
    await new Promise((r) => setTimeout(r, delay));
    delay = Math.min(delay * 1.5, 5000);
    const [raw] = (await client.getModelMonitoringJob({ name: job.name })) as unknown as [Raw];
    job = toJob(raw);
  }
  if (job.state !== 'JOB_STATE_SUCCEEDED') throw new Error(job.error ?? l10n.t('The monitoring job ended as {0}.', job.state));
  return job;
}

function toMonitor(raw: Raw): ModelMonitor {
  const spec = (raw.tabularObjective?.featureDriftSpec ?? {}) as Raw;
  const conditions = (spec.featureAlertConditions ?? {}) as Record<string, Raw>;
  const features = ((raw.modelMonitoringSchema?.featureFields ?? []) as Raw[]).map((f): MonitoredFeature => {
    const kind: FeatureKind = CATEGORICAL_TYPES.has(String(f.dataType ?? '').toLowerCase()) ? 'categorical' : 'numeric';
    const condition = conditions[f.name] ?? (kind === 'categorical' ? spec.defaultCategoricalAlertCondition : spec.defaultNumericAlertCondition);
    return { name: String(f.name), kind, threshold: toNumber(condition?.threshold) };
  });
  const vertexModel = raw.modelMonitoringTarget?.vertexModel as Raw | undefined;
  return {
    name: String(raw.name),
    displayName: String(raw.displayName ?? ''),
    region: resourceRegion(String(raw.name)),
    model: vertexModel?.model || undefined,
    modelVersionId: vertexModel?.modelVersionId || undefined,
    features,
    createTime: raw.createTime ? isoTime(raw.createTime) : undefined,
  };
}

function toJob(raw: Raw): MonitoringJob {
  return {
    name: String(raw.name),
    displayName: String(raw.displayName ?? ''),
    state: enumName(JOB_STATES, raw.state),
    createTime: raw.createTime ? isoTime(raw.createTime) : undefined,
    error: raw.error?.message || undefined,
  };
}

/** Timestamps arrive as {seconds, nanos} from the client. */
function isoTime(value: unknown): string {
  return toDate(value)?.toISOString() ?? '';
}
