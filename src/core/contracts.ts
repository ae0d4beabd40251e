// The contracts between the composition root and the feature areas: what a feature's
// commands get (FeatureContext) and give (CommandHandlers), and what the activation entry
// gets from the features chunk (Features). Types only, so a feature never imports the root.
import type * as vscode from 'vscode';
import type { CommandId, ViewId } from './contributions';
import type { ConnectionSettings } from './settings';
import type { AttachableTree } from '../ui/lazyTreeProvider';
import type { ClientPool } from '../vertex/clients';
import type { InputSeam, ScriptableInput } from '../ui/inputSeam';
import type { JobMonitor } from '../vertex/jobMonitor';

export interface FeatureHost {
  readonly context: vscode.ExtensionContext;
  readonly log: vscode.LogOutputChannel;
  settings(): ConnectionSettings;
  /** Google refused the credentials: every view shows the signed-out state. */
  signedOut(): void;
  /** A sign-in was started: notice when its credentials file is written. */
  watchForSignIn(): void;
  /** Only when the extension runs its tests (ExtensionMode.Test). */
  readonly testHooks?: TestHooks;
}

/** What the test API sets and reads; production has none. */
export interface TestHooks {
  /** A test's scripted answers: they answer the questions until the script runs out. */
  input?: ScriptableInput;
  /** Requests of a Google sign-in go here (an emulator the test started), not to googleapis.com. */
  googleApisUrl?: string;
  /** Every error message commands have shown, oldest first. */
  readonly shownErrors: string[];
}

/** What a feature area's commands get; each area exports `xCommands(ctx): CommandHandlers`. */
export interface FeatureContext {
  readonly host: FeatureHost;
  readonly pool: () => Promise<ClientPool>;
  /** Where every question is asked: the quick input and modal dialogs, or a test's script. */
  input(): InputSeam;
  /** Follows running jobs: one poller per job, whoever asks. */
  readonly jobs: JobMonitor;
  /** Reloads one view (or all of them). */
  refresh(viewId?: ViewId): void;
}

export type CommandHandlers = Partial<Record<CommandId, (...args: unknown[]) => Promise<unknown>>>;

export interface Features extends vscode.Disposable {
  tree(viewId: ViewId): AttachableTree;
  resourceDocument(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string>;
  execute(command: CommandId, ...args: unknown[]): Promise<unknown>;
  settingsChanged(connectionChanged: boolean): void;
  /** New credentials: new clients, and every view reloads in place. */
  signedIn(): void;
  promptCodeLenses(document: vscode.TextDocument): vscode.CodeLens[];
}
