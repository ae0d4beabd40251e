// What the Playground can prompt: endpoints with deployed models, classified by what
// serves them (a tuned Gemini → generateContent; an open model in a vLLM-style
// container → rawPredict with a chat body; anything else → predict), and the
// publisher Gemini models of each region. No vscode.
import type { PlaygroundTarget, TargetKind } from './promptTypes';
import type { ClientPool } from './clients';
import { listAcrossRegions } from './multiRegion';
import { readPages } from './paging';
import { enumName } from './protoValues';
import { listEndpoints } from './resources';
import type { Endpoint } from './types';

type Raw = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export const PUBLISHER_MODELS = ['gemini-2.0-flash-001', 'gemini-2.0-flash-lite-001', 'gemini-1.5-pro-002', 'gemini-1.5-flash-002'];
const SOURCE_TYPES = ['MODEL_SOURCE_TYPE_UNSPECIFIED', 'AUTOML', 'CUSTOM', 'BQML', 'MODEL_GARDEN', 'GENIE', 'CUSTOM_TEXT_EMBEDDING', 'MARKETPLACE'] as const;
const OPEN_MODEL_CONTAINER = /vllm|hex-llm|text-generation-inference|tgi/i;

export interface TargetList {
  readonly targets: PlaygroundTarget[];
  /** "region: message" of a region that failed to list. */
  readonly error?: string;
}

export async function listPlaygroundTargets(pool: ClientPool, regions: readonly string[]): Promise<TargetList> {
  const results = await listAcrossRegions(regions, (region) => readPages((pageToken) => listEndpoints(pool, { region, pageToken })));
  const endpoints = results.flatMap((r) => (r.ok ? r.page.items : [])).filter((e) => e.deployedModels.length > 0);
  const kinds = await Promise.all(endpoints.map((e) => endpointKind(pool, e)));
  const failed = results.find((r) => !r.ok);
  const project = pool.connection.project;
  const publishers: PlaygroundTarget[] = regions.flatMap((region) =>
    PUBLISHER_MODELS.map((id) => ({ name: `projects/${project}/locations/${region}/publishers/google/models/${id}`, displayName: id, region, kind: 'gemini' as const, deployed: [] })),
  );
  return {
    targets: [
      ...endpoints.map((e, i) => ({
        name: e.name,
        displayName: e.displayName,
        region: e.region,
        kind: kinds[i],
        deployed: e.deployedModels.map((d) => ({ id: d.id, displayName: d.displayName, trafficPercent: d.trafficPercent, version: `${d.model}@${d.modelVersionId}` })),
      })),
      ...publishers,
    ],
    error: failed && !failed.ok ? `${failed.region}: ${failed.error.message}` : undefined,
  };
}

/** Decided by the model version with the most traffic; a failed lookup falls back to Gemini, the common case. */
async function endpointKind(pool: ClientPool, endpoint: Endpoint): Promise<TargetKind> {
  const main = [...endpoint.deployedModels].sort((a, b) => b.trafficPercent - a.trafficPercent)[0];
  try {
    const client = await pool.get('ModelServiceClient', endpoint.region);
    const [model] = (await client.getModel({ name: `${main.model}@${main.modelVersionId}` })) as unknown as [Raw];
    return modelKind(model);
  } catch {
    return 'gemini';
  }
}

export function modelKind(model: Raw): TargetKind {
  const labels = (model.labels ?? {}) as Record<string, string>;
  if (labels['google-vertex-llm-tuning-base-model-id'] || enumName(SOURCE_TYPES, model.modelSourceInfo?.sourceType) === 'GENIE') return 'gemini';
  return OPEN_MODEL_CONTAINER.test(String(model.containerSpec?.imageUri ?? '')) ? 'openChat' : 'predict';
}
