// What the emulator keeps about compute beyond the resources themselves: the quota
// limits in force, how fast jobs run, which jobs progress on their own (those created
// through the API; seeded jobs keep their seeded state), and accelerators held by
// deployments still in flight.
import type { AcceleratorName } from '@vertex-genai-ops/catalog/machineTypes';
import type { QuotaOverride } from '@vertex-genai-ops/catalog/quotas';

export interface ComputeOptions {
  /** Accelerator quota overrides (--quota). */
  quotas?: QuotaOverride[];
  /** How long an API-created job runs once started (default 60 s); it queues for a fifth of that. */
  jobDurationMs?: number;
}

export interface LiveJob {
  /** ms since epoch, on the emulator's clock. */
  createdAt: number;
  cancelledAt?: number;
}

export interface Reservation {
  location: string;
  demand: Map<AcceleratorName, number>;
}

export interface ComputeState {
  quotas: QuotaOverride[];
  jobDurationMs: number;
  liveJobs: Map<string, LiveJob>;
  /** Keyed by operation name; released once that operation is done (finished or cancelled). */
  reservations: Map<string, Reservation>;
}

export const DEFAULT_JOB_DURATION_MS = 60_000;

export function createComputeState(options: ComputeOptions = {}): ComputeState {
  if (options.jobDurationMs !== undefined && !(options.jobDurationMs > 0)) throw new Error(`Invalid job duration ${options.jobDurationMs} ms: use a positive number.`);
  return {
    quotas: options.quotas ?? [],
    jobDurationMs: options.jobDurationMs ?? DEFAULT_JOB_DURATION_MS,
    liveJobs: new Map(),
    reservations: new Map(),
  };
}

/** The state's compute part, created with defaults on first use. */
export function computeOf(state: { compute?: ComputeState }): ComputeState {
  state.compute ??= createComputeState();
  return state.compute;
}
