// The Monitoring panel of one endpoint: serving metrics aggregated in BigQuery from its
// request-response log, refreshed every 30 s while visible (paused while hidden), and the
// prediction-log browser (pages, one pair as JSON, export). One panel per endpoint.
import * as vscode from 'vscode';
import type { LogFilter, MetricsFilter, MonitoringProtocol, MonitoringTarget, Problem, WebviewMessage } from './protocol';
import type { ClientPool } from '../../vertex/clients';
import { parseError } from '../../vertex/parseError';
import { enableLogging, monitoredEndpoint } from './endpointLogging';
import { showLogEntry } from './logEntryDocuments';
import { exportLog } from './logExport';
import type { LogTableRef } from './logTable';
import { loadLogEntry, loadMetrics, LogPager, type QueryContext } from './monitoringQueries';
import { HostedPanel, PanelHost } from '../../ui/panelHost';
import type { InputSeam } from '../../ui/inputSeam';

const REFRESH_MS = 30_000;

export class MonitoringPanel extends HostedPanel<MonitoringProtocol> {
  static readonly viewType = 'vertexGenAi.monitoring';
  private target?: MonitoringTarget;
  private table?: LogTableRef;
  private pager?: LogPager;
  private metricsFilter: MetricsFilter = { range: '24h', deployedModelId: '' };
  private logFilter: LogFilter = { range: '24h', deployedModelId: '', status: 'all' };
  private logPage = 0;
  private inFlight = new Map<'metrics' | 'logs', AbortController>();
  private timer?: ReturnType<typeof setInterval>;
  private stale = false;
  private targetLoad?: Promise<boolean>;

  static show(extensionUri: vscode.Uri, pool: () => Promise<ClientPool>, input: () => InputSeam, endpoint: string): MonitoringPanel {
    return PanelHost.show<MonitoringProtocol, MonitoringPanel>(
      { viewType: MonitoringPanel.viewType, key: endpoint, title: vscode.l10n.t('Monitoring'), entry: 'monitoring', extensionUri },
      (host) => new MonitoringPanel(host, pool, input, endpoint),
    );
  }

  private constructor(
    host: PanelHost<MonitoringProtocol>,
    private readonly pool: () => Promise<ClientPool>,
    private readonly input: () => InputSeam,
    readonly endpoint: string,
  ) {
    super(host);
    host.onDidChangeViewState(() => this.visibilityChanged());
    this.startTimer();
  }

  protected override closed(): void {
    if (this.timer) clearInterval(this.timer);
    for (const c of this.inFlight.values()) c.abort();
  }

  protected async receive(message: WebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        return this.reload();
      case 'metricsFilter':
        this.metricsFilter = message.filter;
        return this.refreshMetrics();
      case 'logFilter':
        this.logFilter = message.filter;
        this.logPage = message.page;
        return this.refreshLogs();
      case 'openEntry':
        return this.openEntry(message.requestId);
      case 'export':
        return this.exportWithDialog(message.filter, message.format);
      case 'action':
        if (message.command === 'enableLogging') return this.enableLogging();
        if (message.command === 'signIn') return void vscode.commands.executeCommand('vertexGenAi.connect');
        return this.reload();
    }
  }

  /** Exports the filtered log to `target`; the rows written. */
  async exportTo(filter: LogFilter, format: 'csv' | 'jsonl', target: vscode.Uri): Promise<number> {
    const q = await this.queryContext();
    if (!q) throw new Error(vscode.l10n.t('Request-response logging is off for this endpoint: enable it before exporting.'));
    const rows = await exportLog(q, filter, format, target);
    this.post({ type: 'exported', rows, file: target.fsPath });
    return rows;
  }

  private visibilityChanged(): void {
    if (this.host.visible) {
      this.startTimer();
      if (this.stale) void this.refreshMetrics();
    } else if (this.timer) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }

  private startTimer(): void {
    this.timer ??= setInterval(() => {
      if (this.host.visible) void this.refreshMetrics();
      else this.stale = true;
    }, REFRESH_MS);
  }

  private async reload(): Promise<void> {
    this.targetLoad = undefined;
    if (await this.loadTarget()) await Promise.all([this.refreshMetrics(), this.refreshLogs()]);
  }

  /** Reads the endpoint (once per reload; concurrent callers share it); false when it failed, with the problem posted. */
  private loadTarget(): Promise<boolean> {
    this.targetLoad ??= (async () => {
      try {
        const found = await monitoredEndpoint(await this.pool(), this.endpoint);
        this.target = found.target;
        this.table = found.table;
        this.pager = undefined;
        this.host.title = vscode.l10n.t('Monitoring: {0}', found.target.displayName);
        this.post({ type: 'target', target: found.target, metricsFilter: this.metricsFilter, logFilter: this.logFilter });
        return true;
      } catch (error) {
        this.targetLoad = undefined;
        const problem = this.problemOf(error);
        this.post({ type: 'problem', what: 'metrics', problem });
        this.post({ type: 'problem', what: 'logs', problem });
        return false;
      }
    })();
    return this.targetLoad;
  }

  private async queryContext(signal?: AbortSignal): Promise<QueryContext | undefined> {
    if (!this.table || !this.target) return undefined;
    return { pool: await this.pool(), table: this.table, endpoint: this.target.endpoint, signal };
  }

  /** Runs one load of `what`, cancelling the previous one; problems are posted, not thrown. */
  private async load(what: 'metrics' | 'logs', work: (q: QueryContext) => Promise<void>): Promise<void> {
    this.inFlight.get(what)?.abort();
    const abort = new AbortController();
    this.inFlight.set(what, abort);
    try {
      if (!(await this.loadTarget())) return;
      const q = await this.queryContext(abort.signal);
      if (!q) {
        if (this.target) this.post({ type: 'problem', what, problem: loggingOff() });
        return;
      }
      this.post({ type: 'loading', what });
      await work(q);
    } catch (error) {
      if (!abort.signal.aborted) this.post({ type: 'problem', what, problem: this.problemOf(error) });
    } finally {
      if (this.inFlight.get(what) === abort) this.inFlight.delete(what);
    }
  }

  private refreshMetrics(): Promise<void> {
    this.stale = false;
    return this.load('metrics', async (q) => {
      const metrics = await loadMetrics(q, this.metricsFilter);
      if (!q.signal?.aborted) this.post({ type: 'metrics', metrics });
    });
  }

  private refreshLogs(): Promise<void> {
    return this.load('logs', async (q) => {
      this.pager ??= new LogPager({ ...q, signal: undefined });
      const page = await this.pager.page(this.logFilter, this.logPage);
      if (!q.signal?.aborted) this.post({ type: 'logs', page });
    });
  }

  private async openEntry(requestId: string): Promise<void> {
    try {
      const q = await this.queryContext();
      const entry = q && (await loadLogEntry(q, requestId));
      if (!entry) {
        void vscode.window.showWarningMessage(vscode.l10n.t('Request {0} is no longer in the log: refresh the list.', requestId));
        return;
      }
      await showLogEntry(requestId, entry);
    } catch (error) {
      void vscode.window.showErrorMessage(parseError(error).message);
    }
  }

  private async exportWithDialog(filter: LogFilter, format: 'csv' | 'jsonl'): Promise<void> {
    const name = `${this.target?.displayName ?? 'endpoint'}-requests-${filter.range}.${format}`;
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const target = await vscode.window.showSaveDialog({
      defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
      filters: format === 'csv' ? { CSV: ['csv'] } : { 'JSON Lines': ['jsonl'] },
      saveLabel: vscode.l10n.t('Export'),
    });
    if (!target) return;
    try {
      const rows = await this.exportTo(filter, format, target);
      void vscode.window.showInformationMessage(vscode.l10n.t('Exported {0} requests to {1}.', rows, vscode.workspace.asRelativePath(target)));
    } catch (error) {
      if (error instanceof vscode.CancellationError) return;
      void vscode.window.showErrorMessage(vscode.l10n.t('The export failed: {0}', parseError(error).message));
    }
  }

  private async enableLogging(): Promise<void> {
    const enable = vscode.l10n.t('Enable Logging');
    const confirmed = await this.input().confirm({
      message: vscode.l10n.t('Log every request and response of {0} to BigQuery?', this.target?.displayName ?? this.endpoint),
      detail: vscode.l10n.t('Vertex AI writes them to a new dataset in your project; BigQuery storage and queries are billed.'),
      action: enable,
    });
    if (!confirmed) return;
    try {
      await enableLogging(await this.pool(), this.endpoint);
      await this.reload();
    } catch (error) {
      void vscode.window.showErrorMessage(parseError(error).message);
    }
  }

  private problemOf(error: unknown): Problem {
    const parsed = parseError(error);
    if (parsed.code === 'NOT_FOUND' && this.table) {
      return { message: vscode.l10n.t('Nothing has been logged for this endpoint yet: send it a request, then refresh.'), action: { label: vscode.l10n.t('Refresh'), command: 'retry' } };
    }
    if (parsed.action === 'signIn') return { message: parsed.message, action: { label: vscode.l10n.t('Sign In'), command: 'signIn' } };
    return { message: parsed.message, action: { label: vscode.l10n.t('Retry'), command: 'retry' } };
  }
}

function loggingOff(): Problem {
  return { message: vscode.l10n.t('Request-response logging is off for this endpoint: enable it to see its traffic here.'), action: { label: vscode.l10n.t('Enable Logging'), command: 'enableLogging' } };
}
