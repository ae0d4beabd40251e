// A resource as Google returns it, as JSON text: for the read-only Details view.
// The clients' messages serialise with enum names and int64 strings. No vscode.
import * as l10n from '@vscode/l10n';
import type { ClientPool } from './clients';
import { resourceRegion } from './protoValues';
import { withRetry } from './retry';

type Getter = (pool: ClientPool, name: string, region: string, timeout: number) => Promise<unknown>;

/** The get call for each collection a resource name can end in. */
const GETTERS: Record<string, Getter> = {
  endpoints: async (pool, name, region, timeout) => (await (await pool.get('EndpointServiceClient', region)).getEndpoint({ name }, { timeout }))[0],
  models: async (pool, name, region, timeout) => (await (await pool.get('ModelServiceClient', region)).getModel({ name }, { timeout }))[0],
  datasets: async (pool, name, region, timeout) => (await (await pool.get('DatasetServiceClient', region)).getDataset({ name }, { timeout }))[0],
  tuningJobs: async (pool, name, region, timeout) => (await (await pool.get('GenAiTuningServiceClient', region)).getTuningJob({ name }, { timeout }))[0],
  customJobs: async (pool, name, region, timeout) => (await (await pool.get('JobServiceClient', region)).getCustomJob({ name }, { timeout }))[0],
  hyperparameterTuningJobs: async (pool, name, region, timeout) =>
    (await (await pool.get('JobServiceClient', region)).getHyperparameterTuningJob({ name }, { timeout }))[0],
};

/** The collection of a resource name: `…/endpoints/123` → `endpoints` (a model version `…/models/1@2` too). */
export function collectionOf(name: string): string | undefined {
  return name.match(/\/([A-Za-z]+)\/[^/]+$/)?.[1];
}

export function canShowDetails(name: string): boolean {
  const collection = collectionOf(name);
  return collection !== undefined && collection in GETTERS;
}

export async function getResourceJson(pool: ClientPool, name: string, signal?: AbortSignal): Promise<string> {
  const collection = collectionOf(name);
  const get = collection ? GETTERS[collection] : undefined;
  if (!get) throw new Error(l10n.t('Details are not available for {0}.', name));
  const resource = await withRetry('GetResource', ({ timeoutMs }) => get(pool, name, resourceRegion(name), timeoutMs), { signal });
  return `${JSON.stringify(resource, timestampsAsText, 2)}\n`;
}

/**
 * The client's messages carry Timestamps as {seconds, nanos}; Google's JSON writes them as
 * RFC 3339 text, and so does the Details view. Vertex names its timestamp fields `…Time`.
 */
export function timestampsAsText(key: string, value: unknown): unknown {
  if (!/Time$/.test(key) || !value || typeof value !== 'object') return value;
  const { seconds, nanos, ...rest } = value as { seconds?: unknown; nanos?: unknown };
  if (seconds === undefined || Object.keys(rest).length) return value;
  const ms = Number(seconds) * 1000 + Math.floor(Number(nanos ?? 0) / 1e6);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : value;
}
