// The Playground panel: prompt a deployed endpoint. One panel, reused.
import * as vscode from 'vscode';
import type { HostMessage, PlaygroundTarget, WebviewMessage } from '../protocol/playground';
import type { ClientPool } from '../vertex/clients';
import { generateContent } from '../vertex/generate';
import { parseError } from '../vertex/parseError';
import { listAcrossRegions } from '../vertex/multiRegion';
import { readPages } from '../vertex/paging';
import { listEndpoints } from '../vertex/resources';
import { webviewHtml, webviewOptions } from './webviewHtml';

export class PlaygroundPanel implements vscode.Disposable {
  static readonly viewType = 'vertexGenAi.playground';
  private static current: PlaygroundPanel | undefined;
  private readonly running = new Map<string, AbortController>();
  private readonly disposables: vscode.Disposable[] = [];
  private selected: string | undefined;

  static show(extensionUri: vscode.Uri, pool: () => Promise<ClientPool>, regions: () => readonly string[], endpoint?: string): PlaygroundPanel {
    if (PlaygroundPanel.current) {
      PlaygroundPanel.current.panel.reveal();
      if (endpoint) PlaygroundPanel.current.select(endpoint);
      return PlaygroundPanel.current;
    }
    const panel = vscode.window.createWebviewPanel(PlaygroundPanel.viewType, vscode.l10n.t('Playground'), vscode.ViewColumn.Active, webviewOptions(extensionUri));
    PlaygroundPanel.current = new PlaygroundPanel(panel, extensionUri, pool, regions, endpoint);
    return PlaygroundPanel.current;
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    private readonly pool: () => Promise<ClientPool>,
    private readonly regions: () => readonly string[],
    endpoint: string | undefined,
  ) {
    this.selected = endpoint;
    panel.webview.html = webviewHtml(panel.webview, extensionUri, 'playground', vscode.l10n.t('Playground'));
    this.disposables.push(
      panel.webview.onDidReceiveMessage((m: WebviewMessage) => this.onMessage(m)),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  select(endpoint: string): void {
    this.selected = endpoint;
    void this.sendTargets();
  }

  dispose(): void {
    PlaygroundPanel.current = undefined;
    for (const c of this.running.values()) c.abort();
    this.disposables.forEach((d) => d.dispose());
  }

  private post(message: HostMessage): void {
    void this.panel.webview.postMessage(message);
  }

  private async onMessage(message: WebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        return this.sendTargets();
      case 'stop':
        this.running.get(message.id)?.abort();
        return;
      case 'send':
        return this.send(message.id, message.endpoint, message.prompt);
    }
  }

  private async sendTargets(): Promise<void> {
    try {
      const pool = await this.pool();
      const results = await listAcrossRegions(this.regions(), (region) => readPages((pageToken) => listEndpoints(pool, { region, pageToken })));
      const targets: PlaygroundTarget[] = results
        .flatMap((r) => (r.ok ? r.page.items : []))
        .filter((e) => e.deployedModels.length > 0)
        .map((e) => ({ endpoint: e.name, displayName: e.displayName, region: e.region }));
      const failed = results.find((r) => !r.ok);
      this.post({ type: 'targets', targets, selected: this.selected, error: failed && !failed.ok ? `${failed.region}: ${failed.error.message}` : undefined });
    } catch (error) {
      this.post({ type: 'targets', targets: [], error: parseError(error).message });
    }
  }

  private async send(id: string, endpoint: string, prompt: string): Promise<void> {
    const abort = new AbortController();
    this.running.set(id, abort);
    const started = performance.now();
    try {
      const result = await generateContent(await this.pool(), endpoint, prompt, abort.signal);
      this.post({
        type: 'answer',
        id,
        text: result.text,
        figures: { totalMs: performance.now() - started, promptTokens: result.promptTokens, outputTokens: result.outputTokens, finishReason: result.finishReason },
      });
    } catch (error) {
      this.post({ type: 'answerError', id, message: abort.signal.aborted ? vscode.l10n.t('Stopped.') : parseError(error).message });
    } finally {
      this.running.delete(id);
    }
  }
}
