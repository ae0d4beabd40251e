// The job panel: one per job. Shows the job as it runs (state timeline, data
// statistics, error with a next step, loss curves from TensorBoard, HPT trials),
// following the job through the job monitor only while visible and until the job ends.
import * as vscode from 'vscode';
import type { CurveView, JobProtocol, JobView, JobWebviewMessage } from './protocol';
import type { ClientPool } from '../../vertex/clients';
import { cancelJob } from '../../vertex/tuning';
import { getJobDetails, type JobDetails } from '../../vertex/jobDetails';
import { parseError } from '../../vertex/parseError';
import { readObjectText } from '../../vertex/storage';
import { readCurves } from '../../vertex/tensorboard';
import { readOnlyTextUri } from '../trees/api';
import { HostedPanel, PanelHost } from '../../ui/panelHost';
import type { InputSeam } from '../../ui/inputSeam';
import { isTerminalJobState } from '@vertex-genai-ops/catalog/jobStates';
import type { JobMonitor, JobUpdate, Subscription } from '../../vertex/jobMonitor';

/** A visible panel shows figures at most this old while the job runs. */
const MAX_POLL_MS = 15_000;

export class JobPanel extends HostedPanel<JobProtocol> {
  static readonly viewType = 'vertexGenAi.job';
  private following: Subscription | undefined;
  private details: JobDetails | undefined;
  private loading: AbortController | undefined;

  static show(extensionUri: vscode.Uri, pool: () => Promise<ClientPool>, input: () => InputSeam, name: string, jobs: JobMonitor): JobPanel {
    const title = vscode.l10n.t('Job {0}', name.split('/').pop() ?? name);
    return PanelHost.show<JobProtocol, JobPanel>({ viewType: JobPanel.viewType, key: name, title, entry: 'job', extensionUri }, (host) => new JobPanel(host, pool, input, name, jobs));
  }

  private constructor(
    host: PanelHost<JobProtocol>,
    private readonly pool: () => Promise<ClientPool>,
    private readonly input: () => InputSeam,
    readonly name: string,
    private readonly jobs: JobMonitor,
  ) {
    super(host);
    host.onDidChangeViewState(() => {
      // Hidden panels do not follow the job; coming back shows fresh figures at once.
      if (host.visible && !this.isTerminal()) void this.load();
      else this.unfollow();
    });
  }

  protected override closed(): void {
    this.unfollow();
    this.loading?.abort();
  }

  protected async receive(message: JobWebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
      case 'refresh':
        this.jobs.hurry(this.name);
        return this.load();
      case 'openPlayground':
        if (this.details?.job.kind === 'tuning' && this.details.job.tunedModel) {
          await vscode.commands.executeCommand('vertexGenAi.openPlayground', this.details.job.tunedModel.endpoint);
        }
        return;
      case 'deploy':
        if (this.details?.job.kind === 'tuning' && this.details.job.tunedModel) {
          await vscode.commands.executeCommand('vertexGenAi.deployModel', this.details.job.tunedModel.model);
        }
        return;
      case 'showDetails':
        await vscode.commands.executeCommand('vertexGenAi.showDetails', this.name);
        return;
      case 'cancelJob':
        return this.cancel();
      case 'clone':
        await vscode.commands.executeCommand('vertexGenAi.cloneJob', this.name);
        return;
      case 'openDataset':
        return this.openDataset(message.uri, message.line);
    }
  }

  /** The dataset a failed job's error names, read-only, at the failing line. */
  private async openDataset(uri: string, line: number): Promise<void> {
    if (!/^gs:\/\/[^/]+\/.+/.test(uri) || !Number.isInteger(line) || line < 1) return;
    try {
      const text = await readObjectText(await this.pool(), uri);
      const document = await vscode.workspace.openTextDocument(readOnlyTextUri(uri.split('/').pop()!, text));
      const at = new vscode.Position(Math.min(line, document.lineCount) - 1, 0);
      await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, selection: new vscode.Range(at, document.lineAt(at.line).range.end) });
    } catch (error) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Could not read {0}: {1} Check that the object exists and that you may read it.', uri, parseError(error).message));
    }
  }

  private async cancel(): Promise<void> {
    const yes = vscode.l10n.t('Cancel Job');
    const confirmed = await this.input().confirm({
      message: vscode.l10n.t('Cancel {0}?', this.details?.job.displayName ?? this.name),
      detail: vscode.l10n.t('The job stops on Vertex AI and its progress so far is lost.'),
      action: yes,
    });
    if (!confirmed) return;
    try {
      await cancelJob(await this.pool(), this.name);
    } catch (error) {
      void vscode.window.showErrorMessage(parseError(error).message);
    }
    this.jobs.hurry(this.name);
    await this.load();
  }

  /** Fetches the job now (opening, Refresh, coming back into view), then follows it. */
  private async load(): Promise<void> {
    const loading = this.restartLoading();
    try {
      const details = await getJobDetails(await this.pool(), this.name, loading.signal);
      if (!loading.signal.aborted) await this.present(details, loading.signal);
    } catch (error) {
      if (!loading.signal.aborted) this.post({ type: 'loadError', message: parseError(error).message });
    }
    if (!loading.signal.aborted) this.follow();
  }

  /** A tick of the job monitor: its look at the job is shown, with the curves read again. */
  private onUpdate(update: JobUpdate): void {
    const loading = this.restartLoading();
    if (update.error !== undefined) this.post({ type: 'loadError', message: parseError(update.error).message });
    else if (update.details) void this.present(update.details, loading.signal);
    if (update.ended) this.unfollow();
  }

  private async present(details: JobDetails, signal: AbortSignal): Promise<void> {
    this.details = details;
    this.host.title = details.job.displayName;
    this.post({ type: 'job', job: toView(details) });
    if (!details.experimentId) return;
    try {
      const curves = await readCurves(await this.pool(), { region: details.job.region, experimentId: details.experimentId, tensorboard: details.tensorboard }, signal);
      if (!signal.aborted) this.post({ type: 'curves', curves: curves.map(toCurveView) });
    } catch (error) {
      if (!signal.aborted) this.post({ type: 'curves', curves: [], error: parseError(error).message });
    }
  }

  private restartLoading(): AbortController {
    this.loading?.abort();
    return (this.loading = new AbortController());
  }

  private isTerminal(): boolean {
    return this.details !== undefined && isTerminalJobState(this.details.job.state);
  }

  /** Following only while visible and until the job ends; the monitor polls with backoff. */
  private follow(): void {
    if (!this.host.visible || this.isTerminal()) return this.unfollow();
    this.following ??= this.jobs.subscribe(this.name, (update) => this.onUpdate(update), { maxDelayMs: MAX_POLL_MS });
  }

  private unfollow(): void {
    this.following?.dispose();
    this.following = undefined;
  }
}

function toView(d: JobDetails): JobView {
  const { job } = d;
  const subject =
    job.kind === 'tuning'
      ? job.baseModel.split('/').pop() ?? job.baseModel
      : [job.machine.machineType, job.machine.acceleratorCount && job.machine.acceleratorType ? `${job.machine.acceleratorCount} × ${job.machine.acceleratorType}` : undefined]
          .filter(Boolean)
          .join(', ');
  return {
    name: job.name,
    kind: job.kind,
    displayName: job.displayName,
    state: job.state,
    subject,
    timeline: d.timeline.map((t) => ({ label: t.label, time: t.time.toISOString() })),
    stats: d.stats,
    error: d.error,
    trials: d.trials,
    metric: d.metric,
    bestTrialId: d.bestTrialId,
    tunedModel: job.kind === 'tuning' ? job.tunedModel : undefined,
    terminal: isTerminalJobState(job.state),
  };
}

function toCurveView(c: { run: string; metric: string; points: readonly { step: number; value: number }[] }): CurveView {
  return { run: c.run, metric: c.metric, points: c.points.map((p) => ({ step: p.step, value: p.value })) };
}
