// UploadModel and CopyModel: both add a version, either as a new model (which gets the
// `default` alias, as Vertex gives a model's first version) or as the next version of
// `parent_model` (no alias unless asked). Both are operations answering
// {model, modelVersionId}; CopyModel is how a version reaches another region.
import type { EmulatorState, HttpResult, MethodCall } from '../context';
import { timestamp } from '../timestamp';
import { alreadyExists, invalidFields, notFound } from '../googleError';
import type { JsonObject } from '../wireCodec';
import { maybeOperation } from './generic';
import { findVersion, versionsOf } from './modelVersions';
import { assertRequired, etagOf } from './resourceFields';

const OUTPUT_ONLY = ['name', 'originalModelInfo', 'versionId', 'versionCreateTime', 'versionUpdateTime', 'createTime', 'updateTime', 'etag', 'deployedModels', 'modelSourceInfo'];

export function uploadModel(call: MethodCall): HttpResult {
  const { state, request } = call;
  assertRequired(state.schema, call.route.method.requestType, request, '');
  const parent = state.names.canonical(String(request.parent), 'parent');
  const asked = (request.model as JsonObject | undefined) ?? {};
  if (!asked.displayName) throw invalidFields([{ field: 'model.display_name', description: 'Required field is not set.' }]);
  const target = destination(state, parent, request, 'parent_model');
  const data = withoutOutputOnly(asked);
  return addVersion(call, target, data, { sourceType: 'CUSTOM' });
}

export function copyModel(call: MethodCall): HttpResult {
  const { state, request } = call;
  assertRequired(state.schema, call.route.method.requestType, request, '');
  const parent = state.names.canonical(String(request.parent), 'parent');
  const { name, version } = findVersion(state, String(request.sourceModel), 'source_model');
  if (!version) throw notFound('Model', name);
  const target = destination(state, parent, request, 'parent_model');
  const data = withoutOutputOnly(version.data);
  data.versionAliases = [];
  data.originalModelInfo = { model: `${String(version.data.name)}@${String(version.data.versionId)}` };
  const original = (version.data.modelSourceInfo as JsonObject | undefined) ?? { sourceType: 'CUSTOM' };
  return addVersion(call, target, data, { ...original, copy: true });
}

interface Destination {
  model: string;
  isNew: boolean;
}

function destination(state: EmulatorState, parent: string, request: JsonObject, parentField: string): Destination {
  if (request.parentModel) {
    const model = state.names.canonical(String(request.parentModel), parentField).split('@')[0];
    if (!model.startsWith(`${parent}/`)) {
      throw invalidFields([{ field: parentField, description: `Parent model \`${model}\` must be in location \`${parent}\`.` }]);
    }
    if (!versionsOf(state, model).length) throw notFound('Model', model);
    return { model, isNew: false };
  }
  const model = `${parent}/models/${request.modelId ? String(request.modelId) : state.ids.next()}`;
  if (versionsOf(state, model).length) throw alreadyExists('Model', model);
  return { model, isNew: true };
}

function addVersion(call: MethodCall, target: Destination, data: JsonObject, source: JsonObject): HttpResult {
  const { state } = call;
  const existing = versionsOf(state, target.model);
  const versionId = String(existing.reduce((n, v) => Math.max(n, Number(v.data.versionId)), 0) + 1);
  const aliases = ((data.versionAliases as string[] | undefined) ?? []).filter((a) => a !== 'default');
  return maybeOperation(call, target.model, () => {
    const now = timestamp(state.now());
    const first = versionsOf(state, target.model)[0]?.data;
    const version: JsonObject = {
      ...data,
      name: target.model,
      versionId,
      versionAliases: target.isNew ? ['default', ...aliases] : aliases,
      modelSourceInfo: source,
      createTime: first?.createTime ?? now,
      updateTime: now,
      versionCreateTime: now,
      versionUpdateTime: now,
    };
    version.etag = etagOf(version);
    // An alias names one version: a new version that claims one takes it over.
    for (const other of versionsOf(state, target.model)) {
      const kept = ((other.data.versionAliases as string[] | undefined) ?? []).filter((a) => !aliases.includes(a));
      other.data = { ...other.data, versionAliases: kept };
    }
    state.store.put(`${target.model}@${versionId}`, `google.cloud.aiplatform.${call.route.method.version}.Model`, version);
    return { response: { model: target.model, modelVersionId: versionId } };
  }, 'google.longrunning.Operation');
}

function withoutOutputOnly(model: JsonObject): JsonObject {
  const data: JsonObject = { ...model };
  for (const key of OUTPUT_ONLY) delete data[key];
  return data;
}
