import * as assert from 'node:assert/strict';
import { JobMonitor, type JobUpdate, type Timers } from '../../../src/vertex/jobMonitor';
import { PollBackoff } from '../../../src/vertex/pollBackoff';
import type { JobDetails } from '../../../src/vertex/jobDetails';
import type { JobState } from '../../../src/vertex/types';

/** Timers on a clock that moves only when the test says so. */
class FakeClock implements Timers {
  now = 0;
  private nextId = 1;
  private readonly pending = new Map<number, { at: number; run: () => void }>();

  setTimeout(run: () => void, ms: number): number {
    const id = this.nextId++;
    this.pending.set(id, { at: this.now + ms, run });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number);
  }

  get waiting(): number {
    return this.pending.size;
  }

  /** Moves to the next timer and runs it, then lets the tick it starts settle. */
  async step(): Promise<void> {
    const [id, next] = [...this.pending].reduce((a, b) => (b[1].at < a[1].at ? b : a));
    this.pending.delete(id);
    this.now = next.at;
    next.run();
    await settled();
  }
}

const settled = () => new Promise<void>((resolve) => setImmediate(resolve));
const NAME = 'projects/p/locations/us-central1/customJobs/1';

/** A job whose state (and a progress figure) the test sets; every fetch is recorded with its time. */
function fakeJob(clock: FakeClock) {
  const job = { state: 'running' as JobState, progress: 0, fails: false };
  const fetches: number[] = [];
  const aborted: boolean[] = [];
  const fetch = async (name: string, signal: AbortSignal): Promise<JobDetails> => {
    fetches.push(clock.now);
    if (job.fails) throw new Error('503 Service Unavailable');
    const snapshot = { job: { name, state: job.state, progress: job.progress } } as unknown as JobDetails;
    signal.addEventListener('abort', () => aborted.push(true));
    return snapshot;
  };
  return { job, fetches, aborted, fetch };
}

function monitorWith(clock: FakeClock, fetch: (name: string, signal: AbortSignal) => Promise<JobDetails>) {
  return new JobMonitor({ fetch, timers: clock });
}

const gaps = (times: number[]) => times.slice(1).map((t, i) => t - times[i]);

describe('job monitor', () => {
  it('fetches a job followed by two subscribers once per tick, and tells both', async () => {
    const clock = new FakeClock();
    const { fetches, fetch } = fakeJob(clock);
    const monitor = monitorWith(clock, fetch);
    const heard: string[] = [];
    monitor.subscribe(NAME, (u) => heard.push(`tree:${u.details?.job.state}`));
    monitor.subscribe(NAME, (u) => heard.push(`watcher:${u.details?.job.state}`));
    await clock.step();
    await clock.step();
    assert.deepEqual(fetches, [2000, 4000], 'one fetch each tick, the first after 2 s');
    assert.deepEqual(heard, ['tree:running', 'watcher:running', 'tree:running', 'watcher:running']);
    monitor.dispose();
  });

  it('waits longer while nothing changes, and starts over on a change', async () => {
    const clock = new FakeClock();
    const { job, fetches, fetch } = fakeJob(clock);
    const monitor = monitorWith(clock, fetch);
    const changes: boolean[] = [];
    monitor.subscribe(NAME, (u) => changes.push(u.changed));
    for (let i = 0; i < 9; i++) await clock.step();
    job.progress = 1;
    for (let i = 0; i < 3; i++) await clock.step();
    assert.deepEqual(gaps(fetches), [2000, 3000, 4500, 6750, 10125, 15188, 22782, 30000, 30000, 2000, 3000]);
    assert.deepEqual(changes, [true, false, false, false, false, false, false, false, false, true, false, false]);
    monitor.dispose();
  });

  it('looks at least as often as its most impatient subscriber asks', async () => {
    const clock = new FakeClock();
    const { fetches, fetch } = fakeJob(clock);
    const monitor = monitorWith(clock, fetch);
    monitor.subscribe(NAME, () => undefined);
    monitor.subscribe(NAME, () => undefined, { maxDelayMs: 5000 });
    for (let i = 0; i < 5; i++) await clock.step();
    assert.deepEqual(gaps(fetches), [2000, 3000, 4500, 5000]);
    monitor.dispose();
  });

  it('stops after the job ends, telling every subscriber once', async () => {
    const clock = new FakeClock();
    const { job, fetches, fetch } = fakeJob(clock);
    const monitor = monitorWith(clock, fetch);
    const ended: JobUpdate[] = [];
    for (const _ of [1, 2]) monitor.subscribe(NAME, (u) => u.ended && ended.push(u));
    await clock.step();
    job.state = 'succeeded';
    await clock.step();
    assert.equal(clock.waiting, 0, 'no poll is scheduled');
    assert.deepEqual(monitor.polled(), []);
    assert.equal(fetches.length, 2);
    assert.deepEqual(ended.map((u) => u.details?.job.state), ['succeeded', 'succeeded']);
  });

  it('a paused job is no longer followed either; a cancelling one still is', async () => {
    const clock = new FakeClock();
    const { job, fetch } = fakeJob(clock);
    const monitor = monitorWith(clock, fetch);
    const states: string[] = [];
    monitor.subscribe(NAME, (u) => states.push(`${u.details?.job.state}${u.ended ? ' (ended)' : ''}`));
    job.state = 'cancelling';
    await clock.step();
    job.state = 'paused';
    await clock.step();
    assert.deepEqual(states, ['cancelling', 'paused (ended)']);
    assert.equal(clock.waiting, 0);
  });

  it('keeps polling while anyone listens, stops when the last one leaves, and drops a fetch in flight', async () => {
    const clock = new FakeClock();
    const { fetches, aborted, fetch } = fakeJob(clock);
    let inflight: { resolve: (d: JobDetails) => void } | undefined;
    const slow = (name: string, signal: AbortSignal) =>
      fetches.length < 1 ? fetch(name, signal) : new Promise<JobDetails>((resolve) => void fetch(name, signal).then(() => (inflight = { resolve })));
    const monitor = monitorWith(clock, slow);
    const heard: number[] = [];
    const first = monitor.subscribe(NAME, () => heard.push(1));
    const second = monitor.subscribe(NAME, () => heard.push(2));
    await clock.step();
    first.dispose();
    assert.equal(clock.waiting, 1, 'the other subscriber keeps it going');
    await clock.step();
    assert.ok(inflight, 'a second fetch is under way');
    second.dispose();
    assert.deepEqual(aborted, [true], 'the fetch in flight is aborted');
    inflight.resolve({ job: { name: NAME, state: 'running' } } as unknown as JobDetails);
    await settled();
    assert.deepEqual(heard, [1, 2], 'nobody hears of the dropped fetch');
    assert.equal(clock.waiting, 0);
    assert.deepEqual(monitor.polled(), []);
  });

  it('an aborted signal unsubscribes', async () => {
    const clock = new FakeClock();
    const { fetch } = fakeJob(clock);
    const monitor = monitorWith(clock, fetch);
    const abort = new AbortController();
    monitor.subscribe(NAME, () => undefined, { signal: abort.signal });
    abort.abort();
    assert.equal(clock.waiting, 0);
    assert.deepEqual(monitor.polled(), []);
  });

  it('a failed fetch is reported with the job as last seen, and polling goes on', async () => {
    const clock = new FakeClock();
    const { job, fetches, fetch } = fakeJob(clock);
    const monitor = monitorWith(clock, fetch);
    const updates: JobUpdate[] = [];
    monitor.subscribe(NAME, (u) => updates.push(u));
    await clock.step();
    job.fails = true;
    await clock.step();
    job.fails = false;
    await clock.step();
    assert.equal(fetches.length, 3);
    assert.match(String(updates[1].error), /503/);
    assert.equal(updates[1].details?.job.state, 'running');
    assert.equal(updates[2].error, undefined);
    monitor.dispose();
  });

  it('a subscriber that throws does not stop the others', async () => {
    const clock = new FakeClock();
    const { fetch } = fakeJob(clock);
    const logged: string[] = [];
    const monitor = new JobMonitor({ fetch, timers: clock, log: (m) => logged.push(m) });
    let heard = 0;
    monitor.subscribe(NAME, () => {
      throw new Error('boom');
    });
    monitor.subscribe(NAME, () => heard++);
    await clock.step();
    await clock.step();
    assert.equal(heard, 2);
    assert.match(logged[0], /boom/);
    monitor.dispose();
  });

  it('hurry: after a user action the next look comes soon and the backoff starts over', async () => {
    const clock = new FakeClock();
    const { fetches, fetch } = fakeJob(clock);
    const monitor = monitorWith(clock, fetch);
    monitor.subscribe(NAME, () => undefined);
    for (let i = 0; i < 6; i++) await clock.step();
    monitor.hurry(NAME);
    await clock.step();
    await clock.step();
    assert.deepEqual(gaps(fetches).slice(-2), [2000, 3000]);
    monitor.dispose();
  });
});

describe('poll backoff', () => {
  it('slows down from 2 s to 30 s while nothing changes, and speeds up on a change', () => {
    const b = new PollBackoff();
    const waits = Array.from({ length: 10 }, () => b.next(false));
    assert.equal(waits[0], 3000);
    assert.ok(waits.every((w, i) => i === 0 || w >= waits[i - 1]));
    assert.equal(waits.at(-1), 30_000);
    assert.equal(b.next(true), 2000);
  });
});
