// The row preview: a read-only grid of a BigQuery table. The webview asks for the rows
// it is about to show; each ask is one tabledata.list call at that offset, so opening
// a table of a million rows costs what opening one of ten does. One panel per table.
import * as vscode from 'vscode';
import type { PreviewCell, PreviewColumn, RowPreviewProtocol, WebviewMessage } from './protocol';
import type { ClientPool } from '../../vertex/clients';
import type { BigQueryColumn } from '../../vertex/bigquery';
import { bqUri, cellText, openTable, tableLabel, type OpenTable, type TableRef } from '../../vertex/bigqueryRows';
import { parseError } from '../../vertex/parseError';
import { HostedPanel, PanelHost } from '../../ui/panelHost';

/** The most rows one ask may fetch (the webview asks for 100 at a time). */
const MAX_FETCH = 1000;

export class RowPreviewPanel extends HostedPanel<RowPreviewProtocol> {
  static readonly viewType = 'vertexGenAi.rowPreview';
  /** Milliseconds from show() to the first rows sent to the webview. */
  firstRowsMs: number | undefined;
  private readonly shownAt = performance.now();
  private table: Promise<OpenTable> | undefined;
  private readonly abort = new AbortController();

  static show(extensionUri: vscode.Uri, pool: () => Promise<ClientPool>, ref: TableRef): RowPreviewPanel {
    return PanelHost.show<RowPreviewProtocol, RowPreviewPanel>(
      { viewType: RowPreviewPanel.viewType, key: bqUri(ref), title: ref.tableId, documentTitle: vscode.l10n.t('Rows of {0}', tableLabel(ref)), entry: 'rowPreview', extensionUri },
      (host) => new RowPreviewPanel(host, pool, ref),
    );
  }

  private constructor(
    host: PanelHost<RowPreviewProtocol>,
    private readonly pool: () => Promise<ClientPool>,
    private readonly ref: TableRef,
  ) {
    super(host, { rows: ({ start, count }) => this.rows(start, count) });
  }

  protected override closed(): void {
    this.abort.abort();
  }

  protected async receive(message: WebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
      case 'retry':
        this.table = undefined;
        return this.sendTable();
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

  /** Rows [start, start + count) as cells; a failure as one sentence. */
  private async rows(start: number, count: number): Promise<PreviewCell[][]> {
    try {
      const table = await this.opened();
      const rows = await table.rowsAt(start, Math.min(count, MAX_FETCH), this.abort.signal);
      const names = table.columns.map((c) => c.name);
      this.firstRowsMs ??= performance.now() - this.shownAt;
      return rows.map((row) => names.map((n) => cellText(row[n])));
    } catch (error) {
      throw new Error(parseError(error).message, { cause: error });
    }
  }
}

function previewColumn(c: BigQueryColumn): PreviewColumn {
  return { name: c.name, type: c.type, mode: c.mode, ...(c.description ? { description: c.description } : {}) };
}
