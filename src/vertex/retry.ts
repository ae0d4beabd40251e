// Retries for calls that are safe to repeat, around the official clients.
//
// Why a wrapper and not gax's own `retry` call option (measured against the emulator,
// test/unit/vertex/retry.test.ts): gax retries on gRPC codes with full jitter but never
// reads Retry-After or RetryInfo, so under a 429 it hammers the server; once it gives up
// it replaces the real error with DEADLINE_EXCEEDED "Exceeded maximum number of
// retries", so the user no longer sees "quota exceeded"; and no AbortSignal reaches it.
// Here every attempt gets the remaining time as its gax `timeout` (which gax turns into
// an abort of the HTTP request) and the caller's signal cancels the call in flight.
//
// Only idempotent reads are retried (isSafeToRetry): Vertex AI v1 has no `request_id`
// on any request, so a repeated create could make a second resource. Creates that
// take a caller-chosen id (endpoint_id, model_id, …) fail with ALREADY_EXISTS instead
// of duplicating, but they are still not retried blindly: the caller decides.
import * as l10n from '@vscode/l10n';
import { setTimeout as sleep } from 'node:timers/promises';

export interface RetryOptions {
  /** Attempts in all, the first included (default 5). */
  readonly maxAttempts?: number;
  /** Overall bound on the call, waits included (default 60 s). */
  readonly deadlineMs?: number;
  /** Bound on one attempt, so a server that stops answering is tried again (default 20 s). */
  readonly attemptTimeoutMs?: number;
  readonly initialDelayMs?: number;
  readonly maxDelayMs?: number;
  readonly multiplier?: number;
  readonly signal?: AbortSignal;
  /**
   * The caller makes a write safe to repeat (a BigQuery job id or request id it chose, a
   * Storage `ifGenerationMatch` precondition); otherwise only isSafeToRetry methods repeat.
   */
  readonly idempotent?: boolean;
  /** Injected by tests; Math.random otherwise. */
  readonly random?: () => number;
  readonly onRetry?: (info: { attempt: number; delayMs: number; error: unknown }) => void;
}

export interface Attempt {
  /** 1 for the first call. */
  readonly attempt: number;
  /** This attempt's time budget: pass it as the client's `timeout`. */
  readonly timeoutMs: number;
  /** Aborted at the deadline or when the caller cancels. */
  readonly signal: AbortSignal;
}

const DEFAULTS = { maxAttempts: 5, deadlineMs: 60_000, attemptTimeoutMs: 20_000, initialDelayMs: 250, maxDelayMs: 10_000, multiplier: 2 };

/** RPCs that read and change nothing, so repeating them is harmless. */
const SAFE_METHOD = /^(Get|List|Search|Read|Query|Lookup|Batch(Get|Read))[A-Z]|^(CountTokens|ComputeTokens|WaitOperation)$/;

export function isSafeToRetry(method: string): boolean {
  return SAFE_METHOD.test(method.slice(method.lastIndexOf('.') + 1));
}

/**
 * Runs `call` once, and again on transient errors when `method` is safe to repeat, with
 * exponential backoff and full jitter, waiting at least what Retry-After / RetryInfo asks.
 * Rejects with the last error, or with a CANCELLED / DEADLINE_EXCEEDED error of its own.
 */
export async function withRetry<T>(method: string, call: (attempt: Attempt) => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const o = { ...DEFAULTS, ...options };
  const random = options.random ?? Math.random;
  const deadline = Date.now() + o.deadlineMs;
  const maxAttempts = options.idempotent || isSafeToRetry(method) ? o.maxAttempts : 1;
  let lastError: unknown;
  for (let attempt = 1; ; attempt++) {
    throwIfAborted(options.signal, method);
    const remaining = deadline - Date.now();
    if (remaining <= 0) throw lastError ?? deadlineError(method, o.deadlineMs);
    const timeoutMs = Math.min(remaining, o.attemptTimeoutMs);
    const timeout = timeoutMs === remaining ? deadlineError(method, o.deadlineMs) : deadlineError(l10n.t('{0} (attempt {1})', method, attempt), timeoutMs);
    try {
      return await bounded(timeoutMs, timeout, options.signal, method, (signal) => call({ attempt, timeoutMs, signal }));
    } catch (err) {
      lastError = err;
      if (attempt >= maxAttempts || !isTransient(err) || options.signal?.aborted) throw err;
      const backoff = random() * Math.min(o.maxDelayMs, o.initialDelayMs * o.multiplier ** (attempt - 1));
      const asked = retryAfterMs(err);
      const delayMs = asked === undefined ? backoff : asked + backoff / 10;
      if (Date.now() + delayMs >= deadline) throw err; // waiting would outlast the deadline: say why now
      options.onRetry?.({ attempt, delayMs, error: err });
      await sleep(delayMs, undefined, { signal: options.signal }).catch(() => throwIfAborted(options.signal, method));
    }
  }
}

/** Transient: 429, 503/UNAVAILABLE (gax maps connection resets there), a timed-out attempt. */
export function isTransient(err: unknown): boolean {
  const e = (err ?? {}) as { code?: unknown; status?: unknown; response?: { status?: unknown }; message?: unknown };
  const code = e.code;
  if (code === 8 || code === 14 || code === 4) return true; // RESOURCE_EXHAUSTED, UNAVAILABLE, DEADLINE_EXCEEDED
  const http = typeof code === 'number' && code >= 100 ? code : typeof e.status === 'number' ? e.status : e.response?.status;
  if (http === 429 || http === 503 || http === 504) return true;
  if (typeof code === 'string' && /^(ECONNRESET|ECONNREFUSED|EPIPE|ETIMEDOUT|UND_ERR_SOCKET)$/.test(code)) return true;
  return typeof e.message === 'string' && /socket hang up|ECONNRESET|other side closed/i.test(e.message);
}

/** What the server asked us to wait: RetryInfo in the error details, or the Retry-After header. */
export function retryAfterMs(err: unknown): number | undefined {
  const e = (err ?? {}) as { statusDetails?: unknown[]; response?: { headers?: unknown } };
  for (const detail of e.statusDetails ?? []) {
    const delay = (detail as { retryDelay?: unknown } | null)?.retryDelay;
    const ms = durationMs(delay);
    if (ms !== undefined) return ms;
  }
  const headers = e.response?.headers;
  const header =
    headers instanceof Headers ? headers.get('retry-after') : (headers as Record<string, string> | undefined)?.['retry-after'];
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** A google.protobuf.Duration as decoded by gax ({ seconds, nanos }) or as JSON ("1.5s"). */
function durationMs(value: unknown): number | undefined {
  if (typeof value === 'string') {
    const m = /^(\d+(?:\.\d+)?)s$/.exec(value);
    return m ? Number(m[1]) * 1000 : undefined;
  }
  if (value && typeof value === 'object') {
    const { seconds, nanos } = value as { seconds?: unknown; nanos?: unknown };
    if (seconds === undefined && nanos === undefined) return undefined;
    return Number(seconds ?? 0) * 1000 + Number(nanos ?? 0) / 1e6;
  }
  return undefined;
}

/** Runs one attempt; rejects at the deadline or on abort even if the call ignores its signal. */
async function bounded<T>(ms: number, timeout: Error, outer: AbortSignal | undefined, method: string, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(timeout), ms);
  const onAbort = () => controller.abort(cancelledError(method));
  outer?.addEventListener('abort', onAbort, { once: true });
  try {
    const work = run(controller.signal);
    work.catch(() => undefined); // settled late, after we stopped listening: not unhandled
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => controller.signal.addEventListener('abort', () => reject(controller.signal.reason), { once: true })),
    ]);
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', onAbort);
  }
}

/** Cancels a gax call (its promise has `cancel()`) when `signal` aborts. */
export function cancelOnAbort<P extends Promise<unknown>>(call: P, signal: AbortSignal): P {
  const cancel = (call as P & { cancel?: () => void }).cancel;
  if (cancel) {
    const onAbort = () => cancel.call(call);
    signal.addEventListener('abort', onAbort, { once: true });
    call.then(
      () => signal.removeEventListener('abort', onAbort),
      () => signal.removeEventListener('abort', onAbort),
    );
  }
  return call;
}

function throwIfAborted(signal: AbortSignal | undefined, method: string): void {
  if (signal?.aborted) throw cancelledError(method);
}

/** gRPC code 1, named AbortError: parseError shows "Cancelled." */
export function cancelledError(what: string): Error {
  return Object.assign(new Error(l10n.t('{0} was cancelled.', what)), { name: 'AbortError', code: 1 });
}

export function deadlineError(what: string, ms: number): Error {
  return Object.assign(new Error(l10n.t('{0} did not finish within {1}.', what, formatSeconds(ms))), { code: 4 });
}

export function formatSeconds(ms: number): string {
  return ms < 1000 ? l10n.t('{0} ms', ms) : `${Number((ms / 1000).toFixed(1))} s`;
}
