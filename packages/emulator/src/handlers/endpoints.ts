// EndpointService with Vertex's semantics: DeployModel and UndeployModel are operations
// that check the model version, the machine spec, the serving quota and the traffic
// split up front and apply the change when they finish; MutateDeployedModel changes
// replicas and autoscaling; UpdateEndpoint validates traffic_split; DeleteEndpoint is
// refused while models are deployed. Model versions list the endpoints they serve on.
import { computeOf } from '../compute/computeState';
import { assertQuota, deployedDemand } from '../compute/quotaUsage';
import type { EmulatorState, HttpResult, MethodCall, MethodHandler } from '../context';
import { timestamp } from '../timestamp';
import { ApiError, failedPrecondition, invalidFields, notFound } from '../googleError';
import { camelCase } from '../protoSchema';
import type { StoredResource } from '../store';
import type { JsonObject } from '../wireCodec';
import { checkDedicated, checkDeployedResources } from './endpointsResources';
import { assertSplit, splitAfterDeploy, splitAfterUndeploy, type TrafficSplit } from './endpointsTraffic';
import { genericHandler, maybeOperation } from './generic';
import { findVersion } from './modelVersions';
import { assertRequired, etagOf } from './resourceFields';

const MUTABLE_PATHS = new Set([
  'dedicated_resources.min_replica_count', 'dedicated_resources.max_replica_count', 'dedicated_resources.required_replica_count',
  'dedicated_resources.autoscaling_metric_specs', 'automatic_resources.min_replica_count', 'automatic_resources.max_replica_count',
  'disable_container_logging', 'enable_container_logging',
]);

export const endpointHandlers: Record<string, MethodHandler> = {
  'EndpointService.DeployModel': deployModel,
  'EndpointService.UndeployModel': undeployModel,
  'EndpointService.MutateDeployedModel': mutateDeployedModel,
  'EndpointService.UpdateEndpoint': updateEndpoint,
  'EndpointService.UpdateEndpointLongRunning': updateEndpoint,
  'EndpointService.DeleteEndpoint': (call) => {
    const endpoint = endpointFor(call, String(call.request.name), 'name');
    if (deployedOf(endpoint).length) {
      throw failedPrecondition(`Endpoint \`${String(endpoint.data.name)}\` has deployed models. Undeploy them before deleting the endpoint.`);
    }
    return delegate(call);
  },
};

/** The checks every deployed-model method starts with: required fields, then the endpoint. */
function openEndpoint(call: MethodCall) {
  const { state, request } = call;
  assertRequired(state.schema, call.route.method.requestType, request, '');
  const endpoint = endpointFor(call, String(request.endpoint), 'endpoint');
  const endpointName = String(endpoint.data.name);
  return { state, request, endpoint, endpointName, location: endpointName.split('/').slice(0, 4).join('/') };
}

function deployModel(call: MethodCall): HttpResult {
  const { state, request, endpoint, endpointName, location } = openEndpoint(call);
  const asked = request.deployedModel as JsonObject;
  if (!asked.model) throw invalidFields([{ field: 'deployed_model.model', description: 'Required field is not set.' }]);
  const version = resolveVersion(state, String(asked.model), 'deployed_model.model');
  const model = String(version.data.name);
  if (!model.startsWith(`${location}/`)) {
    throw invalidFields([{ field: 'deployed_model.model', description: `Model \`${model}\` must be in the same location as Endpoint \`${endpointName}\`.` }]);
  }
  const { violations, dedicated } = checkDeployedResources(location.split('/')[3], version.data, asked);
  if (violations.length) throw invalidFields(violations);
  const id = asked.id ? String(asked.id) : state.ids.next();
  if (deployedOf(endpoint).some((d) => d.id === id)) throw invalidFields([{ field: 'deployed_model.id', description: `DeployedModel ${id} already exists in the Endpoint.` }]);
  const requestedSplit = (request.trafficSplit as TrafficSplit | undefined) ?? {};
  splitAfterDeploy(splitOf(endpoint), requestedSplit, deployedOf(endpoint).map((d) => String(d.id)), id);
  const { model: _model, modelVersionId: _version, createTime: _created, dedicatedResources: _dedicated, ...rest } = asked;
  void [_model, _version, _created, _dedicated];
  const deployed: JsonObject = {
    ...rest,
    id,
    model,
    modelVersionId: String(version.data.versionId),
    displayName: asked.displayName ?? version.data.displayName,
    ...(dedicated ? { dedicatedResources: dedicated } : {}),
  };
  const demand = deployedDemand(deployed);
  assertQuota(state, location, 'serving', demand);
  const result = maybeOperation(call, endpointName, () => {
    const current = endpointFor(call, endpointName, 'endpoint');
    const ids = deployedOf(current).map((d) => String(d.id));
    const split = splitAfterDeploy(splitOf(current), requestedSplit, ids, id);
    const now = timestamp(state.now());
    const placed = { ...deployed, createTime: now };
    save(state, current, { deployedModels: [...deployedOf(current), placed], trafficSplit: split });
    link(state, placed, endpointName, 'add');
    return { response: { deployedModel: placed } };
  }, 'google.longrunning.Operation');
  const operation = (result.body as JsonObject).name;
  if (demand.size && typeof operation === 'string') computeOf(state).reservations.set(operation, { location, demand });
  return result;
}

function undeployModel(call: MethodCall): HttpResult {
  const { state, request, endpoint, endpointName } = openEndpoint(call);
  const id = String(request.deployedModelId);
  if (!deployedOf(endpoint).some((d) => d.id === id)) {
    throw new ApiError('NOT_FOUND', `DeployedModel with ID \`${id}\` not found in Endpoint \`${endpointName}\`.`);
  }
  const requestedSplit = (request.trafficSplit as TrafficSplit | undefined) ?? {};
  splitAfterUndeploy(splitOf(endpoint), requestedSplit, deployedOf(endpoint).map((d) => String(d.id)), id);
  return maybeOperation(call, endpointName, () => {
    const current = endpointFor(call, endpointName, 'endpoint');
    const deployed = deployedOf(current);
    const removed = deployed.find((d) => d.id === id);
    if (!removed) throw new ApiError('NOT_FOUND', `DeployedModel with ID \`${id}\` not found in Endpoint \`${endpointName}\`.`);
    const split = splitAfterUndeploy(splitOf(current), requestedSplit, deployed.map((d) => String(d.id)), id);
    save(state, current, { deployedModels: deployed.filter((d) => d !== removed), trafficSplit: split });
    link(state, removed, endpointName, 'remove');
    return { response: {} };
  }, 'google.longrunning.Operation');
}

function mutateDeployedModel(call: MethodCall): HttpResult {
  const { state, request, endpoint, endpointName, location } = openEndpoint(call);
  const patch = request.deployedModel as JsonObject;
  const id = String(patch.id ?? '');
  const existing = deployedOf(endpoint).find((d) => d.id === id);
  if (!existing) throw new ApiError('NOT_FOUND', `DeployedModel with ID \`${id}\` not found in Endpoint \`${endpointName}\`.`);
  const paths = String(request.updateMask ?? '').split(',').map((p) => p.trim()).filter(Boolean);
  const bad = paths.filter((p) => !MUTABLE_PATHS.has(p));
  if (bad.length) throw invalidFields(bad.map((p) => ({ field: 'update_mask', description: `Field \`${p}\` of DeployedModel cannot be mutated.` })));
  const updated = structuredClone(existing);
  for (const path of paths) {
    const [head, leaf] = path.split('.').map(camelCase);
    if (!leaf) updated[head] = patch[head];
    else updated[head] = { ...((updated[head] as JsonObject | undefined) ?? {}), [leaf]: (patch[head] as JsonObject | undefined)?.[leaf] };
  }
  if (updated.dedicatedResources) {
    const { violations, dedicated } = checkDedicated(location.split('/')[3], updated.dedicatedResources as JsonObject, 'deployed_model.dedicated_resources');
    if (violations.length) throw invalidFields(violations);
    updated.dedicatedResources = dedicated;
  }
  // Only the replicas added on top of the current deployment need quota.
  const extra = deployedDemand(updated);
  for (const [accelerator, count] of deployedDemand(existing)) extra.set(accelerator, (extra.get(accelerator) ?? 0) - count);
  assertQuota(state, location, 'serving', extra);
  return maybeOperation(call, endpointName, () => {
    const current = endpointFor(call, endpointName, 'endpoint');
    const deployed = deployedOf(current).map((d) => (d.id === id ? { ...updated } : d));
    save(state, current, { deployedModels: deployed });
    return { response: { deployedModel: updated } };
  }, 'google.longrunning.Operation');
}

function updateEndpoint(call: MethodCall): HttpResult | Promise<HttpResult> {
  const patch = (call.request.endpoint as JsonObject | undefined) ?? {};
  const endpoint = endpointFor(call, String(patch.name), 'endpoint.name');
  const mask = typeof call.request.updateMask === 'string' ? call.request.updateMask : undefined;
  const touchesSplit = mask ? mask.split(',').some((p) => p.trim() === 'traffic_split' || p.trim() === 'trafficSplit') : patch.trafficSplit !== undefined;
  if (touchesSplit) {
    assertSplit((patch.trafficSplit as TrafficSplit | undefined) ?? {}, deployedOf(endpoint).map((d) => String(d.id)), 'endpoint.traffic_split');
  }
  return delegate(call);
}

function delegate(call: MethodCall): HttpResult | Promise<HttpResult> {
  const generic = genericHandler(call.route);
  if (!generic) throw new ApiError('INTERNAL', `No handler for ${call.route.method.fullName}.`);
  return generic(call);
}

function endpointFor(call: MethodCall, requested: string, field: string): StoredResource {
  const name = call.state.names.canonical(requested, field);
  const found = call.state.store.get(name);
  if (!found) throw notFound('Endpoint', name);
  return found;
}

function deployedOf(endpoint: StoredResource): JsonObject[] {
  return (endpoint.data.deployedModels as JsonObject[] | undefined) ?? [];
}

function splitOf(endpoint: StoredResource): TrafficSplit {
  return (endpoint.data.trafficSplit as TrafficSplit | undefined) ?? {};
}

function save(state: EmulatorState, endpoint: StoredResource, changes: JsonObject): void {
  const data: JsonObject = { ...endpoint.data, ...changes, updateTime: timestamp(state.now()) };
  data.etag = etagOf(data);
  endpoint.data = data;
}

function resolveVersion(state: EmulatorState, requested: string, field: string): StoredResource {
  const { name, version } = findVersion(state, requested, field);
  if (!version) throw notFound('Model', name);
  return version;
}

/** Keeps Model.deployed_models in step, which is what DeleteModel(Version) checks. */
function link(state: EmulatorState, deployed: JsonObject, endpoint: string, change: 'add' | 'remove'): void {
  const version = state.store.get(`${String(deployed.model)}@${String(deployed.modelVersionId)}`);
  if (!version) return;
  const refs = ((version.data.deployedModels as JsonObject[] | undefined) ?? []).filter((r) => !(r.endpoint === endpoint && r.deployedModelId === deployed.id));
  if (change === 'add') refs.push({ endpoint, deployedModelId: deployed.id });
  version.data = { ...version.data, deployedModels: refs };
}
