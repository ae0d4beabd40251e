// The features chunk: loaded by the activation entry the first time a
// configured view or any command needs it. Google clients are a further chunk.
import * as vscode from 'vscode';
import type { CommandId, ViewId } from './contributions';
import type { ConnectionSettings } from './settings';
import { updateSetting } from './settings';
import { Session } from './session';
import { runCommand } from './commands/runCommand';
import { connectCommand } from './commands/connectCommand';
import { pickContextCommand } from './commands/pickContextCommand';
import { ResourceTreeProvider } from './views/resourceTreeProvider';
import { RESOURCE_KINDS } from './views/resourceKinds';
import type { TreeNode } from './views/treeNodes';
import { PlaygroundPanel } from './panels/playgroundPanel';
import { detailsUri, resourceDocument } from './editor/resourceDocuments';
import { canShowDetails } from './vertex/resourceJson';
import { resourceNameFrom } from './views/resourceNames';
import type { Endpoint } from './vertex/types';
import type { ClientPool } from './vertex/clients';
import { driftCommands } from './commands/driftCommands';

export interface FeatureHost {
  readonly context: vscode.ExtensionContext;
  readonly log: vscode.LogOutputChannel;
  settings(): ConnectionSettings;
}

/** What a feature area's commands get; each area exports `xCommands(ctx): CommandHandlers`. */
export interface FeatureContext {
  readonly host: FeatureHost;
  readonly pool: () => Promise<ClientPool>;
  /** Reloads one view (or all of them). */
  refresh(viewId?: ViewId): void;
}

export type CommandHandlers = Partial<Record<CommandId, (...args: unknown[]) => Promise<unknown>>>;

export interface Features extends vscode.Disposable {
  tree(viewId: ViewId): vscode.TreeDataProvider<unknown>;
  resourceDocument(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string>;
  execute(command: CommandId, ...args: unknown[]): Promise<unknown>;
  settingsChanged(): void;
}

const PAGE_SIZE = 50;

export function createFeatures(host: FeatureHost): Features {
  const session = new Session(host);
  const trees = new Map<ViewId, ResourceTreeProvider<unknown>>(
    RESOURCE_KINDS.map((kind) => [
      kind.viewId,
      new ResourceTreeProvider<unknown>(
        kind as never,
        () => session.pool(),
        () => host.settings().regions,
        () => PAGE_SIZE,
        host.log,
      ),
    ]),
  );

  const ctx: FeatureContext = {
    host,
    pool: () => session.pool(),
    refresh(viewId) {
      for (const [id, tree] of trees) if (!viewId || id === viewId) tree.refresh();
    },
  };

  const commands: CommandHandlers = {
    'vertexGenAi.connect': connectCommand,
    'vertexGenAi.useEmulator': () => updateSetting('backend', 'emulator'),
    'vertexGenAi.pickContext': () => pickContextCommand(() => session.pool()),
    'vertexGenAi.refresh': async (target?: unknown) => ctx.refresh(typeof target === 'string' ? (target as ViewId) : undefined),
    'vertexGenAi.loadMore': async (viewId: unknown, region: unknown) =>
      trees.get(viewId as ViewId)?.loadMore(String(region)),
    'vertexGenAi.showLog': async () => host.log.show(),
    'vertexGenAi.showDetails': async (target?: unknown) => {
      const name = resourceNameFrom(target);
      if (!name || !canShowDetails(name)) return;
      const document = await vscode.workspace.openTextDocument(detailsUri(name));
      await vscode.window.showTextDocument(document, { preview: true });
    },
    'vertexGenAi.copyName': async (target?: unknown) => {
      const name = resourceNameFrom(target);
      if (!name) return;
      await vscode.env.clipboard.writeText(name);
      vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', name), 3000);
    },
    'vertexGenAi.openPlayground': async (node?: unknown) => {
      const n = node as TreeNode | undefined;
      const endpoint = n?.type === 'resource' && n.kind === 'endpoint' ? (n.value as Endpoint).name : undefined;
      PlaygroundPanel.show(host.context.extensionUri, ctx.pool, () => host.settings().regions, endpoint);
    },
    // Feature areas: one spread each.
    ...driftCommands(ctx),
  };

  return {
    resourceDocument: async (uri, token) => resourceDocument(await session.pool(), uri, token),
    tree: (viewId) => trees.get(viewId) as vscode.TreeDataProvider<TreeNode> as vscode.TreeDataProvider<unknown>,
    execute: (id, ...args) => runCommand(host.log, id, async () => commands[id]?.(...args)),
    settingsChanged() {
      session.reset();
      for (const tree of trees.values()) tree.refresh();
    },
    dispose() {
      session.dispose();
      for (const tree of trees.values()) tree.dispose();
    },
  };
}
