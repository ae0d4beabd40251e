// One job, as the job panel shows it: state timeline, tuning data statistics, the
// error as a sentence with a next step, HPT trials with the best marked, and where
// its training curves live. No vscode.
import * as l10n from '@vscode/l10n';
import type { ClientPool } from './clients';
import { toCustomJob, toHyperparameterTuningJob } from './jobs';
import { parseError } from './parseError';
import { enumName, resourceRegion, toDate, toNumber } from './protoValues';
import { toTuningJob } from './resources';
import { cancelOnAbort, withRetry } from './retry';
import { jobKindOf } from './tuning';
import type { Job } from './types';

type Raw = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface TimelineEntry {
  readonly label: string;
  readonly time: Date;
}

export interface Trial {
  readonly id: string;
  readonly state: string;
  readonly parameters: Readonly<Record<string, string | number>>;
  readonly value?: number;
}

export interface JobDetails {
  readonly job: Job;
  readonly timeline: readonly TimelineEntry[];
  /** Tuning data statistics as label → figure, in Google's field order. */
  readonly stats: readonly { readonly label: string; readonly value: string }[];
  readonly error?: { readonly message: string; readonly code: string };
  readonly trials: readonly Trial[];
  readonly metric?: { readonly id: string; readonly goal: 'MAXIMIZE' | 'MINIMIZE' };
  readonly bestTrialId?: string;
  /** The TensorBoard experiment id holding its curves, if any. */
  readonly experimentId?: string;
  /** Custom jobs name their TensorBoard; tuning jobs use the location's default one. */
  readonly tensorboard?: string;
  readonly raw: Raw;
}

export async function getJobDetails(pool: ClientPool, name: string, signal?: AbortSignal): Promise<JobDetails> {
  const kind = jobKindOf(name);
  const region = resourceRegion(name);
  const raw = await withRetry(
    'GetJob',
    async ({ timeoutMs, signal: s }) => {
      if (kind === 'tuning') {
        const client = await pool.get('GenAiTuningServiceClient', region);
        return (await cancelOnAbort(client.getTuningJob({ name }, { timeout: timeoutMs }), s))[0] as Raw;
      }
      const client = await pool.get('JobServiceClient', region);
      if (kind === 'custom') return (await cancelOnAbort(client.getCustomJob({ name }, { timeout: timeoutMs }), s))[0] as Raw;
      return (await cancelOnAbort(client.getHyperparameterTuningJob({ name }, { timeout: timeoutMs }), s))[0] as Raw;
    },
    { signal },
  );
  return toJobDetails(raw, kind);
}

export function toJobDetails(raw: Raw, kind: Job['kind']): JobDetails {
  const job = kind === 'tuning' ? toTuningJob(raw) : kind === 'custom' ? toCustomJob(raw) : toHyperparameterTuningJob(raw);
  const metric = (raw.studySpec?.metrics ?? [])[0] as Raw | undefined;
  const goal = enumName(['GOAL_TYPE_UNSPECIFIED', 'MAXIMIZE', 'MINIMIZE'] as const, metric?.goal);
  const trials = ((raw.trials ?? []) as Raw[]).map(toTrial(metric?.metricId));
  return {
    job,
    timeline: timelineOf(raw, job),
    stats: statsOf(raw.tuningDataStats?.supervisedTuningDataStats),
    error: raw.error?.message ? errorOf(raw.error) : undefined,
    trials,
    metric: metric?.metricId ? { id: String(metric.metricId), goal: goal === 'MINIMIZE' ? 'MINIMIZE' : 'MAXIMIZE' } : undefined,
    bestTrialId: job.kind === 'hyperparameterTuning' ? job.bestTrial?.id : undefined,
    experimentId: kind === 'tuning' ? String(raw.experiment ?? '').split('/').pop() || undefined : kind === 'custom' ? job.id : undefined,
    tensorboard: kind === 'custom' ? raw.jobSpec?.tensorboard || undefined : undefined,
    raw,
  };
}

function timelineOf(raw: Raw, job: Job): TimelineEntry[] {
  const entries: [string, unknown][] = [
    ['Created', raw.createTime],
    ['Started', raw.startTime],
    [endLabel(job.state), raw.endTime],
  ];
  return entries.flatMap(([label, value]) => {
    const time = toDate(value);
    return time ? [{ label, time }] : [];
  });
}

function endLabel(state: Job['state']): string {
  return state === 'succeeded' ? l10n.t('Succeeded') : state === 'failed' ? l10n.t('Failed') : state === 'cancelled' ? l10n.t('Cancelled') : l10n.t('Ended');
}

const STAT_LABELS: [string, string][] = [
  ['tuningDatasetExampleCount', l10n.t('Training examples')],
  ['totalTuningCharacterCount', l10n.t('Characters')],
  ['totalBillableTokenCount', l10n.t('Billable tokens')],
  ['totalBillableCharacterCount', l10n.t('Billable characters')],
  ['tuningStepCount', l10n.t('Tuning steps')],
];

function statsOf(stats: Raw | undefined): { label: string; value: string }[] {
  if (!stats) return [];
  const rows = STAT_LABELS.flatMap(([key, label]) => {
    // proto3 reads unset counts as 0: a zero here means "not reported".
    const value = toNumber(stats[key]);
    return !value ? [] : [{ label, value: value.toLocaleString('en-US') }];
  });
  for (const [key, label] of [['userInputTokenDistribution', l10n.t('Input tokens per example')], ['userOutputTokenDistribution', l10n.t('Output tokens per example')]] as const) {
    const d = stats[key] as Raw | undefined;
    if (d) rows.push({ label, value: l10n.t('mean {0}, max {1}', round(toNumber(d.mean)), round(toNumber(d.max))) });
  }
  return rows;
}

function errorOf(status: Raw): { message: string; code: string } {
  const parsed = parseError({ code: status.code, message: status.message, statusDetails: status.details ?? [] });
  return { message: parsed.message, code: parsed.code };
}

function toTrial(metricId: string | undefined) {
  return (t: Raw): Trial => {
    const metrics = (t.finalMeasurement?.metrics ?? []) as Raw[];
    const m = metrics.find((x) => !metricId || x.metricId === metricId) ?? metrics[0];
    const parameters: Record<string, string | number> = {};
    for (const p of (t.parameters ?? []) as Raw[]) parameters[String(p.parameterId)] = plain(p.value);
    return { id: String(t.id ?? ''), state: String(enumName(['STATE_UNSPECIFIED', 'REQUESTED', 'ACTIVE', 'STOPPING', 'SUCCEEDED', 'INFEASIBLE'] as const, t.state)), parameters, value: toNumber(m?.value) };
  };
}

/** A protobuf Value (REST: plain JSON; gRPC-shaped: { numberValue } …) as a plain value. */
function plain(value: unknown): string | number {
  if (typeof value === 'number' || typeof value === 'string') return value;
  const v = (value ?? {}) as Raw;
  if (typeof v.numberValue === 'number') return v.numberValue;
  if (typeof v.stringValue === 'string') return v.stringValue;
  return JSON.stringify(value);
}

function round(n: number | undefined): string {
  return n === undefined ? '–' : String(Math.round(n * 10) / 10);
}
