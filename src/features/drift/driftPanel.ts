// The Drift panel: per-feature drift over time against thresholds, alerts and
// baseline-vs-current histograms, for Model Monitoring monitors and for endpoints that
// log requests to BigQuery. Create a monitor or run a monitoring job from here. One panel.
import * as vscode from 'vscode';
import { isLogSource, listDriftSources, loadLogDrift, loadMonitorDrift, sourceForEndpoint, type DriftSources, type LoadedDrift } from './driftViews';
import type { BenchResult, DriftProtocol, DriftWebviewMessage } from './protocol';
import type { ClientPool } from '../../vertex/clients';
import { listAcrossRegions } from '../../vertex/multiRegion';
import { readPages } from '../../vertex/paging';
import { parseError } from '../../vertex/parseError';
import { listEndpoints } from '../../vertex/resources';
import { runMonitoringJob } from '../../vertex/modelMonitoring';
import { createMonitorInteractively } from './driftCreateMonitor';
import { HostedPanel, PanelHost, type PanelDeps } from '../../ui/panelHost';

export interface DriftTarget {
  readonly endpoint?: string;
  /** Models deployed on the endpoint (or the one deployed model the panel was opened from). */
  readonly models?: readonly string[];
}

export class DriftPanel extends HostedPanel<DriftProtocol> {
  static readonly viewType = 'vertexGenAi.drift';
  private sources: DriftSources | undefined;
  private loaded: LoadedDrift | undefined;
  private selected: string | undefined;

  static show(deps: PanelDeps, target: DriftTarget = {}): DriftPanel {
    const spec = { viewType: DriftPanel.viewType, title: vscode.l10n.t('Drift'), entry: 'drift', extensionUri: deps.extensionUri };
    return PanelHost.show<DriftProtocol, DriftPanel>(spec, (host) => new DriftPanel(host, deps, target), (existing) => existing.retarget(target));
  }

  private constructor(host: PanelHost<DriftProtocol>, private readonly deps: PanelDeps, private target: DriftTarget) {
    super(host);
  }

  /** Shown again from another node: its model or endpoint is the one to look at. */
  private retarget(target: DriftTarget): void {
    this.target = target;
    void this.loadSources();
  }

  protected async receive(message: DriftWebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        return this.loadSources();
      case 'select':
        this.selected = message.source;
        return this.loadView();
      case 'refresh':
        return this.loadView();
      case 'feature': {
        const histogram = this.loaded?.histogram(message.feature, message.time);
        if (histogram) this.post({ type: 'histogram', histogram });
        return;
      }
      case 'createMonitor':
        return this.createMonitor();
      case 'runJob':
        return this.runJob();
      case 'cancel':
        this.cancelOperation();
        return;
    }
  }

  private async loadSources(): Promise<void> {
    try {
      this.post({ type: 'busy', message: vscode.l10n.t('Loading monitors…') });
      this.sources = await listDriftSources(await this.deps.pool(), this.deps.regions());
      const preferred = this.target.endpoint ? sourceForEndpoint(this.sources, this.target.endpoint, this.target.models) : undefined;
      this.selected = preferred ?? (this.selected && this.sources.options.some((o) => o.name === this.selected) ? this.selected : this.sources.options[0]?.name);
      this.post({ type: 'sources', sources: this.sources.options, selected: this.selected, error: this.sources.errors[0] });
      if (this.selected) await this.loadView();
      else this.post({ type: 'busy' });
    } catch (error) {
      this.post({ type: 'sources', sources: [], error: parseError(error).message });
      this.post({ type: 'busy' });
    }
  }

  private async loadView(): Promise<void> {
    const source = this.selected;
    if (!source || !this.sources) return;
    try {
      this.post({ type: 'busy', message: isLogSource(source) ? vscode.l10n.t('Computing drift in BigQuery…') : vscode.l10n.t('Loading drift statistics…') });
      const pool = await this.deps.pool();
      const endpoint = source.slice('log:'.length);
      const monitor = this.sources.monitors.get(source);
      this.loaded = isLogSource(source)
        ? await loadLogDrift(pool, endpoint, this.sources.logs.get(endpoint) ?? '')
        : monitor ? await loadMonitorDrift(pool, monitor) : undefined;
      if (!this.loaded || source !== this.selected) return;
      // The tab names what it shows: the monitor, or the endpoint whose log it reads.
      this.host.title = vscode.l10n.t('Drift: {0}', this.sources.options.find((o) => o.name === source)?.label ?? this.loaded.view.title);
      this.post({ type: 'view', view: this.loaded.view });
      const first = this.loaded.view.series.find((s) => s.points.some((p) => p.anomaly)) ?? this.loaded.view.series[0];
      const histogram = first && this.loaded.histogram(first.feature);
      if (histogram) this.post({ type: 'histogram', histogram });
    } catch (error) {
      this.post({ type: 'error', message: parseError(error).message });
    } finally {
      this.post({ type: 'busy' });
    }
  }

  private async createMonitor(): Promise<void> {
    const monitor = this.selected ? this.sources?.monitors.get(this.selected) : undefined;
    const model = this.target.models?.[0] ?? monitor?.model;
    if (!model) {
      this.post({ type: 'error', message: vscode.l10n.t('Open the Drift panel from a deployed model (Endpoints view) to create a monitor for it.') });
      return;
    }
    const created = await this.withProgress(vscode.l10n.t('Creating the model monitor'), (signal, report) =>
      createMonitorInteractively(this.deps.input(), this.deps.pool, model, monitor, signal, report),
    );
    if (created) {
      this.selected = created.name;
      await this.loadSources();
    }
  }

  private async runJob(): Promise<void> {
    const monitor = this.selected ? this.sources?.monitors.get(this.selected) : undefined;
    if (!monitor) {
      this.post({ type: 'error', message: vscode.l10n.t('Choose a Model Monitoring monitor first: jobs run for monitors.') });
      return;
    }
    const done = await this.withProgress(vscode.l10n.t('Running a monitoring job for {0}', monitor.displayName), async (signal, report) => {
      const pool = await this.deps.pool();
      const endpoints = await this.endpointsServing(pool, monitor.model);
      if (!endpoints.length) throw new Error(vscode.l10n.t('No endpoint serves {0}: deploy it, then run the job again.', monitor.model ?? monitor.displayName));
      return runMonitoringJob(pool, monitor.name, endpoints, { signal, onState: (state) => report(state.replace('JOB_STATE_', '').toLowerCase()) });
    });
    if (done) await this.loadView();
  }

  /** Progress in a notification and in the panel; cancellable; errors as one sentence in the panel. */
  private async withProgress<T>(title: string, work: (signal: AbortSignal, report: (message: string) => void) => Promise<T>): Promise<T | undefined> {
    const abort = this.beginOperation();
    try {
      return await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
        token.onCancellationRequested(() => abort.abort());
        const report = (message: string) => {
          progress.report({ message });
          this.post({ type: 'busy', message: `${title}: ${message}` });
        };
        report(vscode.l10n.t('starting'));
        return await work(abort.signal, report);
      });
    } catch (error) {
      const parsed = parseError(error);
      this.post({ type: 'error', message: abort.signal.aborted ? vscode.l10n.t('Cancelled.') : parsed.message });
      return undefined;
    } finally {
      this.post({ type: 'busy' });
    }
  }

  private async endpointsServing(pool: ClientPool, model: string | undefined): Promise<string[]> {
    if (this.target.endpoint) return [this.target.endpoint];
    if (!model) return [];
    const id = model.slice(model.lastIndexOf('/') + 1);
    const results = await listAcrossRegions(this.deps.regions(), (region) => readPages((pageToken) => listEndpoints(pool, { region, pageToken })));
    return results.flatMap((r) => (r.ok ? r.page.items : [])).filter((e) => e.deployedModels.some((d) => d.model.endsWith(`/models/${id}`))).map((e) => e.name);
  }

  /** Renders synthetic data in the webview and resolves with what it reported. */
  bench(features: number, days: number, timeoutMs = 30_000): Promise<BenchResult> {
    return this.host.request('bench', { features, days }, timeoutMs);
  }
}
