// Which model answers a prediction call: a publisher model by id, or on an endpoint
// one of its deployed models, drawn by the endpoint's traffic split from a seeded
// stream (so a 90/10 split serves about 90/10, the same way on every run).
import type { EmulatorState } from '../context';
import { ApiError, failedPrecondition, invalidFields, notFound } from '../googleError';
import { noteServingTarget } from '../logging/servedRequests';
import { backingOf, type Backing } from '../models/modelBacking';
import { emulatorLabel, modelsOf, PUBLISHER_LANGUAGE_MODELS } from '../models/modelRegistry';
import type { JsonObject } from '../wireCodec';

export interface ServingTarget {
  /** Canonical endpoint or publisher model name. */
  name: string;
  backing: Backing;
  /** Set when an endpoint served the call. */
  deployed?: { id: string; model: string; modelVersionId: string; modelDisplayName: string };
  /** What responses name as the model version: the publisher model id or `…/models/ID@N`, with the emulator label. */
  modelVersion: string;
}

/** Resolves `projects/…/endpoints/E`, `projects/…/publishers/P/models/M` or `publishers/P/models/M`. */
export function servingTarget(state: EmulatorState, requested: string, field: string, deployedModelId?: string): ServingTarget {
  const name = state.names.canonical(requested, field);
  if (/(^|\/)publishers\/[^/]+\/models\/[^/]+$/.test(name)) return publisherTarget(state, requested, name);
  if (!/^projects\/[^/]+\/locations\/[^/]+\/endpoints\/[^/]+$/.test(name)) throw notFound('Endpoint', name);
  const endpoint = state.store.get(name);
  if (!endpoint) throw notFound('Endpoint', name);
  const deployed = pickDeployedModel(state, name, endpoint.data, deployedModelId);
  const version = state.store.get(`${String(deployed.model)}@${String(deployed.modelVersionId)}`);
  if (!version) throw failedPrecondition(`Model \`${String(deployed.model)}@${String(deployed.modelVersionId)}\` deployed as ${String(deployed.id)} no longer exists.`);
  const backing = backingOf(state, version.data);
  const versionName = `${String(deployed.model)}@${String(deployed.modelVersionId)}`;
  const served = { id: String(deployed.id), model: String(deployed.model), modelVersionId: String(deployed.modelVersionId), modelDisplayName: String(version.data.displayName ?? '') };
  noteServingTarget(name, served);
  return { name, backing, deployed: served, modelVersion: `${versionName} (${backing.label})` };
}

function publisherTarget(state: EmulatorState, requested: string, name: string): ServingTarget {
  const [, publisher, id] = /publishers\/([^/]+)\/models\/([^/]+)$/.exec(name) ?? [];
  const model = publisher === 'google' ? modelsOf(state).baseModel(id) : undefined;
  if (!model) {
    throw new ApiError('NOT_FOUND', `Publisher Model \`${requested}\` was not found or your project does not have access to it. ` +
      `The emulator serves publishers/google/models/{${Object.keys(PUBLISHER_LANGUAGE_MODELS).join(', ')}}.`);
  }
  return { name, backing: { kind: 'language', model, label: emulatorLabel(model.order) }, modelVersion: `${id} (${emulatorLabel(model.order)})` };
}

function pickDeployedModel(state: EmulatorState, endpoint: string, data: JsonObject, requestedId?: string): JsonObject {
  const deployed = (data.deployedModels as JsonObject[] | undefined) ?? [];
  if (requestedId) {
    const found = deployed.find((d) => d.id === requestedId);
    if (!found) throw invalidFields([{ field: 'deployed_model_id', description: `Deployed model ${requestedId} is not deployed to endpoint \`${endpoint}\`.` }]);
    return found;
  }
  const split = (data.trafficSplit as Record<string, number> | undefined) ?? {};
  const routed = deployed.filter((d) => Number(split[String(d.id)] ?? 0) > 0);
  if (!routed.length) {
    throw failedPrecondition(deployed.length
      ? `Endpoint \`${endpoint}\` does not route traffic to any deployed model: its traffic split is empty.`
      : `Endpoint \`${endpoint}\` does not have any deployed models.`);
  }
  const total = routed.reduce((n, d) => n + Number(split[String(d.id)]), 0);
  let r = modelsOf(state).routeDraw(endpoint) * total;
  for (const d of routed) {
    r -= Number(split[String(d.id)]);
    if (r < 0) return d;
  }
  return routed[routed.length - 1];
}
