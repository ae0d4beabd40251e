// Waiting for a long-running operation from an official client (createEndpoint,
// deployModel, deleteEndpoint, …) without ever hanging: gax's `operation.promise()`
// polls GET /ui/{name} forever and takes no AbortSignal, so this polls by itself with
// `operation.getOperation()`, bounded by an overall timeout, cancellable, reporting
// progress from the operation's metadata. Polls are reads: transient failures of a
// poll are retried until the timeout; the operation itself is never re-started.
import * as l10n from '@vscode/l10n';
import { setTimeout as sleep } from 'node:timers/promises';
import { toDate } from './protoValues';
import { cancelledError, formatSeconds, isTransient } from './retry';
import { settleWithin } from './settleWithin';

type Raw = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The part of gax's LROperation this needs; R comes from its typed promise(). */
export interface OperationHandle<R> {
  readonly name?: string;
  latestResponse: { name?: string | null; done?: boolean | null; error?: { code?: number | null; message?: string | null } | null };
  result: unknown;
  metadata: unknown;
  getOperation(): Promise<unknown>;
  cancel(): Promise<unknown>;
  promise(): Promise<[R, ...unknown[]]>;
}

export interface OperationProgress {
  readonly name: string;
  readonly done: boolean;
  readonly elapsedMs: number;
  /** The decoded metadata message (CreateEndpointOperationMetadata, …). */
  readonly metadata?: Raw;
  /** From genericMetadata, where the API has it. */
  readonly createTime?: Date;
  readonly updateTime?: Date;
  readonly partialFailures?: { code?: number; message?: string }[];
  /** 0–100, from the metadata fields that carry one (progressPercentage, …). */
  readonly percent?: number;
  /** A human progress line some APIs give (progressMessage). */
  readonly message?: string;
}

export interface WaitOptions {
  /** Give up waiting after this long (default 10 min); the operation keeps running. */
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
  /** On abort, also ask the server to cancel the operation (default false: just stop waiting). */
  readonly cancelOnAbort?: boolean;
  readonly onProgress?: (progress: OperationProgress) => void;
  readonly pollInitialMs?: number;
  readonly pollMaxMs?: number;
  /** Bound on one poll request (default 30 s). */
  readonly pollTimeoutMs?: number;
}

/** Resolves with the operation's response; rejects with its error (gRPC code + message), on timeout, or on abort. */
export async function waitForOperation<R>(operation: OperationHandle<R>, options: WaitOptions = {}): Promise<R> {
  const started = Date.now();
  const timeoutMs = options.timeoutMs ?? 600_000;
  const deadline = started + timeoutMs;
  const { signal } = options;
  let delay = options.pollInitialMs ?? 500;
  let lastMetadata = '';
  const report = () => {
    const progress = progressOf(operation, started);
    const key = JSON.stringify([progress.done, progress.metadata ?? null]);
    if (key !== lastMetadata) options.onProgress?.(progress);
    lastMetadata = key;
  };
  const stop = async (): Promise<never> => {
    if (options.cancelOnAbort) await operation.cancel().catch(() => undefined);
    throw cancelledError(l10n.t('Waiting for {0}', nameOf(operation)));
  };
  report();
  for (;;) {
    if (operation.latestResponse.done) return outcome(operation);
    if (signal?.aborted) return stop();
    const left = deadline - Date.now();
    if (left <= 0) throw stillRunning(operation, timeoutMs);
    try {
      await sleep(Math.min(delay, left), undefined, { signal });
    } catch {
      return stop();
    }
    delay = Math.min(delay * 1.5, options.pollMaxMs ?? 10_000);
    try {
      await settleWithin(operation.getOperation(), Math.min(options.pollTimeoutMs ?? 30_000, Math.max(0, deadline - Date.now())), signal, {
        timeout: () => Object.assign(new Error('poll timed out'), { [POLL_TIMEOUT]: true }),
        aborted: () => new Error('aborted'),
      });
    } catch (err) {
      if (signal?.aborted) return stop();
      // A finished operation with an error rejects getOperation(): that is the outcome, not a failed poll.
      if (!operation.latestResponse.done && !isTransient(err) && !isPollTimeout(err)) throw err;
    }
    report();
  }
}

function outcome<R>(operation: OperationHandle<R>): R {
  const error = operation.latestResponse.error;
  if (error && (error.code ?? 0) !== 0) {
    throw Object.assign(new Error(error.message || l10n.t('Operation {0} failed.', nameOf(operation))), { code: error.code, operation: nameOf(operation) });
  }
  return operation.result as R;
}

function progressOf(operation: OperationHandle<unknown>, started: number): OperationProgress {
  const metadata = (operation.metadata ?? undefined) as Raw | undefined;
  const generic = (metadata?.genericMetadata ?? undefined) as Raw | undefined;
  const percent = metadata?.progressPercentage ?? metadata?.progressPercent ?? metadata?.labelingProgress;
  return {
    name: nameOf(operation),
    done: operation.latestResponse.done === true,
    elapsedMs: Date.now() - started,
    metadata,
    createTime: toDate(generic?.createTime),
    updateTime: toDate(generic?.updateTime),
    partialFailures: generic?.partialFailures?.length ? generic.partialFailures : undefined,
    percent: typeof percent === 'number' ? percent : undefined,
    message: metadata?.progressMessage || undefined,
  };
}

const POLL_TIMEOUT = Symbol('poll timeout');

function isPollTimeout(err: unknown): boolean {
  return typeof err === 'object' && err !== null && POLL_TIMEOUT in err;
}

/** DEADLINE_EXCEEDED, worded so the user knows the operation was not stopped. */
function stillRunning(operation: OperationHandle<unknown>, timeoutMs: number): Error {
  return Object.assign(
    new Error(l10n.t('Operation {0} is still running after {1}; it continues in the background, check it again later.', nameOf(operation), formatSeconds(timeoutMs))),
    { code: 4, operation: nameOf(operation) },
  );
}

function nameOf(operation: OperationHandle<unknown>): string {
  return operation.name ?? String(operation.latestResponse.name ?? 'operation');
}
