// The row preview: a read-only grid of a BigQuery table. The webview asks for the rows
// it is about to show; each ask is one tabledata.list call at that offset, so opening
// a table of a million rows costs what opening one of ten does. One panel per table.
import * as vscode from 'vscode';
import type { HostMessage, PreviewColumn, WebviewMessage } from './protocol';
import type { ClientPool } from '../../vertex/clients';
import type { BigQueryColumn } from '../../vertex/bigquery';
import { bqUri, cellText, openTable, tableLabel, type OpenTable, type TableRef } from '../../vertex/bigqueryRows';
import { parseError } from '../../vertex/parseError';
import { webviewHtml, webviewOptions } from '../../ui/webviewHtml';

/** The most rows one ask may fetch (the webview asks for 100 at a time). */
const MAX_FETCH = 1000;

export class RowPreviewPanel implements vscode.Disposable {
  static readonly viewType = 'vertexGenAi.rowPreview';
  private static readonly open = new Map<string, RowPreviewPanel>();
  /** The last messages sent to the webview, newest last (tests read them). */
  readonly posted: HostMessage[] = [];
  /** Milliseconds from show() to the first rows sent to the webview. */
  firstRowsMs: number | undefined;
  private readonly shownAt = performance.now();
  private table: Promise<OpenTable> | undefined;
  private readonly abort = new AbortController();
  private readonly disposables: vscode.Disposable[] = [];

  static show(extensionUri: vscode.Uri, pool: () => Promise<ClientPool>, ref: TableRef): RowPreviewPanel {
    const key = bqUri(ref);
    const existing = RowPreviewPanel.open.get(key);
    if (existing) {
      existing.panel.reveal();
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(RowPreviewPanel.viewType, ref.tableId, vscode.ViewColumn.Active, webviewOptions(extensionUri));
    const preview = new RowPreviewPanel(panel, extensionUri, pool, ref);
    RowPreviewPanel.open.set(key, preview);
    return preview;
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    private readonly pool: () => Promise<ClientPool>,
    private readonly ref: TableRef,
  ) {
    panel.webview.html = webviewHtml(panel.webview, extensionUri, 'rowPreview', vscode.l10n.t('Rows of {0}', tableLabel(ref)));
    this.disposables.push(
      panel.webview.onDidReceiveMessage((m: WebviewMessage) => this.onMessage(m)),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  dispose(): void {
    RowPreviewPanel.open.delete(bqUri(this.ref));
    this.abort.abort();
    this.disposables.forEach((d) => d.dispose());
  }

  private post(message: HostMessage): void {
    if (message.type === 'rows' && this.firstRowsMs === undefined) this.firstRowsMs = performance.now() - this.shownAt;
    this.posted.push(message);
    if (this.posted.length > 50) this.posted.shift();
    void this.panel.webview.postMessage(message);
  }

  private async onMessage(message: WebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
      case 'retry':
        this.table = undefined;
        return this.sendTable();
      case 'fetch':
        return this.sendRows(message.start, message.count);
    }
  }

  /** The table's schema and row count, read once; a failure is forgotten so Retry reads again. */
  private opened(): Promise<OpenTable> {
    if (!this.table) {
      const table = (async () => openTable(await this.pool(), this.ref, this.abort.signal))();
      table.catch(() => {
        if (this.table === table) this.table = undefined;
      });
      this.table = table;
    }
    return this.table;
  }

  private async sendTable(): Promise<void> {
    try {
      const table = await this.opened();
      if (table.type !== 'TABLE') throw new Error(vscode.l10n.t('{0} is a {1}: only tables can be previewed row by row. Query it instead.', tableLabel(this.ref), table.type.toLowerCase()));
      this.post({ type: 'table', title: tableLabel(this.ref), uri: bqUri(this.ref), columns: table.columns.map(previewColumn), totalRows: table.numRows });
    } catch (error) {
      if (!this.abort.signal.aborted) this.post({ type: 'error', message: parseError(error).message });
    }
  }

  private async sendRows(start: number, count: number): Promise<void> {
    try {
      const table = await this.opened();
      const rows = await table.rowsAt(start, Math.min(count, MAX_FETCH), this.abort.signal);
      const names = table.columns.map((c) => c.name);
      this.post({ type: 'rows', start, rows: rows.map((row) => names.map((n) => cellText(row[n]))) });
    } catch (error) {
      if (!this.abort.signal.aborted) this.post({ type: 'rowsError', start, message: parseError(error).message });
    }
  }
}

function previewColumn(c: BigQueryColumn): PreviewColumn {
  return { name: c.name, type: c.type, mode: c.mode, ...(c.description ? { description: c.description } : {}) };
}
