// Signed in or not, as one state for every view: set when no credentials file exists
// (known without a network call) or when Google refuses the credentials after the
// library's one refresh; cleared when the credentials file appears or changes, which
// is what `gcloud auth application-default login` (or choosing a key file) does.
import * as vscode from 'vscode';
import { watchFile, unwatchFile, type Stats } from 'node:fs';
import { gcloudOnPath } from './signInSettings';

export const SIGNED_OUT_CONTEXT_KEY = 'vertexGenAi.signedOut';
export const GCLOUD_MISSING_CONTEXT_KEY = 'vertexGenAi.gcloudMissing';

/** How often the credentials file is looked at while signed out (a stat; fs.watch cannot watch a file that does not exist yet). */
const POLL_MS = 500;

export class SignInState implements vscode.Disposable {
  private signedOut = false;
  private watched: string | undefined;
  private readonly changed = new vscode.EventEmitter<boolean>();
  /** Fires with `true` when signed out, `false` when credentials appear. */
  readonly onDidChange = this.changed.event;

  /** `credentialsPath` is undefined when the backend needs no Google sign-in (the emulator). */
  constructor(
    private readonly credentialsPath: () => string | undefined,
    private readonly exists: (path: string) => boolean,
  ) {}

  get isSignedOut(): boolean {
    return this.signedOut;
  }

  /** After activation and each settings change: signed out when the credentials file is missing. */
  check(): void {
    const path = this.credentialsPath();
    this.set(path !== undefined && !this.exists(path));
  }

  /** Google refused the credentials (after one refresh): wait for a new sign-in. */
  markSignedOut(): void {
    if (this.credentialsPath() !== undefined) this.set(true);
  }

  /** A sign-in was started (terminal, key file): notice its file even if one exists already. */
  watchForSignIn(): void {
    this.watch(this.credentialsPath());
  }

  dispose(): void {
    this.watch(undefined);
    this.changed.dispose();
  }

  private set(signedOut: boolean): void {
    this.watch(signedOut ? this.credentialsPath() : undefined);
    if (signedOut === this.signedOut) return;
    this.signedOut = signedOut;
    void vscode.commands.executeCommand('setContext', SIGNED_OUT_CONTEXT_KEY, signedOut);
    if (signedOut) void vscode.commands.executeCommand('setContext', GCLOUD_MISSING_CONTEXT_KEY, !gcloudOnPath());
    this.changed.fire(signedOut);
  }

  /** Watches one path (or none): a file that appears, or is rewritten, means new credentials. */
  private watch(path: string | undefined): void {
    if (path === this.watched) return;
    if (this.watched) unwatchFile(this.watched, this.onFile);
    this.watched = path;
    if (path) watchFile(path, { interval: POLL_MS, persistent: false }, this.onFile);
  }

  private readonly onFile = (current: Stats, previous: Stats): void => {
    if (current.size === 0 || current.mtimeMs === previous.mtimeMs) return;
    this.watch(undefined);
    this.signedOut = false;
    void vscode.commands.executeCommand('setContext', SIGNED_OUT_CONTEXT_KEY, false);
    // Fired even when not signed out before: a new sign-in means new credentials to load with.
    this.changed.fire(false);
  };
}
