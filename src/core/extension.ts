// The activation entry. It only registers what the manifest contributes; every
// feature, and every Google client, lives in lazily required chunks (see
// esbuild.mjs). Keep it tiny: it is loaded each time a view or command activates us.
import * as vscode from 'vscode';
import { COMMAND_IDS, CONFIGURED_CONTEXT_KEY, VIEW_IDS, type ViewId } from './contributions';
import { LazyTreeProvider } from '../ui/lazyTreeProvider';
import { isConfigured, readSettings } from './settings';
import { createContextStatusBar } from './statusBar';
import type { Features, TestHooks } from './contracts';
import type { ScriptableInput } from '../ui/inputSeam';
import { startWithFirstTuningDocument, type TuningEditorChunk } from '../features/tuning/api';
import { existsSync } from 'node:fs';
import { SignInState, readSignInSettings } from '../features/connection/api';
import { adcPath, defaultLookup } from '../vertex/auth';

/** What activate() returns; the bench reads it. */
export interface ExtensionApi {
  readonly activationMs: number;
  /** Whether the features chunk (and with it any Google client) has been loaded. */
  featuresLoaded(): boolean;
}

/** What activate() returns when the extension runs its tests (ExtensionMode.Test), and only then. */
export interface TestApi extends ExtensionApi {
  /** The next questions are answered by this seam (a test's script) until it is finished. */
  useInput(input: ScriptableInput): void;
  /** Requests of a Google sign-in go to this URL (an emulator) instead of googleapis.com; undefined undoes it. */
  redirectGoogleApis(url: string | undefined): void;
  /** The data provider behind a view. */
  tree(viewId: ViewId): vscode.TreeDataProvider<unknown>;
  /** The error messages commands have shown, oldest first. */
  shownErrors(): readonly string[];
  /** What the context status bar item shows. */
  statusBar(): { readonly text: string; readonly tooltip: string };
  /** Whether the views show the signed-out state. */
  signedOut(): boolean;
}

export function activate(context: vscode.ExtensionContext): ExtensionApi | TestApi {
  const started = performance.now();
  const testHooks: TestHooks | undefined = context.extensionMode === vscode.ExtensionMode.Test ? { shownErrors: [] } : undefined;
  const log = vscode.window.createOutputChannel('Vertex GenAI Ops', { log: true });
  let settings = readSettings();
  // Only the cloud backend needs a Google sign-in; its file is looked for without a network call.
  const signIn = new SignInState(
    () => (settings.backend === 'cloud' && isConfigured(settings) ? adcPath(defaultLookup(readSignInSettings().keyFile)) : undefined),
    existsSync,
  );
  context.subscriptions.push(signIn);

  let loading: Promise<Features> | undefined;
  const features = (): Promise<Features> =>
    (loading ??= (async () => {
      const t = performance.now();
      const chunk = require('chunk:features') as typeof import('./features');
      const loaded = chunk.createFeatures({
        context,
        log,
        settings: () => settings,
        signedOut: () => signIn.markSignedOut(),
        watchForSignIn: () => signIn.watchForSignIn(),
        testHooks,
      });
      context.subscriptions.push(loaded);
      log.info(`Features loaded in ${(performance.now() - t).toFixed(1)} ms`);
      return loaded;
    })());

  const trees = VIEW_IDS.map((id) => new LazyTreeProvider(id, () => isConfigured(settings), () => signIn.isSignedOut, features, () => settings.problem));
  VIEW_IDS.forEach((id, i) => {
    const view = vscode.window.createTreeView(id, { treeDataProvider: trees[i], showCollapseAll: true });
    trees[i].attach(view);
    context.subscriptions.push(trees[i], view);
  });

  for (const id of COMMAND_IDS) {
    context.subscriptions.push(
      vscode.commands.registerCommand(id, async (...args: unknown[]) => (await features()).execute(id, ...args)),
    );
  }

  // Registered here so restored Details editors find their content; it loads the features on use.
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider('vertex-genai', {
      provideTextDocumentContent: async (uri, token) => (await features()).resourceDocument(uri, token),
    }),
  );

  // Tuning JSONL files get diagnostics; the linter chunk loads when the first one opens.
  startWithFirstTuningDocument(context, () => {
    const chunk = require('chunk:tuning') as TuningEditorChunk;
    context.subscriptions.push(chunk.startTuningEditor(log));
  });
  // Prompt files get CodeLens; the provider loads the features chunk only when one is open.
  context.subscriptions.push(
    vscode.languages.registerCodeLensProvider([{ pattern: '**/*.prompt.{md,yaml,yml}' }], {
      provideCodeLenses: async (document) => (await features()).promptCodeLenses(document),
    }),
  );

  const statusBar = createContextStatusBar();
  context.subscriptions.push(statusBar.item, log);
  const applySettings = () => {
    void vscode.commands.executeCommand('setContext', CONFIGURED_CONTEXT_KEY, isConfigured(settings));
    // The walkthrough ticks its backend steps from this, so a user already set up sees them done.
    void vscode.commands.executeCommand('setContext', 'vertexGenAi.backend', settings.backend);
    statusBar.update(settings, readSignInSettings().impersonate);
    signIn.check();
  };
  applySettings();
  context.subscriptions.push(
    signIn.onDidChange(async (signedOut) => {
      log.info(signedOut ? 'Signed out of Google Cloud: waiting for a sign-in.' : 'Google Cloud credentials found: reloading.');
      if (!signedOut && loading) (await loading).signedIn();
      trees.forEach((t) => t.signInChanged(signedOut));
      if (signedOut && trees.some((t) => t.hasItems())) void offerSignIn();
    }),
  );

  const settingsChanged = async (reconnect = false) => {
    const before = JSON.stringify(settings);
    settings = readSettings();
    applySettings();
    // Only a new connection (or new credentials or proxy) needs new clients; a page size just reloads the trees.
    if (loading) (await loading).settingsChanged(reconnect || JSON.stringify(settings) !== before);
    trees.forEach((t) => t.refresh());
  };
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      const proxy = e.affectsConfiguration('http.proxy') || e.affectsConfiguration('http.proxyStrictSSL');
      const signInChanged = e.affectsConfiguration('vertexGenAi.keyFile') || e.affectsConfiguration('vertexGenAi.impersonateServiceAccount');
      if (e.affectsConfiguration('vertexGenAi') || proxy) await settingsChanged(proxy || signInChanged);
    }),
    // Trusting the folder lets its own settings apply (see settingTrust.ts).
    vscode.workspace.onDidGrantWorkspaceTrust(() => settingsChanged()),
  );

  const activationMs = performance.now() - started;
  log.info(`Activated in ${activationMs.toFixed(1)} ms`);
  const api: ExtensionApi = { activationMs, featuresLoaded: () => loading !== undefined };
  if (!testHooks) return api;
  const testApi: TestApi = {
    ...api,
    useInput: (input) => {
      testHooks.input = input;
    },
    redirectGoogleApis: (url) => {
      testHooks.googleApisUrl = url;
    },
    tree: (viewId) => trees[VIEW_IDS.indexOf(viewId)],
    shownErrors: () => [...testHooks.shownErrors],
    statusBar: () => ({ text: statusBar.item.text, tooltip: typeof statusBar.item.tooltip === 'string' ? statusBar.item.tooltip : (statusBar.item.tooltip?.value ?? '') }),
    signedOut: () => signIn.isSignedOut,
  };
  return testApi;
}

/** Signed out with items on screen: the views keep them, and this offers the way back once. */
async function offerSignIn(): Promise<void> {
  const gcloud = vscode.l10n.t('Sign in with gcloud');
  const keyFile = vscode.l10n.t('Use a Key File…');
  const picked = await vscode.window.showWarningMessage(
    vscode.l10n.t('Your Google Cloud sign-in expired or was revoked: sign in again and the views reload.'),
    gcloud,
    keyFile,
  );
  if (picked === gcloud) await vscode.commands.executeCommand('vertexGenAi.signIn');
  else if (picked === keyFile) await vscode.commands.executeCommand('vertexGenAi.useKeyFile');
}

export function deactivate(): void {}
