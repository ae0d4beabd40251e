// How often running jobs are looked at again: soon after a change, then less and
// less often while nothing moves. Pure: no vscode, no timers; the job monitor's.
export const POLL_MIN_MS = 2_000;
export const POLL_MAX_MS = 30_000;

export class PollBackoff {
  private delay = POLL_MIN_MS;

  constructor(
    private readonly min = POLL_MIN_MS,
    private readonly max = POLL_MAX_MS,
  ) {
    this.delay = min;
  }

  /** The wait before the next poll, given whether the last poll changed anything. */
  next(changed: boolean): number {
    this.delay = changed ? this.min : Math.min(this.max, Math.round(this.delay * 1.5));
    return this.delay;
  }

  reset(): void {
    this.delay = this.min;
  }
}
