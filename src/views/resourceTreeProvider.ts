// One tree of Vertex AI resources: grouped by region when there are several,
// paged with "Load more…", failures shown as a node with the next step.
import * as vscode from 'vscode';
import type { ViewId } from '../contributions';
import type { ClientPool } from '../vertex/clients';
import { parseError, type NextAction } from '../vertex/parseError';
import type { ListOptions } from '../vertex/resources';
import type { Page } from '../vertex/types';
import type { TreeNode } from './treeNodes';

export interface ResourceKind<T> {
  readonly viewId: ViewId;
  readonly kind: string;
  list(pool: ClientPool, options: ListOptions): Promise<Page<T>>;
  treeItem(value: T): vscode.TreeItem;
  /** Children of a resource that come with it (e.g. an endpoint's deployed models). */
  children?(value: T): { kind: string; value: unknown }[];
  childItem?(kind: string, value: unknown): vscode.TreeItem;
}

interface RegionState<T> {
  items: T[];
  nextPageToken?: string;
}

const ACTION_COMMANDS: Record<NextAction, { command: string; title: string } | undefined> = {
  signIn: { command: 'vertexGenAi.connect', title: vscode.l10n.t('Sign in') },
  chooseProject: { command: 'vertexGenAi.pickContext', title: vscode.l10n.t('Choose project or region') },
  retry: { command: 'vertexGenAi.refresh', title: vscode.l10n.t('Retry') },
  useEmulator: { command: 'vertexGenAi.useEmulator', title: vscode.l10n.t('Try the emulator') },
  none: undefined,
};

export class ResourceTreeProvider<T> implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly regions = new Map<string, Promise<RegionState<T>>>();

  constructor(
    private readonly kind: ResourceKind<T>,
    private readonly pool: () => Promise<ClientPool>,
    private readonly regionList: () => readonly string[],
    private readonly pageSize: () => number,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    if (!node) {
      const regions = this.regionList();
      return regions.length > 1 ? regions.map((region) => ({ type: 'region', region })) : this.regionChildren(regions[0]);
    }
    if (node.type === 'region') return this.regionChildren(node.region);
    if (node.type === 'resource' && node.kind === this.kind.kind) {
      return (this.kind.children?.(node.value as T) ?? []).map((c) => ({ type: 'resource', ...c, parent: node }));
    }
    return [];
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.type === 'resource' ? node.parent : undefined;
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    switch (node.type) {
      case 'region': {
        const item = new vscode.TreeItem(node.region, vscode.TreeItemCollapsibleState.Expanded);
        item.iconPath = new vscode.ThemeIcon('globe');
        item.contextValue = 'vertexGenAi.region';
        return item;
      }
      case 'resource':
        return node.kind === this.kind.kind ? this.kind.treeItem(node.value as T) : this.kind.childItem!(node.kind, node.value);
      case 'loadMore': {
        const item = new vscode.TreeItem(vscode.l10n.t('Load more…'));
        item.iconPath = new vscode.ThemeIcon('ellipsis');
        item.command = { command: 'vertexGenAi.loadMore', title: vscode.l10n.t('Load more…'), arguments: [this.kind.viewId, node.region] };
        return item;
      }
      case 'error': {
        const item = new vscode.TreeItem(node.message);
        item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'));
        item.tooltip = node.message;
        const action = ACTION_COMMANDS[node.action];
        if (action) item.command = { ...action, arguments: action.command === 'vertexGenAi.refresh' ? [this.kind.viewId] : [] };
        item.contextValue = 'vertexGenAi.error';
        return item;
      }
      case 'message':
        return new vscode.TreeItem(node.message);
    }
  }

  /** Drops cached pages and reloads the whole tree. */
  refresh(): void {
    this.regions.clear();
    this.changed.fire(undefined);
  }

  async loadMore(region: string): Promise<void> {
    const current = await this.regions.get(region);
    if (!current?.nextPageToken) return;
    const next = await this.kind.list(await this.pool(), { region, pageSize: this.pageSize(), pageToken: current.nextPageToken });
    this.regions.set(region, Promise.resolve({ items: [...current.items, ...next.items], nextPageToken: next.nextPageToken }));
    this.changed.fire(this.regionList().length > 1 ? { type: 'region', region } : undefined);
  }

  dispose(): void {
    this.changed.dispose();
  }

  private async regionChildren(region: string): Promise<TreeNode[]> {
    let state = this.regions.get(region);
    if (!state) {
      // Concurrent expansions of the same region share one request.
      const started = performance.now();
      state = this.pool().then(async (pool) => {
        const page = await this.kind.list(pool, { region, pageSize: this.pageSize() });
        this.log.debug(`Listed ${page.items.length} ${this.kind.kind}s in ${region} in ${(performance.now() - started).toFixed(0)} ms`);
        return page;
      });
      this.regions.set(region, state);
    }
    try {
      const { items, nextPageToken } = await state;
      const nodes: TreeNode[] = items.map((value) => ({ type: 'resource', kind: this.kind.kind, value }));
      if (nextPageToken) nodes.push({ type: 'loadMore', region });
      return nodes;
    } catch (error) {
      this.regions.delete(region);
      const { message, action } = parseError(error);
      return [{ type: 'error', message, action, region }];
    }
  }
}
