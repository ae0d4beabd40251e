// Reading a server stream from an official client (streamGenerateContent) so that it
// always ends: a stalled stream (no chunk for idleTimeoutMs), the overall timeout or
// the caller's AbortSignal cancel the HTTP request and end the loop with an error, and
// a stream that ends without proof of completion (the REST client silently drops an
// {error} element mid-array, and a cut connection can close the array early) is
// reported instead of passing for a full answer.
import * as l10n from '@vscode/l10n';
import { cancelledError, deadlineError, formatSeconds } from './retry';
import { settleWithin } from './settleWithin';

export interface StreamOptions<T> {
  /** Longest silence between two chunks (default 30 s). */
  readonly idleTimeoutMs?: number;
  /** Bound on the whole stream (default 5 min). */
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
  /** True when the last chunk shows the answer is complete (see hasFinishReason). */
  readonly isComplete?: (last: T) => boolean;
}

type Cancellable = AsyncIterable<unknown> & { cancel?: () => void; destroy?: (error?: Error) => void; on?: (event: string, listener: () => void) => unknown };

/** Yields the stream's chunks; throws DEADLINE_EXCEEDED, CANCELLED or a truncation error (UNAVAILABLE). */
export async function* guardStream<T>(stream: Cancellable, options: StreamOptions<T> = {}): AsyncGenerator<T> {
  const idleMs = options.idleTimeoutMs ?? 30_000;
  const totalMs = options.timeoutMs ?? 300_000;
  const deadline = Date.now() + totalMs;
  stream.on?.('error', () => undefined); // errors reach us through the iterator; after we stop, nobody listens
  const iterator = stream[Symbol.asyncIterator]();
  let last: T | undefined;
  let ended = false;
  try {
    for (;;) {
      const next = iterator.next();
      const left = deadline - Date.now();
      const result = await settleWithin(next, Math.min(idleMs, left), options.signal, {
        timeout: () => (left <= idleMs ? deadlineError(l10n.t('The response stream'), totalMs) : stalled(idleMs)),
        aborted: () => cancelledError(l10n.t('The response stream')),
      });
      if (result.done) break;
      last = result.value as T;
      yield last;
    }
    ended = true;
  } finally {
    if (!ended) {
      stream.cancel?.();
      stream.destroy?.();
    }
  }
  if (options.isComplete && (last === undefined || !options.isComplete(last))) {
    throw Object.assign(new Error(l10n.t('The response stream ended before the model finished its answer.')), { code: 14 });
  }
}

/** Complete GenerateContentResponse streams end with a candidate carrying a finishReason. */
export function hasFinishReason(chunk: { candidates?: { finishReason?: unknown }[] | null }): boolean {
  return (chunk.candidates ?? []).some((c) => c.finishReason !== undefined && c.finishReason !== null && c.finishReason !== 0 && c.finishReason !== 'FINISH_REASON_UNSPECIFIED');
}

function stalled(idleMs: number): Error {
  return Object.assign(new Error(l10n.t('The response stream stalled: nothing arrived for {0}.', formatSeconds(idleMs))), { code: 4 });
}
