// Traffic split arithmetic: integer percentages that always add up to 100 (largest
// remainder), rescaling around a new or removed deployment, the canary shortcut,
// the rollback plan, and the text form the user edits ("v2=90, v3=10"). Pure.
import * as l10n from '@vscode/l10n';

export type Split = Record<string, number>;

export interface Deployment {
  readonly id: string;
  /** What the user sees and types: the display name, or the id when names repeat. */
  readonly label: string;
  /** `…/models/ID@N`. */
  readonly version: string;
  readonly createTime?: Date;
  readonly percent: number;
}

/** Deployments of an Endpoint message, oldest first, labelled uniquely. */
export function deploymentsOf(endpoint: { deployedModels?: unknown; trafficSplit?: unknown }): Deployment[] {
  const raw = (endpoint.deployedModels ?? []) as { id?: string; displayName?: string; model?: string; modelVersionId?: string; createTime?: unknown }[];
  const split = (endpoint.trafficSplit ?? {}) as Record<string, unknown>;
  const names = raw.map((d) => d.displayName || String(d.id));
  return raw
    .map((d, i) => ({
      id: String(d.id),
      label: names.filter((n) => n === names[i]).length > 1 ? String(d.id) : names[i],
      version: `${String(d.model)}@${String(d.modelVersionId ?? '')}`,
      createTime: timeOf(d.createTime),
      percent: Number(split[String(d.id)] ?? 0),
    }))
    .sort((a, b) => (a.createTime?.getTime() ?? 0) - (b.createTime?.getTime() ?? 0));
}

/** Integer shares of `total` proportional to `weights` (equal when all are 0), summing exactly to `total`. */
export function apportion(weights: Split, total: number): Split {
  const ids = Object.keys(weights);
  if (!ids.length) return {};
  const sum = ids.reduce((n, id) => n + weights[id], 0);
  const exact = ids.map((id) => (sum > 0 ? (weights[id] * total) / sum : total / ids.length));
  const floors = exact.map(Math.floor);
  let left = total - floors.reduce((a, b) => a + b, 0);
  const order = ids.map((_, i) => i).sort((a, b) => exact[b] - floors[b] - (exact[a] - floors[a]) || a - b);
  for (const i of order) {
    if (left <= 0) break;
    floors[i]++;
    left--;
  }
  return Object.fromEntries(ids.map((id, i) => [id, floors[i]]));
}

/** The DeployModel split: "0" (the new deployment) gets `share`, the others keep their proportions. */
export function splitForNew(current: Split, share: number): Split {
  const others = Object.fromEntries(Object.entries(current).filter(([, pct]) => pct > 0));
  if (!Object.keys(others).length) return { '0': 100 };
  return { ...apportion(others, 100 - share), '0': share };
}

/** `id` gets `percent`, every other deployment its proportional part of the rest. */
export function splitWith(deployments: readonly Deployment[], id: string, percent: number): Split {
  const others = Object.fromEntries(deployments.filter((d) => d.id !== id).map((d) => [d.id, d.percent]));
  return { ...apportion(others, 100 - percent), [id]: percent };
}

/** The split after removing `id`: its traffic goes to the others in proportion. */
export function splitWithout(deployments: readonly Deployment[], id: string): Split {
  return apportion(Object.fromEntries(deployments.filter((d) => d.id !== id).map((d) => [d.id, d.percent])), 100);
}

export function currentSplit(deployments: readonly Deployment[]): Split {
  return Object.fromEntries(deployments.map((d) => [d.id, d.percent]));
}

export interface RollbackPlan {
  /** The newest deployment, whose traffic goes away. */
  readonly from: Deployment;
  /** The one before it, which gets all traffic. */
  readonly to: Deployment;
  readonly before: Split;
  readonly after: Split;
}

/** All traffic back to the deployment made before the newest one; a sentence when there is none. */
export function rollbackPlan(deployments: readonly Deployment[]): RollbackPlan | string {
  if (deployments.length < 2) return l10n.t('The endpoint has only one deployment, so there is nothing to roll back to.');
  const from = deployments[deployments.length - 1];
  const to = deployments[deployments.length - 2];
  return { from, to, before: currentSplit(deployments), after: Object.fromEntries(deployments.map((d) => [d.id, d.id === to.id ? 100 : 0])) };
}

/** "v2=90, v3=10", in the deployments' order. */
export function formatSplit(split: Split, deployments: readonly Deployment[]): string {
  return deployments.map((d) => `${d.label}=${split[d.id] ?? 0}`).join(', ');
}

/** Parses what the user typed into a split keyed by deployment id, or says what is wrong. */
export function parseSplit(text: string, deployments: readonly Deployment[]): Split | string {
  const split: Split = {};
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const match = /^(.+?)\s*[=:]\s*(\S+?)\s*%?$/.exec(part);
    if (!match) return l10n.t('"{0}" is not label=percent.', part);
    const deployment = deployments.find((d) => d.label === match[1] || d.id === match[1]);
    if (!deployment) return l10n.t('"{0}" is not deployed here; use one of {1}.', match[1], deployments.map((d) => d.label).join(', '));
    const pct = Number(match[2]);
    if (!Number.isInteger(pct) || pct < 0 || pct > 100) return l10n.t('{0}: {1} is not a whole percentage from 0 to 100.', deployment.label, match[2]);
    if (deployment.id in split) return l10n.t('{0} is given twice.', deployment.label);
    split[deployment.id] = pct;
  }
  for (const d of deployments) split[d.id] ??= 0;
  const total = Object.values(split).reduce((a, b) => a + b, 0);
  if (total !== 100) return l10n.t('The split adds up to {0}%; it must add up to 100%.', total);
  return split;
}

/** A whole percentage from min to max, or what is wrong with the text. */
export function parsePercent(text: string, min = 0, max = 100): number | string {
  const value = Number(text.trim().replace(/%$/, ''));
  if (!text.trim() || !Number.isInteger(value) || value < min || value > max) return l10n.t('Enter a whole percentage from {0} to {1}.', min, max);
  return value;
}

function timeOf(value: unknown): Date | undefined {
  if (!value) return undefined;
  if (typeof value === 'string') return new Date(value);
  const seconds = Number((value as { seconds?: unknown }).seconds ?? NaN);
  return Number.isNaN(seconds) ? undefined : new Date(seconds * 1000 + Math.floor(Number((value as { nanos?: unknown }).nanos ?? 0) / 1e6));
}
