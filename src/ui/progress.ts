// Long work under a cancellable notification: the notification's Cancel aborts an
// AbortSignal, which is what the client layer (src/vertex) understands.
import * as vscode from 'vscode';

export type ProgressReport = vscode.Progress<{ message?: string; increment?: number }>;

/** An AbortSignal that aborts when the token is cancelled; dispose it when the work ends. */
export function abortOnCancel(token: vscode.CancellationToken): { readonly signal: AbortSignal; dispose(): void } {
  const abort = new AbortController();
  const listener = token.onCancellationRequested(() => abort.abort());
  if (token.isCancellationRequested) abort.abort();
  return { signal: abort.signal, dispose: () => listener.dispose() };
}

/** Runs `work` under a cancellable notification titled `title`; Cancel aborts `signal`. */
export async function withCancellableProgress<T>(title: string, work: (signal: AbortSignal, progress: ProgressReport) => Promise<T>): Promise<T> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
    const cancel = abortOnCancel(token);
    try {
      return await work(cancel.signal, progress);
    } finally {
      cancel.dispose();
    }
  });
}
