// The one place jobs are polled: one poller per job, shared by everyone following it
// (the Tuning Jobs tree's live rows while the view is visible, the notification when a
// job ends, the launch progress, the job panel). A job several follow is fetched once
// per tick; ticks come soon after a change and less often while nothing moves
// (pollBackoff.ts). Polling stops when the job is no longer active (jobStates.ts) or
// the last subscriber leaves, aborting a fetch in flight.
// No vscode; timers are injected so tests run on a fake clock.
import { isActiveJobState } from '@vertex-genai-ops/catalog/jobStates';
import type { JobDetails } from './jobDetails';
import { POLL_MAX_MS, POLL_MIN_MS, PollBackoff } from './pollBackoff';

/** What a subscriber hears after each tick. */
export interface JobUpdate {
  /** The job as last fetched; after a failed fetch, as fetched before (if ever). */
  readonly details?: JobDetails;
  /** This tick's fetch failed (the monitor keeps trying). */
  readonly error?: unknown;
  /** The job differs from the previous tick's (always true for the first). */
  readonly changed: boolean;
  /** The job is no longer active: this is the last update. */
  readonly ended: boolean;
}

export type JobListener = (update: JobUpdate) => void;

export interface Timers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface JobMonitorOptions {
  /** One look at the job (one GET). */
  fetch(name: string, signal: AbortSignal): Promise<JobDetails>;
  timers?: Timers;
  minMs?: number;
  maxMs?: number;
  /** Where a subscriber's exception goes (it must not stop the others). */
  log?(message: string): void;
}

export interface FollowOptions {
  /** This subscriber wants a look at least this often (the job panel: 15 s). */
  readonly maxDelayMs?: number;
  /** Aborting it unsubscribes. */
  readonly signal?: AbortSignal;
}

export interface Subscription {
  dispose(): void;
}

interface Subscriber {
  readonly listener: JobListener;
  readonly maxDelayMs: number;
}

interface Poller {
  readonly name: string;
  readonly subscribers: Set<Subscriber>;
  readonly backoff: PollBackoff;
  timer?: unknown;
  inflight?: AbortController;
  stamp?: string;
  details?: JobDetails;
  stopped: boolean;
}

const realTimers: Timers = {
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export class JobMonitor {
  private readonly pollers = new Map<string, Poller>();
  private readonly timers: Timers;
  private readonly minMs: number;
  private readonly maxMs: number;

  constructor(private readonly options: JobMonitorOptions) {
    this.timers = options.timers ?? realTimers;
    this.minMs = options.minMs ?? POLL_MIN_MS;
    this.maxMs = options.maxMs ?? POLL_MAX_MS;
  }

  /** Follows a job: the first look comes after the shortest wait, then with backoff, until it ends. */
  subscribe(name: string, listener: JobListener, options: FollowOptions = {}): Subscription {
    if (options.signal?.aborted) return { dispose: () => undefined };
    let poller = this.pollers.get(name);
    if (!poller) {
      poller = { name, subscribers: new Set(), backoff: new PollBackoff(this.minMs, this.maxMs), stopped: false };
      this.pollers.set(name, poller);
      this.schedule(poller, this.minMs);
    }
    const subscriber: Subscriber = { listener, maxDelayMs: options.maxDelayMs ?? Infinity };
    poller.subscribers.add(subscriber);
    const own = poller;
    const dispose = () => {
      options.signal?.removeEventListener('abort', dispose);
      if (own.subscribers.delete(subscriber) && own.subscribers.size === 0) this.stop(own);
    };
    options.signal?.addEventListener('abort', dispose, { once: true });
    return { dispose };
  }

  /** Look again soon (after a user action on the job): the backoff starts over. */
  hurry(name: string): void {
    const poller = this.pollers.get(name);
    if (!poller) return;
    poller.backoff.reset();
    if (poller.inflight) return;
    this.timers.clearTimeout(poller.timer);
    this.schedule(poller, this.minMs);
  }

  /** Jobs being polled now (tests, the log). */
  polled(): string[] {
    return [...this.pollers.keys()];
  }

  dispose(): void {
    for (const poller of [...this.pollers.values()]) this.stop(poller);
  }

  private schedule(poller: Poller, ms: number): void {
    poller.timer = this.timers.setTimeout(() => {
      poller.timer = undefined;
      void this.tick(poller);
    }, ms);
  }

  private async tick(poller: Poller): Promise<void> {
    const abort = (poller.inflight = new AbortController());
    let update: JobUpdate;
    try {
      const details = await this.options.fetch(poller.name, abort.signal);
      if (abort.signal.aborted) return;
      const stamp = JSON.stringify(details.job);
      update = { details, changed: stamp !== poller.stamp, ended: !isActiveJobState(details.job.state) };
      poller.stamp = stamp;
      poller.details = details;
    } catch (error) {
      if (abort.signal.aborted) return;
      update = { details: poller.details, error, changed: false, ended: false };
    } finally {
      if (poller.inflight === abort) poller.inflight = undefined;
    }
    if (update.ended) this.stop(poller);
    for (const subscriber of [...poller.subscribers]) {
      try {
        subscriber.listener(update);
      } catch (error) {
        this.options.log?.(`A subscriber to ${poller.name} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    if (poller.stopped) return;
    const cap = Math.min(...[...poller.subscribers].map((s) => s.maxDelayMs));
    this.schedule(poller, Math.min(cap, poller.backoff.next(update.changed)));
  }

  private stop(poller: Poller): void {
    poller.stopped = true;
    this.timers.clearTimeout(poller.timer);
    poller.timer = undefined;
    poller.inflight?.abort();
    if (this.pollers.get(poller.name) === poller) this.pollers.delete(poller.name);
  }
}
