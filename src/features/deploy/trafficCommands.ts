// Traffic split editing over an endpoint's deployed models (typed split validated as
// it is typed, or the canary shortcut), and rollback: all traffic back to the previous
// deployment and an alias back to its version, in one confirmed action.
import * as vscode from 'vscode';
import type { FeatureContext } from '../../core/contracts';
import { runFlow, type Step } from '../../ui/multiStepFlow';
import { reviewStep } from '../../ui/reviewStep';
import type { ClientPool } from '../../vertex/clients';
import { getEndpointRaw, setTrafficSplit } from '../../vertex/deploy';
import { getModelVersion, mergeVersionAliases } from '../../vertex/registry';
import { pickEndpoint } from '../../ui/pickers';
import { endpointFrom } from './targets';
import { currentSplit, deploymentsOf, formatSplit, parsePercent, parseSplit, rollbackPlan, splitWith, type Deployment, type Split } from './trafficMath';

interface TrafficState {
  readonly mode: 'edit' | 'canary';
  readonly text: string;
  readonly canary: number;
  readonly split: Split;
  readonly confirmed: boolean;
}

/** The endpoint of the target, or one picked from the configured regions. */
export async function endpointOf(ctx: FeatureContext, pool: ClientPool, target: unknown, title: string): Promise<string | undefined> {
  return endpointFrom(target) ?? pickEndpoint(ctx.input(), pool, ctx.host.settings().regions, { title });
}

export async function editTrafficCommand(ctx: FeatureContext, target: unknown): Promise<Split | undefined> {
  const pool = await ctx.pool();
  const endpoint = await endpointOf(ctx, pool, target, vscode.l10n.t('Edit traffic split: endpoint'));
  if (!endpoint) return undefined;
  const deployments = deploymentsOf(await getEndpointRaw(pool, endpoint));
  if (!deployments.length) throw new Error(vscode.l10n.t('Nothing is deployed to this endpoint yet; deploy a model version first.'));
  const newest = deployments[deployments.length - 1];
  const before = currentSplit(deployments);
  const steps: Step<TrafficState>[] = [
    {
      kind: 'pick', id: 'mode', title: vscode.l10n.t('Traffic split'),
      skip: () => deployments.length < 2,
      options: () => [
        { label: vscode.l10n.t('$(edit) Edit the split'), value: 'edit', description: formatSplit(before, deployments) },
        { label: vscode.l10n.t('$(beaker) Canary: send N% to the newest deployment'), value: 'canary', description: newest.label },
      ],
      apply: (s, [mode]) => ({ ...s, mode: mode as TrafficState['mode'] }),
    },
    {
      kind: 'text', id: 'split', title: vscode.l10n.t('Traffic split — must add up to 100'),
      skip: (s) => s.mode !== 'edit',
      prompt: () => vscode.l10n.t('deployment=percent, comma-separated; deployments left out get 0'),
      value: (s) => s.text,
      validate: (text) => { const split = parseSplit(text, deployments); return typeof split === 'string' ? split : undefined; },
      apply: (s, text) => ({ ...s, text, split: parseSplit(text, deployments) as Split }),
    },
    {
      kind: 'text', id: 'canary', title: vscode.l10n.t('Canary: percent of traffic for {0}', newest.label),
      skip: (s) => s.mode !== 'canary',
      prompt: () => vscode.l10n.t('1–99; the other deployments keep their proportions of the rest'),
      value: (s) => String(s.canary),
      validate: (text) => { const v = parsePercent(text, 1, 99); return typeof v === 'string' ? v : undefined; },
      apply: (s, text) => ({ ...s, canary: Number(text.trim().replace(/%$/, '')), split: splitWith(deployments, newest.id, Number(text.trim().replace(/%$/, ''))) }),
    },
    reviewStep<TrafficState>({
      title: vscode.l10n.t('Traffic split: review'),
      confirmLabel: vscode.l10n.t('Apply the split'),
      fields: (s) => [
        { label: vscode.l10n.t('Before'), value: formatSplit(before, deployments), step: s.mode === 'edit' ? 'split' : 'canary' },
        { label: vscode.l10n.t('After'), value: formatSplit(s.split, deployments), step: s.mode === 'edit' ? 'split' : 'canary' },
      ],
      actions: [],
      confirm: (s) => ({ ...s, confirmed: true }),
    }),
  ];
  const result = await runFlow(ctx.input(), steps, { mode: 'edit', text: formatSplit(before, deployments), canary: 10, split: before, confirmed: false });
  if (result.status === 'cancelled') return undefined;
  const updated = await setTrafficSplit(pool, endpoint, result.state.split);
  ctx.refresh('vertexGenAi.endpoints');
  vscode.window.setStatusBarMessage(vscode.l10n.t('Traffic split: {0}', formatSplit(result.state.split, deployments)), 5000);
  return Object.fromEntries(updated.deployedModels.map((d) => [d.id, d.trafficPercent]));
}

export interface RollbackResult {
  readonly split: Split;
  readonly alias?: { readonly alias: string; readonly from: string; readonly to: string };
}

export async function rollbackCommand(ctx: FeatureContext, target: unknown): Promise<RollbackResult | undefined> {
  const pool = await ctx.pool();
  const endpoint = await endpointOf(ctx, pool, target, vscode.l10n.t('Roll back: endpoint'));
  if (!endpoint) return undefined;
  const deployments = deploymentsOf(await getEndpointRaw(pool, endpoint));
  const plan = rollbackPlan(deployments);
  if (typeof plan === 'string') throw new Error(plan);
  const alias = await pickAlias(ctx, pool, plan.from, plan.to);
  if (alias === null) return undefined;
  const detail = [
    vscode.l10n.t('Traffic before: {0}', formatSplit(plan.before, deployments)),
    vscode.l10n.t('Traffic after: {0}', formatSplit(plan.after, deployments)),
    alias ? vscode.l10n.t('Alias "{0}": version {1} → version {2}', alias, versionOf(plan.from), versionOf(plan.to)) : vscode.l10n.t('Aliases stay as they are.'),
  ].join('\n');
  const go = vscode.l10n.t('Roll Back');
  if (!(await ctx.input().confirm({ message: vscode.l10n.t('Roll back {0} to {1}?', plan.from.label, plan.to.label), detail, action: go }))) return undefined;
  await setTrafficSplit(pool, endpoint, plan.after);
  ctx.refresh('vertexGenAi.endpoints');
  if (alias) {
    try {
      await mergeVersionAliases(pool, plan.to.version, [alias]);
    } catch (error) {
      throw Object.assign(error as Error, {
        message: vscode.l10n.t('Traffic was rolled back to {0}, but moving the alias "{1}" failed: {2}', plan.to.label, alias, (error as Error).message),
      });
    }
    ctx.refresh('vertexGenAi.registry');
  }
  void vscode.window.showInformationMessage(vscode.l10n.t('Rolled back: {0}.', detail.replace(/\n/g, '; ')));
  return { split: plan.after, ...(alias ? { alias: { alias, from: plan.from.version, to: plan.to.version } } : {}) };
}

/** Which alias of the newest deployment's version moves back: undefined = none, null = cancelled. */
async function pickAlias(ctx: FeatureContext, pool: ClientPool, from: Deployment, to: Deployment): Promise<string | undefined | null> {
  if (from.version.split('@')[0] !== to.version.split('@')[0] || from.version === to.version) return undefined;
  const aliases = (await getModelVersion(pool, from.version)).versionAliases;
  if (!aliases.length) return undefined;
  const none = '';
  const answer = await ctx.input().pick<string>({
    id: 'alias', title: vscode.l10n.t('Roll back: alias to move back to version {0}', versionOf(to)), step: 1, totalSteps: 1, canGoBack: false,
    options: [
      ...aliases.map((a) => ({ label: a, value: a, description: vscode.l10n.t('now on version {0}', versionOf(from)), picked: a === 'default' })),
      { label: vscode.l10n.t('Leave aliases as they are'), value: none },
    ],
  });
  if (answer.kind !== 'value') return null;
  return answer.value[0] || undefined;
}

function versionOf(d: Deployment): string {
  return d.version.split('@')[1] ?? '';
}
