// Runs a confirmed deploy in every chosen region at once: copy the version to regions
// it is not in, create the endpoint where needed, deploy with the rescaled split. One
// region failing never stops the others; the outcome says exactly what happened where.
import * as l10n from '@vscode/l10n';
import type { ClientPool } from '../../vertex/clients';
import { createEndpoint, deployModel, getEndpointRaw } from '../../vertex/deploy';
import type { OperationProgress } from '../../vertex/lro';
import { parseError } from '../../vertex/parseError';
import { resourceRegion } from '../../vertex/protoValues';
import { copyModelVersion } from '../../vertex/registry';
import { deployedModelBody, existingEndpoint, newEndpointOf, type DeployAnswers } from './deployRequest';
import { deploySplit } from './deployFlow';
import { deploymentsOf } from './trafficMath';

export type RegionOutcome =
  | { readonly region: string; readonly ok: true; readonly endpoint: string; readonly deployedModelId: string; readonly model: string }
  /** `endpoint` is set when the endpoint was created or existed before the failing step. */
  | { readonly region: string; readonly ok: false; readonly stage: string; readonly error: string; readonly endpoint?: string; readonly cause?: unknown };

export interface DeployRunOptions {
  readonly signal?: AbortSignal;
  /** One line per region and step ("europe-west4: deploying…"). */
  readonly report?: (region: string, message: string) => void;
  /** Poll interval bound for operations (tests and the emulator finish fast). */
  readonly pollMaxMs?: number;
}

export async function deployToRegions(pool: ClientPool, answers: DeployAnswers, options: DeployRunOptions = {}): Promise<RegionOutcome[]> {
  return Promise.all(answers.regions.map((region) => deployInRegion(pool, answers, region, options)));
}

async function deployInRegion(pool: ClientPool, a: DeployAnswers, region: string, options: DeployRunOptions): Promise<RegionOutcome> {
  const report = (message: string) => options.report?.(region, message);
  const wait = (what: string) => ({
    signal: options.signal,
    pollInitialMs: 200,
    pollMaxMs: options.pollMaxMs ?? 5_000,
    onProgress: (p: OperationProgress) => (p.done ? undefined : report(`${what} (${Math.round(p.elapsedMs / 1000)} s)`)),
  });
  let stage = 'copy';
  let endpoint = existingEndpoint(a, region);
  try {
    let model = a.version;
    if (resourceRegion(a.version) !== region) {
      report(l10n.t('copying the model version…'));
      model = await copyModelVersion(pool, a.version, region, wait(l10n.t('copying the model version…')));
    }
    stage = 'endpoint';
    if (!endpoint) {
      report(l10n.t('creating the endpoint…'));
      endpoint = await createEndpoint(pool, region, newEndpointOf(a), wait(l10n.t('creating the endpoint…')));
    }
    stage = 'deploy';
    const existing = a.endpoint.kind === 'existing' && a.existingDeployments.length === 0 ? deploymentsOf(await getEndpointRaw(pool, endpoint, options.signal)) : a.existingDeployments;
    report('deploying…');
    const deployedModelId = await deployModel(pool, endpoint, deployedModelBody(a, model), deploySplit(a, existing), wait('deploying…'));
    report('done');
    return { region, ok: true, endpoint, deployedModelId, model };
  } catch (error) {
    const parsed = parseError(error);
    if (parsed.code === 'CANCELLED') throw error;
    report(l10n.t('failed: {0}', parsed.message));
    return { region, ok: false, stage, error: parsed.message, endpoint, cause: error };
  }
}

/** One sentence per region, successes first. */
export function describeOutcomes(outcomes: readonly RegionOutcome[]): string {
  const ok = outcomes.filter((o) => o.ok).map((o) => o.region);
  const failed = outcomes.filter((o): o is Extract<RegionOutcome, { ok: false }> => !o.ok);
  const parts = [];
  if (ok.length) parts.push(l10n.t('Deployed in {0}.', ok.join(', ')));
  for (const f of failed) parts.push(l10n.t('Failed in {0} ({1}): {2}', f.region, STAGES[f.stage] ?? f.stage, f.error));
  return parts.join(' ');
}

const STAGES: Record<string, string> = { copy: l10n.t('copying the version'), endpoint: l10n.t('creating the endpoint'), deploy: 'deploying' };

/** The same deploy for the failed regions only, reusing endpoints that were already created. */
export function retryAnswers(a: DeployAnswers, outcomes: readonly RegionOutcome[]): DeployAnswers | undefined {
  const failed = outcomes.filter((o): o is Extract<RegionOutcome, { ok: false }> => !o.ok);
  if (!failed.length) return undefined;
  const names: Record<string, string> = a.endpoint.kind === 'existing' ? { ...a.endpoint.names } : {};
  for (const f of failed) if (f.endpoint) names[f.region] = f.endpoint;
  const endpoint = Object.keys(names).length ? { kind: 'existing' as const, displayName: a.endpointDisplayName, names } : a.endpoint;
  return { ...a, regions: failed.map((f) => f.region), endpoint, existingDeployments: [] };
}
