// One resource tree: children loaded on expand (treeListings.ts), "Load more…",
// error nodes with their next step, a filter, in-place refresh, and self-refreshing
// items (running jobs, followed through the job monitor) while the view is visible.
import * as vscode from 'vscode';
import type { ViewId } from '../../core/contributions';
import type { ClientPool } from '../../vertex/clients';
import type { NextAction } from '../../vertex/parseError';
import type { JobMonitor, JobUpdate, Subscription } from '../../vertex/jobMonitor';
import { matchesTreeFilter, serverFilter, type Filterable, type TreeFilter } from './treeFilter';
import { TreeListings, type Listing, type LoadResult } from './treeListings';
import type { ChildSpec, ListRequest, PagedSource, ResourceNode, TreeNode } from './treeNodes';
import type { Page } from '../../vertex/types';

/** What makes one tree different from another. */
export interface TreeDefinition {
  readonly viewId: ViewId;
  /** The first level, for the regions shown. */
  roots(regions: readonly string[]): ChildSpec;
  /** Children of a resource node, if it has any. */
  children?(node: ResourceNode): ChildSpec | undefined;
  treeItem(node: ResourceNode): vscode.TreeItem;
  /** Items that change by themselves: the running job a node shows, followed while the view is visible. */
  liveJob?(node: ResourceNode): string | undefined;
  /** Filter fields of a top-level resource. */
  filterable?(node: ResourceNode): Filterable;
  readonly stateFilter?: boolean;
}

const ACTIONS: Record<NextAction, { command: string; title: string } | undefined> = {
  signIn: { command: 'vertexGenAi.signIn', title: vscode.l10n.t('Sign in with gcloud') },
  enableApi: { command: 'vscode.open', title: vscode.l10n.t('Enable the API') },
  networkSettings: { command: 'workbench.action.openSettings', title: vscode.l10n.t('Open proxy settings') },
  chooseProject: { command: 'vertexGenAi.pickContext', title: vscode.l10n.t('Choose project or region') },
  retry: { command: 'vertexGenAi.refresh', title: vscode.l10n.t('Retry') },
  useEmulator: { command: 'vertexGenAi.useEmulator', title: vscode.l10n.t('Try the emulator') },
  none: { command: 'vertexGenAi.refresh', title: vscode.l10n.t('Retry') },
};

export class ResourceTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | TreeNode[] | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly listings: TreeListings;
  private readonly known = new WeakSet<TreeNode>();
  private filter: TreeFilter | undefined;
  private view: vscode.TreeView<unknown> | undefined;
  private visible = false;
  /** Live nodes followed through the job monitor, while the view is visible. */
  private readonly follows = new Map<ResourceNode, Subscription>();
  private roots: { key: string; spec: ChildSpec } | undefined;

  constructor(
    readonly definition: TreeDefinition,
    pool: () => Promise<ClientPool>,
    private readonly regionList: () => readonly string[],
    pageSize: () => number,
    log: vscode.LogOutputChannel,
    onSignedOut?: () => void,
    private readonly jobs?: JobMonitor,
  ) {
    this.listings = new TreeListings({
      pool,
      pageSize,
      serverFilter: (source) => (source.filterable ? serverFilter(this.filter) : undefined),
      log: (m) => log.debug(m),
      onSignedOut,
    });
  }

  hasItems(): boolean {
    return this.listings.all().some((l) => l.nodes.length > 0);
  }

  /** The view showing this tree: its visibility drives self-refresh, its description shows the filter. */
  attach(view: vscode.TreeView<unknown>): vscode.Disposable {
    this.view = view;
    this.visible = view.visible;
    this.showFilter();
    return view.onDidChangeVisibility((e) => {
      this.visible = e.visible;
      this.follow();
    });
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    const spec = this.specOf(node);
    if (!spec) return [];
    if ('nodes' in spec) return this.remember(spec.nodes);
    const listing = this.listings.get(spec.source, node);
    if (!listing.loaded || listing.error) {
      await this.listings.load(listing);
      this.afterLoad(listing, undefined);
    } else if (listing.stale) {
      // The old items now; the new ones replace them in place when they arrive.
      void this.listings.load(listing).then((r) => this.afterLoad(listing, r));
    }
    return this.remember(this.render(listing, node));
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.parent;
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    switch (node.type) {
      case 'group': {
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
        item.id = node.id;
        item.iconPath = new vscode.ThemeIcon(node.icon);
        item.contextValue = node.contextValue;
        return item;
      }
      case 'resource': {
        const item = this.definition.treeItem(node);
        // Without this, screen readers get a string tooltip: for most rows a full resource path.
        item.accessibilityInformation ??= { label: [labelOf(item), item.description].filter(Boolean).join(', ') };
        return item;
      }
      case 'loadMore': {
        const item = new vscode.TreeItem(vscode.l10n.t('Load more…'));
        item.id = `${node.key}#more`;
        item.iconPath = new vscode.ThemeIcon('ellipsis');
        item.command = { command: 'vertexGenAi.loadMore', title: vscode.l10n.t('Load more…'), arguments: [node] };
        return item;
      }
      case 'error': {
        const action = ACTIONS[node.error.action]!;
        const item = new vscode.TreeItem(node.error.message);
        item.id = `${node.key}#error`;
        item.description = action.title;
        item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'));
        item.tooltip = `${node.error.message}\n${vscode.l10n.t('Click: {0}', action.title)}`;
        item.command = { ...action, arguments: errorActionArguments(action.command, node) };
        item.contextValue = 'vertexGenAi.error';
        return item;
      }
      case 'message': {
        const item = new vscode.TreeItem(node.message);
        item.id = node.id;
        item.iconPath = new vscode.ThemeIcon('info');
        return item;
      }
    }
  }

  owns(node: unknown): node is TreeNode {
    return typeof node === 'object' && node !== null && this.known.has(node as TreeNode);
  }

  /** Reloads everything shown, in place. */
  refresh(): void {
    this.listings.markStale();
    this.changed.fire(undefined);
  }

  /** Another project or backend: nothing loaded so far applies. */
  reset(): void {
    this.listings.clear();
    this.roots = undefined;
    this.follow();
    this.changed.fire(undefined);
  }

  /** Reloads one node: its own children, and the list it is in (for its own value). */
  refreshNode(node: TreeNode): void {
    const keys = new Set<string>();
    if (node.type === 'error' || node.type === 'loadMore') keys.add(node.key);
    const spec = this.specOf(node);
    if (spec && 'source' in spec) keys.add(spec.source.key);
    if (node.type === 'resource') for (const l of this.listings.all()) if (l.nodes.includes(node)) keys.add(l.source.key);
    for (const listing of this.listings.all()) {
      if (!keys.has(listing.source.key)) continue;
      void this.listings.load(listing).then((r) => this.afterLoad(listing, r));
    }
  }

  async loadMore(node: TreeNode): Promise<void> {
    if (node.type !== 'loadMore') return;
    const listing = this.listings.all().find((l) => l.source.key === node.key);
    if (listing) this.afterLoad(listing, await this.listings.loadMore(listing));
  }

  currentFilter(): TreeFilter | undefined {
    return this.filter;
  }

  setFilter(filter: TreeFilter | undefined): void {
    const labelsChanged = serverFilter(filter) !== serverFilter(this.filter);
    this.filter = filter && filter.text ? filter : undefined;
    if (labelsChanged) this.listings.clear((l) => l.source.filterable === true);
    this.follow();
    this.showFilter();
    this.changed.fire(undefined);
  }

  dispose(): void {
    this.visible = false;
    this.follow();
    this.changed.dispose();
  }

  private specOf(node: TreeNode | undefined): ChildSpec | undefined {
    if (!node) {
      // Kept while the regions stay the same: group nodes must keep their identity for in-place events.
      const regions = this.regionList();
      const key = regions.join(',');
      if (this.roots?.key !== key) this.roots = { key, spec: this.definition.roots(regions) };
      return this.roots.spec;
    }
    if (node.type === 'group') return node.children;
    if (node.type === 'resource') return this.definition.children?.(node);
    return undefined;
  }

  private render(listing: Listing, parent: TreeNode | undefined): TreeNode[] {
    const { source } = listing;
    const nodes: TreeNode[] = [];
    if (listing.error) nodes.push({ type: 'error', key: source.key, error: listing.error, parent });
    const filter = source.filterable ? this.filter : undefined;
    const shown = filter && this.definition.filterable ? listing.nodes.filter((n) => matchesTreeFilter(this.definition.filterable!(n), filter)) : listing.nodes;
    nodes.push(...shown);
    if (filter && shown.length === 0 && listing.nodes.length > 0) {
      const message = listing.nextPageToken
        ? vscode.l10n.t('None of the first {0} match "{1}"', listing.nodes.length, filter.text)
        : vscode.l10n.t('Nothing matches "{0}"', filter.text);
      nodes.push({ type: 'message', id: `${source.key}#nomatch`, message, parent });
    } else if (!listing.error && listing.nodes.length === 0 && (source.empty || (filter && parent === undefined))) {
      nodes.push({ type: 'message', id: `${source.key}#empty`, message: filter ? vscode.l10n.t('Nothing matches "{0}"', filter.text) : source.empty!, parent });
    }
    if (listing.nextPageToken) nodes.push({ type: 'loadMore', key: source.key, parent });
    return nodes;
  }

  private remember(nodes: TreeNode[]): TreeNode[] {
    for (const n of nodes) this.known.add(n);
    return nodes;
  }

  /** Tells VS Code what a load changed: the whole list under its parent, or just some items. */
  private afterLoad(listing: Listing, result: LoadResult | undefined): void {
    if (result?.structural) this.changed.fire(listing.parent);
    else if (result && result.changed.length > 0) this.changed.fire(result.changed);
    this.follow();
  }

  /** Follows exactly the live nodes loaded, while the view is visible; none otherwise. */
  private follow(): void {
    const live = this.definition.liveJob;
    const wanted = new Map<ResourceNode, string>();
    if (this.visible && this.jobs && live) {
      for (const listing of this.listings.all()) {
        for (const node of listing.nodes) {
          const name = live(node);
          if (name) wanted.set(node, name);
        }
      }
    }
    for (const [node, subscription] of this.follows) {
      if (wanted.has(node)) continue;
      subscription.dispose();
      this.follows.delete(node);
    }
    for (const [node, name] of wanted) {
      if (!this.follows.has(node)) this.follows.set(node, this.jobs!.subscribe(name, (update) => this.followed(node, update)));
    }
  }

  /** A followed job's latest: the row changes in place; an ended job is no longer followed. */
  private followed(node: ResourceNode, update: JobUpdate): void {
    if (!update.details) return;
    if (this.listings.update(node, update.details.job)) this.changed.fire([node]);
    if (update.ended) {
      this.follows.get(node)?.dispose();
      this.follows.delete(node);
    }
  }

  private showFilter(): void {
    if (!this.view) return;
    this.view.description = this.filter?.text;
    this.view.message = this.filter ? vscode.l10n.t('Filter: {0}', this.filter.text) : undefined;
    void vscode.commands.executeCommand('setContext', `${this.definition.viewId}.filtered`, this.filter !== undefined);
  }
}

function errorActionArguments(command: string, node: Extract<TreeNode, { type: 'error' }>): unknown[] {
  if (command === 'vertexGenAi.refresh') return [node];
  if (command === 'vscode.open' && node.error.url) return [vscode.Uri.parse(node.error.url)];
  if (command === 'workbench.action.openSettings') return ['http.proxy'];
  return [];
}

/** A source per region, grouped under region nodes when there are several. */
export function regional(regions: readonly string[], source: (region: string) => PagedSource, parentId = ''): ChildSpec {
  if (regions.length === 1) return { source: source(regions[0]) };
  return {
    nodes: regions.map((region) => ({
      type: 'group',
      id: `${parentId}region:${region}`,
      label: region,
      icon: 'globe',
      contextValue: 'vertexGenAi.region',
      children: { source: source(region) },
    })),
  };
}

/** Roots that list one kind of named resource per region, filterable (endpoints, models, jobs). */
export function regionalRoots(
  kind: string,
  key: string,
  list: (pool: ClientPool, request: ListRequest & { readonly region: string }) => Promise<Page<{ readonly name: string }>>,
): (regions: readonly string[]) => ChildSpec {
  return (regions) =>
    regional(regions, (region) => ({
      key: `${key}@${region}`,
      kind,
      filterable: true,
      list: (pool, r) => list(pool, { region, ...r }),
      idOf: (value) => (value as { readonly name: string }).name,
    }));
}

function labelOf(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}
