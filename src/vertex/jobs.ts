// Custom (GPU/TPU) and hyperparameter-tuning jobs, and the one list of all jobs the
// Tuning Jobs tree shows. No vscode.
import type { ClientPool } from './clients';
import { acceleratorName } from './enums';
import { resourceRegion, toNumber, toDate } from './protoValues';
import { base, listPage, listTuningJobs, toJobState, toTuningJob, type ListCall, type ListOptions } from './resources';
import { withRetry } from './retry';
import type { CustomJob, HyperparameterTuningJob, Job, JobMachine, Page } from './types';

type Raw = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export async function listCustomJobs(pool: ClientPool, options: ListOptions): Promise<Page<CustomJob>> {
  const client = await pool.get('JobServiceClient', options.region);
  return listPage('ListCustomJobs', client.listCustomJobs.bind(client) as ListCall, pool, options, toCustomJob);
}

export async function listHyperparameterTuningJobs(pool: ClientPool, options: ListOptions): Promise<Page<HyperparameterTuningJob>> {
  const client = await pool.get('JobServiceClient', options.region);
  return listPage('ListHyperparameterTuningJobs', client.listHyperparameterTuningJobs.bind(client) as ListCall, pool, options, toHyperparameterTuningJob);
}

type Kind = 'tuning' | 'custom' | 'hyperparameterTuning';
const LISTS: Record<Kind, (pool: ClientPool, options: ListOptions) => Promise<Page<Job>>> = {
  tuning: listTuningJobs,
  custom: listCustomJobs,
  hyperparameterTuning: listHyperparameterTuningJobs,
};

/**
 * All three kinds of job, newest first. The page token carries one token per kind,
 * so "Load more…" continues only the lists that have more.
 */
export async function listAllJobs(pool: ClientPool, options: ListOptions): Promise<Page<Job>> {
  const tokens: Partial<Record<Kind, string>> = options.pageToken
    ? JSON.parse(Buffer.from(options.pageToken, 'base64url').toString('utf8'))
    : { tuning: '', custom: '', hyperparameterTuning: '' };
  const kinds = Object.keys(tokens) as Kind[];
  const pages = await Promise.all(kinds.map((k) => LISTS[k](pool, { ...options, pageToken: tokens[k] || undefined })));
  const next: Partial<Record<Kind, string>> = {};
  kinds.forEach((k, i) => {
    if (pages[i].nextPageToken) next[k] = pages[i].nextPageToken;
  });
  const items = pages.flatMap((p) => p.items).sort((a, b) => (b.createTime?.getTime() ?? 0) - (a.createTime?.getTime() ?? 0));
  const more = Object.keys(next).length > 0;
  return { items, ...(more ? { nextPageToken: Buffer.from(JSON.stringify(next)).toString('base64url') } : {}) };
}

function training(raw: Raw, pools: Raw[]) {
  return {
    ...base(raw),
    state: toJobState(raw.state),
    machine: machineOf(pools),
    startTime: toDate(raw.startTime),
    endTime: toDate(raw.endTime),
    errorMessage: raw.error?.message || undefined,
  };
}

export function toCustomJob(raw: Raw): CustomJob {
  return { ...training(raw, raw.jobSpec?.workerPoolSpecs ?? []), kind: 'custom' };
}

const GOALS = ['GOAL_TYPE_UNSPECIFIED', 'MAXIMIZE', 'MINIMIZE'];

export function toHyperparameterTuningJob(raw: Raw): HyperparameterTuningJob {
  const metric = (raw.studySpec?.metrics ?? [])[0] as Raw | undefined;
  const goal = typeof metric?.goal === 'number' ? GOALS[metric.goal] : metric?.goal;
  const scored = ((raw.trials ?? []) as Raw[])
    .map((t) => ({ id: String(t.id ?? ''), value: valueOf(t, metric?.metricId) }))
    .filter((t): t is { id: string; value: number } => t.value !== undefined);
  const best = scored.reduce<{ id: string; value: number } | undefined>(
    (b, t) => (!b || (goal === 'MINIMIZE' ? t.value < b.value : t.value > b.value) ? t : b),
    undefined,
  );
  return {
    ...training(raw, raw.trialJobSpec?.workerPoolSpecs ?? []),
    kind: 'hyperparameterTuning',
    maxTrialCount: toNumber(raw.maxTrialCount) ?? 0,
    parallelTrialCount: toNumber(raw.parallelTrialCount) ?? 0,
    trialsCompleted: scored.length,
    metricId: metric?.metricId,
    bestTrial: best,
  };
}

function valueOf(trial: Raw, metricId: string | undefined): number | undefined {
  const metrics = (trial.finalMeasurement?.metrics ?? []) as Raw[];
  const m = metrics.find((x) => !metricId || x.metricId === metricId) ?? metrics[0];
  return toNumber(m?.value);
}

function machineOf(pools: Raw[]): JobMachine {
  const first = (pools.find((p) => p?.machineSpec) ?? {}) as Raw;
  const spec = (first.machineSpec ?? {}) as Raw;
  return {
    machineType: spec.machineType || undefined,
    acceleratorType: acceleratorName(spec.acceleratorType),
    acceleratorCount: toNumber(spec.acceleratorCount),
    tpuTopology: spec.tpuTopology || undefined,
    replicaCount: pools.reduce((n, p) => n + (toNumber(p?.replicaCount) ?? 0), 0),
    workerPools: pools.filter((p) => p && Object.keys(p).length > 0).length,
    image: first.containerSpec?.imageUri ?? first.pythonPackageSpec?.executorImageUri,
  };
}

/** One job of any kind, by its resource name (for following a job the user launched). */
export async function getJob(pool: ClientPool, name: string, options: Pick<ListOptions, 'signal'> = {}): Promise<Job> {
  const region = resourceRegion(name);
  return withRetry(
    'GetJob',
    async ({ timeoutMs }) => {
      if (name.includes('/tuningJobs/')) {
        const client = await pool.get('GenAiTuningServiceClient', region);
        return toTuningJob((await client.getTuningJob({ name }, { timeout: timeoutMs }))[0] as Raw);
      }
      const client = await pool.get('JobServiceClient', region);
      if (name.includes('/hyperparameterTuningJobs/')) {
        return toHyperparameterTuningJob((await client.getHyperparameterTuningJob({ name }, { timeout: timeoutMs }))[0] as Raw);
      }
      return toCustomJob((await client.getCustomJob({ name }, { timeout: timeoutMs }))[0] as Raw);
    },
    options,
  );
}
