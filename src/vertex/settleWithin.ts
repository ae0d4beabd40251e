// Waits for a promise, but no longer than a time bound and no longer than the caller
// wants: the waiting stops even when the work itself ignores timeouts and signals.

export async function settleWithin<T>(
  work: Promise<T>,
  ms: number,
  signal: AbortSignal | undefined,
  errors: { timeout: () => Error; aborted: () => Error },
): Promise<T> {
  work.catch(() => undefined); // may settle after we stopped waiting: not unhandled
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(errors.timeout()), Math.max(0, ms));
        onAbort = () => reject(errors.aborted());
        if (signal?.aborted) onAbort();
        signal?.addEventListener('abort', onAbort, { once: true });
      }),
    ]);
  } finally {
    clearTimeout(timer);
    if (onAbort) signal?.removeEventListener('abort', onAbort);
  }
}
