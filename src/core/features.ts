// The features chunk: loaded by the activation entry the first time a
// configured view or any command needs it. Google clients are a further chunk.
import './l10nBundle';
import * as vscode from 'vscode';
import type { ViewId } from './contributions';
import type { CommandHandlers, FeatureContext, FeatureHost, Features } from './contracts';
import { updateSetting } from './settings';
import { Session } from './session';
import { runCommand } from './runCommand';
import { jobCommands } from '../features/jobs/jobCommands';
import { bigQueryCommands } from '../features/datasets/bigQueryCommands';
import { connectCommand } from '../features/connection/connectCommand';
import { pickContextCommand } from '../features/connection/pickContextCommand';
import { ResourceTreeProvider } from '../features/trees/resourceTreeProvider';
import { TREE_DEFINITIONS, pageSizeSetting } from '../features/trees/treeDefinitions';
import { treeCommands } from '../features/trees/treeCommands';
import type { AttachableTree } from '../ui/lazyTreeProvider';
import { playgroundCommands } from '../features/playground/playgroundCommands';
import { promptCodeLenses } from '../features/prompts/promptCodeLens';
import { detailsUri, resourceDocument } from '../features/trees/resourceDocuments';
import { canShowDetails } from '../vertex/resourceJson';
import { resourceNameFrom } from '../features/trees/resourceNames';
import { QuickInputSeam } from '../ui/quickInputSeam';
import { tuningCommands } from '../features/tuning/tuningCommands';
import { deployCommands } from '../features/deploy/deployCommands';
import { registryCommands } from '../features/registry/registryCommands';
import { monitoringCommands } from '../features/monitoring/monitoringCommands';
import { driftCommands } from '../features/drift/driftCommands';
import { signInCommands } from '../features/connection/signInCommands';
import { JobMonitor } from '../vertex/jobMonitor';
import { getJobDetails } from '../vertex/jobDetails';

export function createFeatures(host: FeatureHost): Features {
  const session = new Session(host);
  const jobs = new JobMonitor({ fetch: async (name, signal) => getJobDetails(await session.pool(), name, signal), log: (m) => host.log.warn(m) });
  const trees = new Map<ViewId, ResourceTreeProvider>(
    TREE_DEFINITIONS.map((definition) => [
      definition.viewId,
      new ResourceTreeProvider(definition, () => session.pool(), () => host.settings().regions, pageSizeSetting, host.log, () => host.signedOut(), jobs),
    ]),
  );

  const ctx: FeatureContext = {
    host,
    pool: () => session.pool(),
    jobs,
    input: () => {
      const scripted = host.testHooks?.input;
      return scripted && !scripted.finished ? scripted : new QuickInputSeam();
    },
    refresh(viewId) {
      for (const [id, tree] of trees) if (!viewId || id === viewId) tree.refresh();
    },
  };

  const wrappedDetails = new Set<string>();
  host.context.subscriptions.push(vscode.workspace.onDidCloseTextDocument((d) => wrappedDetails.delete(d.uri.toString())));
  const commands: CommandHandlers = {
    'vertexGenAi.connect': () => connectCommand(ctx.input()),
    'vertexGenAi.useEmulator': () => updateSetting('backend', 'emulator'),
    'vertexGenAi.pickContext': () => pickContextCommand(ctx.input(), () => session.pool()),
    'vertexGenAi.showLog': async () => host.log.show(),
    'vertexGenAi.showDetails': async (target?: unknown) => {
      const name = resourceNameFrom(target);
      if (!name || !canShowDetails(name)) return;
      const document = await vscode.workspace.openTextDocument(detailsUri(name));
      await vscode.window.showTextDocument(document, { preview: true });
      // A long line (a failed job's error) is read wrapped, in this document only (the toggle lasts while it is open).
      const key = document.uri.toString();
      const wrapped = wrappedDetails.has(key) || vscode.workspace.getConfiguration('editor', document).get<string>('wordWrap') !== 'off';
      if (!wrapped && document.getText().split('\n').some((line) => line.length > 120)) {
        wrappedDetails.add(key);
        await vscode.commands.executeCommand('editor.action.toggleWordWrap');
      }
    },
    'vertexGenAi.copyName': async (target?: unknown) => {
      const name = resourceNameFrom(target);
      if (!name) return;
      await vscode.env.clipboard.writeText(name);
      vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', name), 3000);
    },
    // Feature areas: one spread each.
    ...jobCommands(ctx),
    ...treeCommands(ctx, trees),
    ...bigQueryCommands(ctx),
    ...deployCommands(ctx),
    ...registryCommands(ctx),
    ...playgroundCommands(ctx),
    ...tuningCommands(ctx),
    ...monitoringCommands(ctx),
    ...driftCommands(ctx),
    ...signInCommands(ctx),
  };

  return {
    resourceDocument: async (uri, token) => resourceDocument(await session.pool(), uri, token),
    tree: (viewId) => trees.get(viewId) as AttachableTree,
    execute: (id, ...args) => runCommand(host.log, id, async () => commands[id]?.(...args), (message) => host.testHooks?.shownErrors.push(message)),
    promptCodeLenses,
    signedIn() {
      session.reset();
      for (const tree of trees.values()) tree.refresh();
    },
    settingsChanged(connectionChanged) {
      if (connectionChanged) session.reset();
      for (const tree of trees.values()) tree.reset();
    },
    dispose() {
      jobs.dispose();
      session.dispose();
      for (const tree of trees.values()) tree.dispose();
    },
  };
}
