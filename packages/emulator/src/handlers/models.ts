// Model Registry versions. Vertex keeps one Model per version: "models/123" means the
// version aliased "default", "models/123@2" version 2, "models/123@prod" the version
// aliased "prod"; ListModels shows each model once (its default version). Versions are
// stored as "…/models/123@2" entries whose data carries the plain name.
import type { HttpResult, MethodCall, MethodHandler } from '../context';
import { timestamp } from '../timestamp';
import { failedPrecondition, invalidFields, notFound } from '../googleError';
import type { StoredResource } from '../store';
import type { JsonObject } from '../wireCodec';
import { kindFor, listResponse, maybeOperation, respond } from './generic';
import { applyUpdate, stampUpdated } from './resourceFields';
import { copyModel, uploadModel } from './modelsUpload';
import { aliases, findVersion, versionsOf } from './modelVersions';

const ALIAS = /^[a-z][a-zA-Z0-9-]{0,126}[a-z0-9]$/;

export const modelHandlers: Record<string, MethodHandler> = {
  'ModelService.ListModels': (call) => {
    const parent = call.state.names.canonical(String(call.request.parent), 'parent');
    const defaults = call.state.store.list(parent, 'models').filter((r) => aliases(r).includes('default'));
    return listResponse(call, defaults, `models:${parent}`);
  },
  'ModelService.GetModel': (call) => respond(call, call.route.method.responseType, resolveVersion(call, String(call.request.name)).data),
  'ModelService.ListModelVersions': (call) => {
    const model = baseName(call.state.names.canonical(String(call.request.name), 'name'));
    const versions = versionsOf(call.state, model);
    if (!versions.length) throw notFound('Model', model);
    return listResponse(call, versions, `versions:${model}`);
  },
  'ModelService.UpdateModel': (call) => {
    const { state, request } = call;
    const patch = (request.model as JsonObject | undefined) ?? {};
    const version = resolveVersion(call, String(patch.name), 'model.name');
    const typeName = modelType(call);
    const mask = typeof request.updateMask === 'string' ? request.updateMask : undefined;
    const { versionAliases: _aliases, ...rest } = patch;
    void _aliases; // aliases move only through MergeVersionAliases, which keeps them unique
    const updated = stampUpdated(state.schema, typeName, applyUpdate(state.schema, typeName, version.data, rest, mask), timestamp(state.now()));
    updated.versionAliases = version.data.versionAliases;
    version.data = updated;
    return respond(call, typeName, updated);
  },
  'ModelService.DeleteModel': (call) => {
    const { state } = call;
    const model = baseName(state.names.canonical(String(call.request.name), 'name'));
    const versions = versionsOf(state, model);
    if (!versions.length) throw notFound('Model', model);
    if (versions.some(isDeployed)) {
      throw failedPrecondition(`Model \`${model}\` has versions deployed to endpoints. Undeploy them before deleting the model.`);
    }
    return maybeOperation(call, model, () => {
      for (const v of versions) state.store.delete(`${model}@${String(v.data.versionId)}`);
      return { response: {} };
    }, 'google.protobuf.Empty');
  },
  'ModelService.DeleteModelVersion': (call) => {
    const { state } = call;
    const requested = String(call.request.name);
    if (!requested.includes('@')) {
      const { model } = findVersion(state, requested);
      if (!versionsOf(state, model).length) throw notFound('Model', model); // a missing model first, as for any name
      throw invalidFields([{ field: 'name', description: 'The name must identify a version, e.g. models/123@2.' }]);
    }
    const version = resolveVersion(call, requested);
    const model = String(version.data.name);
    if (aliases(version).includes('default')) {
      throw failedPrecondition(`Version ${String(version.data.versionId)} of \`${model}\` is the default version and cannot be deleted.`);
    }
    if (isDeployed(version)) {
      const endpoints = ((version.data.deployedModels as JsonObject[] | undefined) ?? []).map((d) => `\`${String(d.endpoint)}\``);
      throw failedPrecondition(`Version ${String(version.data.versionId)} of \`${model}\` is deployed to ${endpoints.join(', ')}. Undeploy it before deleting the version.`);
    }
    return maybeOperation(call, model, () => {
      state.store.delete(`${model}@${String(version.data.versionId)}`);
      return { response: {} };
    }, 'google.protobuf.Empty');
  },
  'ModelService.MergeVersionAliases': (call) => mergeVersionAliases(call),
  'ModelService.UploadModel': uploadModel,
  'ModelService.CopyModel': copyModel,
};

function mergeVersionAliases(call: MethodCall): HttpResult {
  const { state } = call;
  const version = resolveVersion(call, String(call.request.name));
  const model = String(version.data.name);
  const requested = (call.request.versionAliases as string[] | undefined) ?? [];
  const bad = requested.filter((a) => !ALIAS.test(a.replace(/^-/, '')) || (a.startsWith('-') && a === '-default'));
  if (bad.length) {
    throw invalidFields(bad.map((a) => ({ field: 'version_aliases', description: a === '-default' ? 'The default alias cannot be removed; move it to another version instead.' : `Invalid version alias \`${a}\`.` })));
  }
  const now = timestamp(state.now());
  let mine = aliases(version);
  for (const alias of requested) {
    if (alias.startsWith('-')) {
      mine = mine.filter((a) => a !== alias.slice(1));
      continue;
    }
    // An alias names one version: adding it here takes it from its previous holder.
    for (const other of versionsOf(state, model)) {
      if (other !== version && aliases(other).includes(alias)) {
        other.data = { ...other.data, versionAliases: aliases(other).filter((a) => a !== alias), versionUpdateTime: now };
      }
    }
    if (!mine.includes(alias)) mine = [...mine, alias];
  }
  version.data = { ...version.data, versionAliases: mine, versionUpdateTime: now, updateTime: now };
  return respond(call, modelType(call), version.data);
}

function resolveVersion(call: MethodCall, requested: string, field = 'name'): StoredResource {
  const { name, model, version } = findVersion(call.state, requested, field);
  if (!version) throw notFound(kindFor(call.state, call.route.method, model), name);
  return version;
}

function baseName(name: string): string {
  return name.split('@')[0];
}

function isDeployed(resource: StoredResource): boolean {
  return ((resource.data.deployedModels as unknown[] | undefined) ?? []).length > 0;
}

function modelType(call: MethodCall): string {
  return `google.cloud.aiplatform.${call.route.method.version}.Model`;
}
