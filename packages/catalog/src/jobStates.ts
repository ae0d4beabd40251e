// Vertex AI job states, once, for the extension and the emulator: the wire names (in
// enum order), the short states the extension shows, which states have ended for good
// and which still change by themselves. Pure: no vscode.

/** google.cloud.aiplatform.v1.JobState, in enum order (index = number on the wire). */
export const JOB_STATES = [
  'JOB_STATE_UNSPECIFIED',
  'JOB_STATE_QUEUED',
  'JOB_STATE_PENDING',
  'JOB_STATE_RUNNING',
  'JOB_STATE_SUCCEEDED',
  'JOB_STATE_FAILED',
  'JOB_STATE_CANCELLING',
  'JOB_STATE_CANCELLED',
  'JOB_STATE_PAUSED',
  'JOB_STATE_EXPIRED',
  'JOB_STATE_UPDATING',
  'JOB_STATE_PARTIALLY_SUCCEEDED',
] as const;
export type JobStateName = (typeof JOB_STATES)[number];

/** What the extension shows: several wire states read the same to a user. */
export type JobState = 'pending' | 'running' | 'succeeded' | 'failed' | 'cancelling' | 'cancelled' | 'paused' | 'unknown';

export const SHORT_JOB_STATE: Readonly<Record<JobStateName, JobState>> = {
  JOB_STATE_UNSPECIFIED: 'unknown',
  JOB_STATE_QUEUED: 'pending',
  JOB_STATE_PENDING: 'pending',
  JOB_STATE_RUNNING: 'running',
  JOB_STATE_UPDATING: 'running',
  JOB_STATE_SUCCEEDED: 'succeeded',
  JOB_STATE_PARTIALLY_SUCCEEDED: 'succeeded',
  JOB_STATE_FAILED: 'failed',
  JOB_STATE_EXPIRED: 'failed',
  JOB_STATE_CANCELLING: 'cancelling',
  JOB_STATE_CANCELLED: 'cancelled',
  JOB_STATE_PAUSED: 'paused',
};

/** Ended for good: the job will not change again (and cannot be cancelled). */
export const TERMINAL_JOB_STATES: ReadonlySet<JobStateName> = new Set<JobStateName>([
  'JOB_STATE_SUCCEEDED',
  'JOB_STATE_FAILED',
  'JOB_STATE_CANCELLED',
  'JOB_STATE_EXPIRED',
  'JOB_STATE_PARTIALLY_SUCCEEDED',
]);

/** Still moving by itself, holding its machines (and quota) meanwhile. Paused and unspecified jobs are neither this nor terminal. */
export const ACTIVE_JOB_STATES: ReadonlySet<JobStateName> = new Set<JobStateName>([
  'JOB_STATE_QUEUED',
  'JOB_STATE_PENDING',
  'JOB_STATE_RUNNING',
  'JOB_STATE_UPDATING',
  'JOB_STATE_CANCELLING',
]);

const shortOf = (states: ReadonlySet<JobStateName>) => new Set([...states].map((s) => SHORT_JOB_STATE[s]));
const TERMINAL_SHORT = shortOf(TERMINAL_JOB_STATES);
const ACTIVE_SHORT = shortOf(ACTIVE_JOB_STATES);

/** A wire name (JOB_STATE_SUCCEEDED) or a short state (succeeded) that has ended for good. */
export function isTerminalJobState(state: string): boolean {
  return TERMINAL_JOB_STATES.has(state as JobStateName) || TERMINAL_SHORT.has(state as JobState);
}

/** A wire name or a short state that still changes by itself: worth following. */
export function isActiveJobState(state: string): boolean {
  return ACTIVE_JOB_STATES.has(state as JobStateName) || ACTIVE_SHORT.has(state as JobState);
}

export type JobKind = 'tuning' | 'custom' | 'hyperparameterTuning';

/**
 * Whether Vertex refuses a cancel in this wire state. The kinds differ: a Gemini tuning
 * job also refuses a second cancel while it is cancelling; custom and hyperparameter
 * tuning jobs accept it (it changes nothing).
 */
export function refusesCancel(kind: JobKind, state: string): boolean {
  return TERMINAL_JOB_STATES.has(state as JobStateName) || (kind === 'tuning' && state === 'JOB_STATE_CANCELLING');
}
