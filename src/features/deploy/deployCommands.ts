// Deploy a model version (one or several regions), then the traffic and endpoint
// commands of src/deploy. The flow asks through the input seam; the work runs under
// one cancellable progress notification with a line per region.
import * as vscode from 'vscode';
import type { CommandHandlers, FeatureContext } from '../../core/contracts';
import { runFlow } from '../../ui/multiStepFlow';
import { modelVersionOptions } from '../../ui/pickers';
import { deploySteps, initialAnswers, versionLabel } from './deployFlow';
import { deployRestCall, gcloudCommand, type DeployAnswers } from './deployRequest';
import { deleteEndpointCommand, undeployCommand } from './endpointCommands';
import { describeOutcomes, deployToRegions, retryAnswers, type RegionOutcome } from './multiRegionDeploy';
import { modelFrom } from './targets';
import { deploymentsOf } from './trafficMath';
import { editTrafficCommand, rollbackCommand } from './trafficCommands';
import { curlCommand } from '../../vertex/curlCommand';
import { getEndpointRaw } from '../../vertex/deploy';
import { listAcrossRegions } from '../../vertex/multiRegion';
import { getModelVersion } from '../../vertex/registry';
import { listEndpoints } from '../../vertex/resources';
import { withCancellableProgress } from '../../ui/progress';

/** Passed back to vertexGenAi.deployModel to retry the regions that failed. */
export interface DeployRetry {
  readonly retry: DeployAnswers;
}

export interface DeployResult {
  readonly outcomes: readonly RegionOutcome[];
  readonly retry?: DeployRetry;
}

export function deployCommands(ctx: FeatureContext): CommandHandlers {
  return {
    'vertexGenAi.deployModel': (target?: unknown) => deployModelCommand(ctx, target),
    'vertexGenAi.editTraffic': (target?: unknown) => editTrafficCommand(ctx, target),
    'vertexGenAi.rollback': (target?: unknown) => rollbackCommand(ctx, target),
    'vertexGenAi.undeployModel': (target?: unknown, deployedModelId?: unknown) => undeployCommand(ctx, target, deployedModelId),
    'vertexGenAi.deleteEndpoint': (target?: unknown) => deleteEndpointCommand(ctx, target),
  };
}

async function deployModelCommand(ctx: FeatureContext, target: unknown): Promise<DeployResult | undefined> {
  if (isRetry(target)) return runDeploy(ctx, target.retry);
  const pool = await ctx.pool();
  let version = modelFrom(target);
  let displayName = '';
  if (version) {
    const model = await getModelVersion(pool, version);
    version = `${model.name}@${model.versionId}`;
    displayName = model.displayName;
  }
  const steps = deploySteps({
    fixedVersion: Boolean(version),
    versions: () => modelVersionOptions(pool, ctx.host.settings().regions),
    endpoints: async (regions) => (await listAcrossRegions(regions, (region) => listEndpoints(pool, { region }))).flatMap((r) => (r.ok ? r.page.items : [])),
    deployments: async (endpoint) => deploymentsOf(await getEndpointRaw(pool, endpoint)),
    actions: [
      {
        label: vscode.l10n.t('$(copy) Copy the gcloud command'),
        run: async (s) => {
          await vscode.env.clipboard.writeText(gcloudCommand(s));
          vscode.window.setStatusBarMessage(vscode.l10n.t('Copied the gcloud command'), 3000);
        },
      },
      {
        label: vscode.l10n.t('$(terminal) Show the REST request (curl)'),
        run: async (s) => {
          const text = `# ${vscode.l10n.t('gcloud equivalent')}\n${gcloudCommand(s)}\n\n# REST\n${curlCommand(deployRestCall(s))}\n`;
          await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'shellscript', content: text }), { preview: true });
        },
      },
    ],
  });
  const result = await runFlow(ctx.input(), steps, initialAnswers(version, pool.connection.project, displayName));
  if (result.status === 'cancelled') return undefined;
  return runDeploy(ctx, result.state);
}

async function runDeploy(ctx: FeatureContext, answers: DeployAnswers): Promise<DeployResult> {
  const pool = await ctx.pool();
  const lines = new Map<string, string>(answers.regions.map((r) => [r, vscode.l10n.t('waiting…')]));
  const outcomes = await withCancellableProgress(
    vscode.l10n.t('Deploying {0}', versionLabel(answers)),
    (signal, progress) => {
      return deployToRegions(pool, answers, {
        signal,
        report: (region, message) => {
          lines.set(region, message);
          ctx.host.log.info(`deploy ${region}: ${message}`);
          progress.report({ message: [...lines].map(([r, m]) => `${r}: ${m}`).join(' · ') });
        },
      });
    },
  );
  ctx.refresh('vertexGenAi.endpoints');
  ctx.refresh('vertexGenAi.registry');
  // One region: its error is the whole story, shown as one sentence like any other.
  const [only] = outcomes;
  if (outcomes.length === 1 && !only.ok) throw only.cause ?? new Error(only.error);
  const retry = retryAnswers(answers, outcomes);
  const summary = `${versionLabel(answers)} → ${answers.endpointDisplayName}: ${describeOutcomes(outcomes)}`;
  const deployed = outcomes.find((o) => o.ok);
  // Not awaited: the command's result must not wait for someone to click a notification.
  if (!retry) {
    const open = vscode.l10n.t('Open in Playground');
    void vscode.window.showInformationMessage(summary, open).then((picked) => {
      if (picked === open && deployed?.ok) {
        void vscode.commands.executeCommand('vertexGenAi.openPlayground', { type: 'resource', kind: 'endpoint', value: { name: deployed.endpoint } });
      }
    });
  } else {
    const again = vscode.l10n.t('Retry Failed Regions');
    const show = deployed ? vscode.window.showWarningMessage : vscode.window.showErrorMessage;
    void show(summary, again).then((picked) => {
      if (picked === again) void vscode.commands.executeCommand('vertexGenAi.deployModel', { retry } satisfies DeployRetry);
    });
  }
  return { outcomes, ...(retry ? { retry: { retry } } : {}) };
}

function isRetry(target: unknown): target is DeployRetry {
  return typeof target === 'object' && target !== null && 'retry' in target && typeof (target as DeployRetry).retry === 'object';
}
