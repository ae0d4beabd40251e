import * as vscode from 'vscode';
import type { ViewId } from '../core/contributions';
import type { SettingProblem } from '../vertex/connection';

/** The one root shown while a setting cannot be used: its sentence; a click opens the setting. */
class ProblemNode {
  constructor(readonly problem: SettingProblem) {}
}

/** A real tree provider that wants to know its view (visibility, description). */
export type AttachableTree = vscode.TreeDataProvider<unknown> & {
  attach?(view: vscode.TreeView<unknown>): vscode.Disposable;
  /** Whether anything was loaded (kept on screen when the sign-in expires). */
  hasItems?(): boolean;
};

/**
 * Stands in for a tree until the features chunk is needed. While nothing is
 * configured, or while signed out with nothing loaded, it answers "no children" so
 * VS Code shows the welcome view, and nothing is loaded; afterwards it forwards to
 * the real provider. Signed out with items loaded, the items stay and the view says why.
 */
export class LazyTreeProvider implements vscode.TreeDataProvider<unknown>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<unknown>();
  readonly onDidChangeTreeData = this.changed.event;
  private inner: AttachableTree | undefined;
  private forwarding: vscode.Disposable | undefined;
  private attached: vscode.Disposable | undefined;
  private view: vscode.TreeView<unknown> | undefined;
  private signedOutMessage: string | undefined;

  constructor(
    private readonly viewId: ViewId,
    private readonly isConfigured: () => boolean,
    private readonly isSignedOut: () => boolean,
    /** The features chunk, loaded on first need (what it gives: src/core/contracts.ts Features). */
    private readonly features: () => Promise<{ tree(viewId: ViewId): AttachableTree }>,
    private readonly problem: () => SettingProblem | undefined = () => undefined,
  ) {}

  hasItems(): boolean {
    return this.inner?.hasItems?.() ?? false;
  }

  async getChildren(element?: unknown): Promise<unknown[]> {
    if (element === undefined) {
      // Checked before anything loads, so an invalid setting sends nothing.
      const problem = this.problem();
      if (problem) return [new ProblemNode(problem)];
      if (!this.isConfigured() || (this.isSignedOut() && !this.hasItems())) return [];
    }
    if (element instanceof ProblemNode) return [];
    const inner = await this.load();
    return (await inner.getChildren(element)) ?? [];
  }

  getTreeItem(element: unknown): vscode.TreeItem | Thenable<vscode.TreeItem> {
    if (element instanceof ProblemNode) {
      const item = new vscode.TreeItem(element.problem.message);
      item.id = `${this.viewId}#settingProblem`;
      item.tooltip = element.problem.message;
      item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'));
      item.command = { command: 'workbench.action.openSettings', title: vscode.l10n.t('Open Settings'), arguments: [element.problem.setting] };
      return item;
    }
    // Elements only exist once getChildren has loaded the real provider.
    return this.inner!.getTreeItem(element);
  }

  getParent(element: unknown): vscode.ProviderResult<unknown> {
    if (element instanceof ProblemNode) return undefined;
    return this.inner?.getParent?.(element);
  }

  resolveTreeItem(item: vscode.TreeItem, element: unknown, token: vscode.CancellationToken) {
    if (element instanceof ProblemNode) return item;
    return this.inner?.resolveTreeItem?.(item, element, token) ?? item;
  }

  /** The view this stands in for; handed on to the real provider once it is loaded. */
  attach(view: vscode.TreeView<unknown>): void {
    this.view = view;
  }

  /** Asks VS Code for the root again; once the real provider is attached, it fires its own events. */
  refresh(): void {
    if (!this.inner) this.changed.fire(undefined);
  }

  /** Signed out: loaded items stay, with the view's message saying why; nothing loaded shows the welcome view. */
  signInChanged(signedOut: boolean): void {
    if (this.view) {
      const message = signedOut && this.hasItems() ? vscode.l10n.t('Signed out of Google Cloud: these items were loaded earlier. Sign in again and they reload.') : undefined;
      if (message || this.view.message === this.signedOutMessage) this.view.message = message;
      this.signedOutMessage = message;
    }
    this.changed.fire(undefined);
  }

  dispose(): void {
    this.forwarding?.dispose();
    this.attached?.dispose();
    this.changed.dispose();
  }

  private async load(): Promise<AttachableTree> {
    if (!this.inner) {
      const inner = (await this.features()).tree(this.viewId);
      if (this.inner) return this.inner;
      this.forwarding = inner.onDidChangeTreeData?.((e) => this.changed.fire(e));
      if (this.view) this.attached = inner.attach?.(this.view);
      this.inner = inner;
    }
    return this.inner;
  }
}
