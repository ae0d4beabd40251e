// The Explainability panel: explain one instance against a deployed model (or two,
// side by side): feature attributions with baseline and instance values, or word
// attributions of a text model. The instance comes from the panel's editor, a JSON file,
// the editor selection or a logged request. One panel.
import * as vscode from 'vscode';
import type { ExplainProtocol, ExplainTarget, ExplainWebviewMessage, ExplanationView } from './protocol';
import { explainInstance, explanationBaselines, type Json } from '../../vertex/explain';
import { listAcrossRegions } from '../../vertex/multiRegion';
import { readPages } from '../../vertex/paging';
import { parseError } from '../../vertex/parseError';
import { listEndpoints } from '../../vertex/resources';
import type { Endpoint } from '../../vertex/types';
import { loggedInstances } from './explainInstances';
import { HostedPanel, PanelHost, type PanelDeps } from '../../ui/panelHost';
import { answered } from '../../ui/inputSeam';

export interface ExplainStart {
  readonly endpoint?: string;
  readonly deployedModelId?: string;
  /** JSON text of an instance, and where it came from. */
  readonly instance?: string;
  readonly origin?: string;
}

export class ExplainPanel extends HostedPanel<ExplainProtocol> {
  static readonly viewType = 'vertexGenAi.explain';
  private endpoints = new Map<string, Endpoint>();

  static show(deps: PanelDeps, start: ExplainStart = {}): ExplainPanel {
    const spec = { viewType: ExplainPanel.viewType, title: vscode.l10n.t('Explainability'), entry: 'explain', extensionUri: deps.extensionUri };
    return PanelHost.show<ExplainProtocol, ExplainPanel>(spec, (host) => new ExplainPanel(host, deps, start), (existing) => existing.restart(start));
  }

  private constructor(host: PanelHost<ExplainProtocol>, private readonly deps: PanelDeps, private start: ExplainStart) {
    super(host);
  }

  protected async receive(message: ExplainWebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        return this.sendTargets();
      case 'explain':
        return this.explain(message.endpoint, message.instance, message.deployedModelIds);
      case 'loadFile':
        return this.loadFile();
      case 'loadLogged':
        return this.loadLogged();
      case 'cancel':
        this.cancelOperation();
        return;
    }
  }

  /** Shown again with another endpoint or instance: start from it. */
  private restart(start: ExplainStart): void {
    this.start = start;
    void this.sendTargets();
  }

  private async sendTargets(): Promise<void> {
    try {
      const pool = await this.deps.pool();
      const results = await listAcrossRegions(this.deps.regions(), (region) => readPages((pageToken) => listEndpoints(pool, { region, pageToken })));
      const endpoints = results.flatMap((r) => (r.ok ? r.page.items : [])).filter((e) => e.deployedModels.length > 0);
      this.endpoints = new Map(endpoints.map((e) => [e.name, e]));
      const targets: ExplainTarget[] = endpoints.map((e) => ({
        endpoint: e.name,
        label: `${e.displayName} · ${e.region}`,
        deployedModels: e.deployedModels.map((d) => ({ id: d.id, label: vscode.l10n.t('{0} (v{1}, {2}%)', d.displayName, d.modelVersionId, d.trafficPercent) })),
      }));
      const failed = results.find((r) => !r.ok);
      this.post({ type: 'targets', targets, selected: this.start.endpoint, instance: this.start.instance, error: failed && !failed.ok ? `${failed.region}: ${failed.error.message}` : undefined });
      if (this.start.instance) this.post({ type: 'instance', instance: this.start.instance, origin: this.start.origin ?? '' });
    } catch (error) {
      this.post({ type: 'targets', targets: [], error: parseError(error).message });
    }
  }

  /** One explanation per chosen deployed model (none chosen: the endpoint's traffic split picks). */
  private async explain(endpoint: string, text: string, deployedModelIds: readonly string[]): Promise<void> {
    let instance: Json;
    try {
      instance = JSON.parse(text) as Json;
    } catch (error) {
      this.post({ type: 'error', message: vscode.l10n.t('The instance is not valid JSON: {0}', (error as Error).message) });
      return;
    }
    if (instance === null || typeof instance !== 'object' || Array.isArray(instance)) {
      this.post({ type: 'error', message: vscode.l10n.t('The instance must be one JSON object, e.g. {"amount": 120.5, …} or {"prompt": "…"}.') });
      return;
    }
    const abort = this.beginOperation();
    this.post({ type: 'busy' });
    const pool = await this.deps.pool();
    const deployed = this.endpoints.get(endpoint)?.deployedModels ?? [];
    const ids = deployedModelIds.length ? deployedModelIds.slice(0, 2) : [''];
    const results = await Promise.all(
      ids.map(async (id): Promise<ExplanationView> => {
        const d = deployed.find((x) => x.id === id);
        const label = d ? `${d.displayName} · v${d.modelVersionId}` : vscode.l10n.t('Traffic split');
        try {
          const result = await explainInstance(pool, endpoint, instance, { deployedModelId: id || undefined, signal: abort.signal });
          const served = deployed.find((x) => x.id === result.deployedModelId);
          const baselines = served && result.features.length ? await explanationBaselines(pool, `${served.model}@${served.modelVersionId}`).catch(() => ({})) : {};
          return {
            deployedModelId: result.deployedModelId,
            label: served ? vscode.l10n.t('{0} · v{1}', served.displayName, served.modelVersionId) : label,
            outputName: result.outputName,
            outputDisplayName: result.outputDisplayName,
            instanceOutput: result.instanceOutput,
            baselineOutput: result.baselineOutput,
            approximationError: result.approximationError,
            features: result.features.map((f) => ({
              feature: f.feature,
              attribution: f.attribution,
              value: f.value === undefined ? undefined : JSON.stringify(f.value),
              baseline: f.feature in baselines ? JSON.stringify((baselines as Record<string, Json>)[f.feature]) : undefined,
            })),
            tokens: result.tokens?.items,
            prediction: result.prediction === undefined ? undefined : typeof result.prediction === 'string' ? result.prediction : JSON.stringify(result.prediction),
          };
        } catch (error) {
          return { label, instanceOutput: 0, baselineOutput: 0, approximationError: 0, features: [], error: abort.signal.aborted ? vscode.l10n.t('Cancelled.') : parseError(error).message };
        }
      }),
    );
    this.post({ type: 'results', results });
  }

  private async loadFile(): Promise<void> {
    const [uri] = (await vscode.window.showOpenDialog({ canSelectMany: false, filters: { [vscode.l10n.t('Instances')]: ['json', 'jsonl'] }, title: vscode.l10n.t('Instance to explain') })) ?? [];
    if (!uri) return;
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    try {
      this.post({ type: 'instance', instance: firstInstance(text), origin: vscode.workspace.asRelativePath(uri) });
    } catch (error) {
      this.post({ type: 'error', message: vscode.l10n.t('{0} has no JSON instance: {1}', vscode.workspace.asRelativePath(uri), (error as Error).message) });
    }
  }

  private async loadLogged(): Promise<void> {
    const endpoint = this.start.endpoint ?? [...this.endpoints.keys()][0];
    if (!endpoint) return;
    try {
      const logged = await loggedInstances(await this.deps.pool(), endpoint);
      if (!logged.length) {
        this.post({ type: 'error', message: vscode.l10n.t('No logged request of this endpoint yet: turn on request-response logging or send some traffic.') });
        return;
      }
      const [picked] = (await answered(this.deps.input().pick({
        id: 'loggedRequest', title: vscode.l10n.t('Logged requests'), step: 1, totalSteps: 1, canGoBack: false,
        options: logged.map((l) => ({ label: l.time, description: l.instance.slice(0, 120), value: l })),
      }))) ?? [];
      if (picked) this.post({ type: 'instance', instance: picked.instance, origin: vscode.l10n.t('logged request of {0}', picked.time) });
    } catch (error) {
      this.post({ type: 'error', message: parseError(error).message });
    }
  }
}

/** A JSON object, `{"instances": [...]}`, an array, or JSONL: the first instance, pretty-printed. */
export function firstInstance(text: string): string {
  const trimmed = text.trim();
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch {
    value = JSON.parse(trimmed.split('\n')[0]);
  }
  if (Array.isArray(value)) value = value[0];
  else if (value && typeof value === 'object' && Array.isArray((value as { instances?: unknown[] }).instances)) value = (value as { instances: unknown[] }).instances[0];
  if (value === undefined) throw new Error(vscode.l10n.t('it is empty'));
  return JSON.stringify(value, null, 2);
}
