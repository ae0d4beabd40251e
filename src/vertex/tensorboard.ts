// A job's training curves from Vertex AI TensorBoard: the experiment named after the
// job (custom jobs) or after its Experiments context (tuning jobs), every run, every
// scalar series, read in one batch per TensorBoard. No vscode.
import type { ClientPool } from './clients';
import { parseError } from './parseError';
import { toDate, toNumber } from './protoValues';
import { cancelOnAbort, withRetry } from './retry';

type Raw = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface CurvePoint {
  readonly step: number;
  readonly value: number;
  readonly wallTime?: Date;
}

export interface Curve {
  readonly run: string;
  /** The series' display name, e.g. `loss` or `/train_total_loss`. */
  readonly metric: string;
  readonly points: readonly CurvePoint[];
}

export interface CurveSource {
  readonly region: string;
  readonly experimentId: string;
  /** The TensorBoard to look in; otherwise every TensorBoard of the region is tried. */
  readonly tensorboard?: string;
}

export async function readCurves(pool: ClientPool, source: CurveSource, signal?: AbortSignal): Promise<Curve[]> {
  const client = await pool.get('TensorboardServiceClient', source.region);
  const call = <T>(method: string, run: (timeout: number) => Promise<T>) =>
    withRetry(method, ({ timeoutMs, signal: s }) => cancelOnAbort(run(timeoutMs), s), { signal });
  const tensorboards = source.tensorboard
    ? [source.tensorboard]
    : ((await call('ListTensorboards', (timeout) => client.listTensorboards({ parent: `projects/${pool.connection.project}/locations/${source.region}` }, { timeout })))[0] as Raw[]).map((t) => String(t.name));
  for (const tensorboard of tensorboards) {
    const experiment = `${tensorboard}/experiments/${source.experimentId}`;
    try {
      await call('GetTensorboardExperiment', (timeout) => client.getTensorboardExperiment({ name: experiment }, { timeout }));
    } catch (error) {
      if (parseError(error).code === 'NOT_FOUND') continue;
      throw error;
    }
    const runs = (await call('ListTensorboardRuns', (timeout) => client.listTensorboardRuns({ parent: experiment }, { timeout })))[0] as Raw[];
    const series = (
      await Promise.all(
        runs.map(async (run) => {
          const list = (await call('ListTensorboardTimeSeries', (timeout) => client.listTensorboardTimeSeries({ parent: String(run.name) }, { timeout })))[0] as Raw[];
          return list.map((s) => ({ name: String(s.name), metric: String(s.displayName), run: String(run.displayName || String(run.name).split('/').pop()) }));
        }),
      )
    ).flat();
    if (!series.length) return [];
    const [data] = await call('BatchReadTensorboardTimeSeriesData', (timeout) =>
      client.batchReadTensorboardTimeSeriesData({ tensorboard, timeSeries: series.map((s) => s.name) }, { timeout }),
    );
    return ((data as Raw).timeSeriesData as Raw[]).map((d, i) => ({
      run: series[i].run,
      metric: series[i].metric,
      points: ((d.values ?? []) as Raw[]).map((v) => ({ step: toNumber(v.step) ?? 0, value: Number(v.scalar?.value ?? NaN), wallTime: toDate(v.wallTime) })),
    }));
  }
  return [];
}
