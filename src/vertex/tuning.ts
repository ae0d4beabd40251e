// Creating, reading and cancelling the three kinds of tuning job, and what the region
// can run them on. Creates are sent once (never repeated: a repeat would start a second
// job); reads and cancels are retried. No vscode.
import * as l10n from '@vscode/l10n';
import { allMachineTypes, type MachineTypeInfo } from '@vertex-genai-ops/catalog/machineTypes';
import { offersAccelerator } from '@vertex-genai-ops/catalog/acceleratorRegions';
import { ADAPTER_SIZES, type AdapterSize } from '@vertex-genai-ops/catalog/tunableModels';
import type { ClientPool } from './clients';
import { toCustomJob, toHyperparameterTuningJob } from './jobs';
import { toTuningJob } from './resources';
import { cancelOnAbort, withRetry, type RetryOptions } from './retry';
import { resourceRegion } from './protoValues';
import type { Job } from './types';

type Raw = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type CallOptions = Pick<RetryOptions, 'signal' | 'deadlineMs'>;

export type JobKind = Job['kind'];

function parent(pool: ClientPool, region: string): string {
  return `projects/${pool.connection.project}/locations/${region}`;
}

export async function createTuningJob(pool: ClientPool, region: string, tuningJob: Raw, options: CallOptions = {}): Promise<Job> {
  const client = await pool.get('GenAiTuningServiceClient', region);
  return withRetry('CreateTuningJob', async ({ timeoutMs, signal }) => {
    const [raw] = await cancelOnAbort(client.createTuningJob({ parent: parent(pool, region), tuningJob }, { timeout: timeoutMs }), signal);
    return toTuningJob(raw as Raw);
  }, options);
}

export async function createCustomJob(pool: ClientPool, region: string, customJob: Raw, options: CallOptions = {}): Promise<Job> {
  const client = await pool.get('JobServiceClient', region);
  return withRetry('CreateCustomJob', async ({ timeoutMs, signal }) => {
    const [raw] = await cancelOnAbort(client.createCustomJob({ parent: parent(pool, region), customJob }, { timeout: timeoutMs }), signal);
    return toCustomJob(raw as Raw);
  }, options);
}

export async function createHyperparameterTuningJob(pool: ClientPool, region: string, hyperparameterTuningJob: Raw, options: CallOptions = {}): Promise<Job> {
  const client = await pool.get('JobServiceClient', region);
  return withRetry('CreateHyperparameterTuningJob', async ({ timeoutMs, signal }) => {
    const [raw] = await cancelOnAbort(client.createHyperparameterTuningJob({ parent: parent(pool, region), hyperparameterTuningJob }, { timeout: timeoutMs }), signal);
    return toHyperparameterTuningJob(raw as Raw);
  }, options);
}

/** Which kind a job resource name is. */
export function jobKindOf(name: string): JobKind {
  if (/\/tuningJobs\//.test(name)) return 'tuning';
  if (/\/hyperparameterTuningJobs\//.test(name)) return 'hyperparameterTuning';
  if (/\/customJobs\//.test(name)) return 'custom';
  throw new Error(l10n.t('{0} is not a tuning, custom or hyperparameter tuning job.', name));
}

/** Asks the server to cancel; the job then goes through CANCELLING to CANCELLED. */
export async function cancelJob(pool: ClientPool, name: string, options: CallOptions = {}): Promise<void> {
  const region = resourceRegion(name);
  const kind = jobKindOf(name);
  // Cancelling twice is harmless, so a lost answer may be retried.
  const retry = { ...options, idempotent: true };
  if (kind === 'tuning') {
    const client = await pool.get('GenAiTuningServiceClient', region);
    await withRetry('CancelTuningJob', ({ timeoutMs, signal }) => cancelOnAbort(client.cancelTuningJob({ name }, { timeout: timeoutMs }), signal), retry);
    return;
  }
  const client = await pool.get('JobServiceClient', region);
  if (kind === 'custom') await withRetry('CancelCustomJob', ({ timeoutMs, signal }) => cancelOnAbort(client.cancelCustomJob({ name }, { timeout: timeoutMs }), signal), retry);
  else await withRetry('CancelHyperparameterTuningJob', ({ timeoutMs, signal }) => cancelOnAbort(client.cancelHyperparameterTuningJob({ name }, { timeout: timeoutMs }), signal), retry);
}

export interface TunableModel {
  readonly id: string;
  readonly adapterSizes: readonly AdapterSize[];
}

/** Gemini base models that take supervised tuning (Vertex documents them; there is no list call). */
export function tunableModels(): TunableModel[] {
  return Object.entries(ADAPTER_SIZES).map(([id, adapterSizes]) => ({ id, adapterSizes }));
}

/** Machine types the region can run: CPU ones, and those whose accelerator it offers. */
export function regionMachineTypes(region: string): MachineTypeInfo[] {
  return allMachineTypes().filter((m) => {
    const fixed = m.tpu?.version ?? m.gpu?.type;
    return fixed ? offersAccelerator(region, fixed) : true;
  });
}

/** Attachable GPUs a machine type takes in the region (n1 families). */
export function attachableAccelerators(region: string, machine: MachineTypeInfo): string[] {
  return Object.keys(machine.attachable ?? {}).filter((a) => offersAccelerator(region, a as never));
}
