// Undeploy (asks first; a deployment that still takes traffic needs a new split) and
// delete an endpoint (asks first; offers to undeploy everything on it).
import * as vscode from 'vscode';
import type { FeatureContext } from '../../core/contracts';
import type { PickOption } from '../../ui/inputSeam';
import { deleteEndpoint, getEndpointRaw, setTrafficSplit, undeployModel } from '../../vertex/deploy';
import type { WaitOptions } from '../../vertex/lro';
import { deployedModelIdFrom } from './targets';
import { endpointOf } from './trafficCommands';
import { deploymentsOf, formatSplit, parseSplit, splitWithout, type Deployment, type Split } from './trafficMath';
import { withCancellableProgress } from '../../ui/progress';

type Resplit = { readonly kind: 'spread' } | { readonly kind: 'all'; readonly id: string } | { readonly kind: 'type' };

export async function undeployCommand(ctx: FeatureContext, target: unknown, givenId: unknown): Promise<Split | undefined> {
  const pool = await ctx.pool();
  const endpoint = await endpointOf(ctx, pool, target, vscode.l10n.t('Undeploy: endpoint'));
  if (!endpoint) return undefined;
  const deployments = deploymentsOf(await getEndpointRaw(pool, endpoint));
  const id = typeof givenId === 'string' ? givenId : deployedModelIdFrom(target) ?? (await pickDeployment(ctx, deployments));
  if (!id) return undefined;
  const removed = deployments.find((d) => d.id === id);
  if (!removed) throw new Error(vscode.l10n.t('Deployed model {0} is not on this endpoint any more; refresh the view.', id));
  const rest = deployments.filter((d) => d.id !== id);
  const split = removed.percent > 0 && rest.length ? await askResplit(ctx, deployments, removed) : rest.length ? undefined : {};
  if (split === null) return undefined;
  const after = split ?? Object.fromEntries(rest.map((d) => [d.id, d.percent]));
  const detail = rest.length ? vscode.l10n.t('Traffic after: {0}', formatSplit(after, rest)) : vscode.l10n.t('Nothing else is deployed: the endpoint will serve no traffic.');
  const go = vscode.l10n.t('Undeploy');
  if (!(await ctx.input().confirm({ message: vscode.l10n.t('Undeploy {0}?', removed.label), detail, action: go }))) return undefined;
  await withProgress(vscode.l10n.t('Undeploying {0}', removed.label), (wait) => undeployModel(pool, endpoint, id, split, wait));
  ctx.refresh('vertexGenAi.endpoints');
  ctx.refresh('vertexGenAi.registry');
  return after;
}

export async function deleteEndpointCommand(ctx: FeatureContext, target: unknown): Promise<boolean> {
  const pool = await ctx.pool();
  const endpoint = await endpointOf(ctx, pool, target, vscode.l10n.t('Delete endpoint'));
  if (!endpoint) return false;
  const raw = await getEndpointRaw(pool, endpoint);
  const deployments = deploymentsOf(raw);
  const name = String(raw.displayName || endpoint);
  const go = deployments.length ? vscode.l10n.t('Undeploy All and Delete') : vscode.l10n.t('Delete');
  const detail = deployments.length
    ? vscode.l10n.t('It still serves {0}. They are undeployed first; requests to the endpoint will fail.', deployments.map((d) => `${d.label} (${d.percent}%)`).join(', '))
    : vscode.l10n.t('Nothing is deployed to it. This cannot be undone.');
  if (!(await ctx.input().confirm({ message: vscode.l10n.t('Delete endpoint {0}?', name), detail, action: go }))) return false;
  await withProgress(vscode.l10n.t('Deleting endpoint {0}', name), async (wait, report) => {
    // An empty split stops all traffic, so each deployment can go without re-splitting.
    if (deployments.some((d) => d.percent > 0)) await setTrafficSplit(pool, endpoint, {});
    for (const d of deployments) {
      report(vscode.l10n.t('undeploying {0}…', d.label));
      await undeployModel(pool, endpoint, d.id, undefined, wait);
    }
    report(vscode.l10n.t('deleting…'));
    await deleteEndpoint(pool, endpoint, wait);
  });
  ctx.refresh('vertexGenAi.endpoints');
  ctx.refresh('vertexGenAi.registry');
  return true;
}

async function pickDeployment(ctx: FeatureContext, deployments: readonly Deployment[]): Promise<string | undefined> {
  const options = deployments.map((d) => ({ label: d.label, value: d.id, description: `${d.percent}% · ${d.version.replace(/^.*\/models\//, 'models/')}` }));
  const answer = await ctx.input().pick({ id: 'deployment', title: vscode.l10n.t('Undeploy: deployed model'), step: 1, totalSteps: 1, canGoBack: false, options });
  return answer.kind === 'value' ? answer.value[0] : undefined;
}

/** The split without `removed`, as the user chooses; null when cancelled. */
async function askResplit(ctx: FeatureContext, deployments: readonly Deployment[], removed: Deployment): Promise<Split | null> {
  const rest = deployments.filter((d) => d.id !== removed.id);
  const spread = splitWithout(deployments, removed.id);
  const options: PickOption<Resplit>[] = [
    { label: vscode.l10n.t('Spread its {0}% over the others in proportion', removed.percent), value: { kind: 'spread' }, description: formatSplit(spread, rest) },
    ...rest.map((d) => ({ label: vscode.l10n.t('Send all traffic to {0}', d.label), value: { kind: 'all', id: d.id } as Resplit })),
    { label: vscode.l10n.t('Type the split…'), value: { kind: 'type' } },
  ];
  const seam = ctx.input();
  const title = vscode.l10n.t('{0} takes {1}% of the traffic: how should it be re-split?', removed.label, removed.percent);
  const answer = await seam.pick({ id: 'resplit', title, step: 1, totalSteps: 2, canGoBack: false, options });
  if (answer.kind !== 'value') return null;
  const choice = answer.value[0];
  if (choice.kind === 'spread') return spread;
  if (choice.kind === 'all') return Object.fromEntries(rest.map((d) => [d.id, d.id === choice.id ? 100 : 0]));
  const typed = await seam.text({
    id: 'split', title: vscode.l10n.t('Traffic split without {0} — must add up to 100', removed.label), step: 2, totalSteps: 2, canGoBack: false,
    value: formatSplit(spread, rest),
    validate: (text) => { const s = parseSplit(text, rest); return typeof s === 'string' ? s : undefined; },
  });
  return typed.kind === 'value' ? (parseSplit(typed.value, rest) as Split) : null;
}

async function withProgress(title: string, task: (wait: WaitOptions, report: (message: string) => void) => Promise<void>): Promise<void> {
  await withCancellableProgress(title, (signal, progress) =>
    task({ signal, pollInitialMs: 200, pollMaxMs: 5_000 }, (message) => progress.report({ message })),
  );
}
