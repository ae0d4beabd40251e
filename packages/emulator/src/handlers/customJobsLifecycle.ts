// Job lifecycle in emulated time. A job created through the API is PENDING while it
// queues, RUNNING for its run time, then SUCCEEDED; a cancel makes it CANCELLING, then
// CANCELLED. The state is worked out from the clock whenever the job is read, so there
// are no timers and a pinned clock gives the same answer every time. Seeded jobs keep
// the state they were seeded with.
import { isTerminalJobState } from '@vertex-genai-ops/catalog/jobStates';
import { computeOf, type LiveJob } from '../compute/computeState';
import type { EmulatorState } from '../context';
import type { StoredResource } from '../store';
import type { JsonObject } from '../wireCodec';

/** Seeded running jobs have no schedule: curves assume they take this long. */
const NOMINAL_RUN_MS = 4 * 3_600_000;

export function registerLiveJob(state: EmulatorState, name: string): void {
  computeOf(state).liveJobs.set(name, { createdAt: state.now().getTime() });
}

export function liveJob(state: EmulatorState, name: string): LiveJob | undefined {
  return computeOf(state).liveJobs.get(name);
}

/** Queue time before a live job starts. */
export function queueMs(state: EmulatorState): number {
  return Math.max(1, Math.round(computeOf(state).jobDurationMs / 5));
}

/** Brings a live job's state up to now; `runMs` is how long it runs once started. */
export function advanceJob(state: EmulatorState, job: StoredResource, runMs: number): void {
  const live = liveJob(state, String(job.data.name));
  if (!live || isTerminalJobState(String(job.data.state))) return;
  const now = state.now().getTime();
  const startAt = live.createdAt + queueMs(state);
  const endAt = startAt + runMs;
  const iso = (ms: number) => new Date(ms).toISOString();
  const data: JsonObject = { ...job.data };
  if (live.cancelledAt !== undefined) {
    // Cancelling takes a moment on Vertex too; long enough to be seen even on a busy machine.
    const doneAt = live.cancelledAt + Math.max(queueMs(state) / 2, 500);
    if (live.cancelledAt < startAt) delete data.startTime;
    if (now < doneAt) Object.assign(data, { state: 'JOB_STATE_CANCELLING', updateTime: iso(live.cancelledAt) });
    else Object.assign(data, { state: 'JOB_STATE_CANCELLED', endTime: iso(doneAt), updateTime: iso(doneAt), error: { code: 1, message: 'CANCELED' } });
  } else if (now >= endAt) {
    Object.assign(data, { state: 'JOB_STATE_SUCCEEDED', startTime: iso(startAt), endTime: iso(endAt), updateTime: iso(endAt) });
  } else if (now >= startAt) {
    Object.assign(data, { state: 'JOB_STATE_RUNNING', startTime: iso(startAt), updateTime: iso(startAt) });
  }
  // Not every job type has every timestamp (ModelMonitoringJob has no start or end time).
  const fields = state.schema.message(job.typeName)?.fields;
  for (const key of ['startTime', 'endTime', 'error']) if (fields && !fields.has(key)) delete data[key];
  job.data = data;
}

/** Starts cancelling a live job; false when it is not live (the caller cancels it outright). */
export function cancelLiveJob(state: EmulatorState, job: StoredResource, runMs: number): boolean {
  const live = liveJob(state, String(job.data.name));
  if (!live) return false;
  advanceJob(state, job, runMs);
  if (!isTerminalJobState(String(job.data.state)) && live.cancelledAt === undefined) live.cancelledAt = state.now().getTime();
  advanceJob(state, job, runMs);
  return true;
}

/** When a job started (ms), how long its run is expected to take, and how far through it is (0..1). */
export function jobWindow(state: EmulatorState, job: JsonObject, runMs: number): { start: number; expected: number; progress: number } {
  const live = liveJob(state, String(job.name));
  const expected = live ? runMs : NOMINAL_RUN_MS;
  if (!job.startTime) return { start: state.now().getTime(), expected, progress: 0 };
  const start = Date.parse(String(job.startTime));
  if (job.state === 'JOB_STATE_SUCCEEDED') return { start, expected: job.endTime ? Math.max(1, Date.parse(String(job.endTime)) - start) : expected, progress: 1 };
  const until = job.endTime ? Date.parse(String(job.endTime)) : state.now().getTime();
  return { start, expected, progress: Math.min(1, Math.max(0, (until - start) / expected)) };
}
