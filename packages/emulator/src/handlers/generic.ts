// Standard methods (AIP-131..135 plus Cancel) handled generically, by method shape:
// the verb, the template's variables and trailing collection, and operation_info.
// Any Vertex resource with standard methods works without code of its own.
import type { EmulatorState, HttpResult, MethodCall, MethodHandler } from '../context';
import { timestamp } from '../timestamp';
import { failedPrecondition, notFound, alreadyExists, invalidFields } from '../googleError';
import { matchesFilter, paginate, parseFilter, sortBy, type ListParams } from '../listQuery';
import { encodeOperation, type OperationOutcome } from '../operations';
import { camelCase, snakeCase, type MethodInfo } from '../protoSchema';
import type { ProtoRoute } from '../routes';
import type { StoredResource } from '../store';
import type { JsonObject } from '../wireCodec';
import { isTerminalJobState } from '@vertex-genai-ops/catalog/jobStates';
import { applyReadMask, applyUpdate, assertRequired, stampCreated, stampUpdated, stripOutputOnly } from './resourceFields';

/** The generic handler for a route, or undefined when the method is not a standard one. */
export function genericHandler(route: ProtoRoute): MethodHandler | undefined {
  const { method, verb, template } = route;
  const vars = template.variables;
  const collection = /\}\/([A-Za-z]+)$/.exec(route.rule.template)?.[1];
  const only = (name: string) => vars.length === 1 && vars[0] === name;
  if (method.name.startsWith('List') && verb === 'GET' && only('parent') && collection) return (c) => listMethod(c, collection);
  if (method.name.startsWith('Get') && verb === 'GET' && only('name') && !template.verb) return getMethod;
  if (method.name.startsWith('Create') && verb === 'POST' && only('parent') && collection && route.rule.body && route.rule.body !== '*') {
    return (c) => createMethod(c, collection);
  }
  if (method.name.startsWith('Delete') && verb === 'DELETE' && only('name') && !template.verb) return deleteMethod;
  if (method.name.startsWith('Update') && vars.length === 1 && vars[0].endsWith('.name') && route.rule.body) return updateMethod;
  if (method.name.startsWith('Cancel') && verb === 'POST' && template.verb === 'cancel' && only('name')) return cancelMethod;
  return undefined;
}

/** Filters, sorts and pages stored resources into a List response. */
export function listResponse(call: MethodCall, resources: StoredResource[], scope: string, rename?: (data: JsonObject) => JsonObject): HttpResult {
  const { state, route, request, enumsAsInt } = call;
  const responseType = state.schema.message(route.method.responseType);
  const listField = [...(responseType?.fields.values() ?? [])].find((f) => f.repeated && f.kind === 'message');
  const itemType = listField?.type ?? '';
  const params = request as ListParams;
  const terms = parseFilter(params.filter);
  const matching = resources.filter((r) => matchesFilter(r.data, terms, itemType, state.schema));
  const sorted = sortBy(matching, params.orderBy, (r) => r.data);
  const page = paginate(sorted, params, scope);
  const body: JsonObject = {};
  if (listField && page.items.length) {
    body[listField.name] = page.items.map((r) =>
      applyReadMask(state.codec.encode(itemType, rename ? rename(r.data) : r.data, enumsAsInt), request.readMask),
    );
  }
  if (page.nextPageToken) body.nextPageToken = page.nextPageToken;
  return { body };
}

export function respond(call: MethodCall, typeName: string, data: JsonObject): HttpResult {
  return { body: call.state.codec.encode(typeName, data, call.enumsAsInt) };
}

/** Starts the LRO for `method`, or applies the work now when the method is not an LRO. */
export function maybeOperation(call: MethodCall, resourceName: string, run: () => OperationOutcome, plainType: string): HttpResult {
  const { state, route, enumsAsInt } = call;
  const lro = route.method.lro;
  if (!lro) {
    const outcome = run();
    if ('error' in outcome) throw outcome.error;
    return respond(call, plainType, outcome.response);
  }
  const op = state.operations.start({ parent: resourceName, metadataType: lro.metadataType, responseType: lro.responseType, run });
  return { body: encodeOperation(state.codec, op, enumsAsInt) };
}

/**
 * Parents below a location must exist: listing children of a missing dataset is NOT_FOUND.
 * So must express-mode parents of a kind the API can Get ("datasets/1"); "publishers/google" always does.
 */
export function assertParentExists(state: EmulatorState, parent: string): void {
  const located = parent.startsWith('projects/');
  if ((located ? parent.split('/').length <= 4 : !state.names.kindOf(parent)) || state.store.exists(parent)) return;
  throw notFound(state.names.kindOf(parent)?.kind ?? 'Resource', parent);
}

export function kindFor(state: EmulatorState, method: MethodInfo, name: string): string {
  return state.names.kindOf(name)?.kind ?? method.name.replace(/^(Get|Delete|Update|Cancel)/, '');
}

function listMethod(call: MethodCall, collection: string): HttpResult {
  const parent = call.state.names.canonical(String(call.request.parent), 'parent');
  assertParentExists(call.state, parent);
  return listResponse(call, call.state.store.list(parent, collection), `${collection}:${parent}`);
}

function getMethod(call: MethodCall): HttpResult {
  const { state, route, request } = call;
  const name = state.names.canonical(String(request.name), 'name');
  const found = state.store.get(name);
  if (!found) throw notFound(kindFor(state, route.method, name), name);
  return respond(call, route.method.responseType, found.data);
}

function createMethod(call: MethodCall, collection: string): HttpResult {
  const { state, route, request } = call;
  const parent = state.names.canonical(String(request.parent), 'parent');
  assertParentExists(state, parent);
  const bodyField = camelCase(route.rule.body ?? '');
  const requestMessage = state.schema.message(route.method.requestType);
  const resourceType = requestMessage?.fields.get(bodyField)?.type ?? '';
  const body = (request[bodyField] as JsonObject | undefined) ?? {};
  assertRequired(state.schema, resourceType, body, route.rule.body ?? '');
  // "<body field>_id" (endpoint_id, feature_group_id…) when the API lets callers pick the id.
  const idField = requestMessage?.fields.get(`${bodyField}Id`);
  const requestedId = idField ? (request[idField.name] as string | undefined) : undefined;
  const id = requestedId || state.ids.next();
  const name = state.names.canonical(`${parent}/${collection}/${id}`, idField ? snakeCase(idField.name) : 'name');
  const kind = resourceType.slice(resourceType.lastIndexOf('.') + 1);
  if (state.store.exists(name)) throw alreadyExists(kind, name);
  const data = stampCreated(state.schema, resourceType, stripOutputOnly(state.schema, resourceType, body), name, timestamp(state.now()));
  return maybeOperation(
    call,
    name,
    () => {
      state.store.put(name, resourceType, data);
      return { response: data };
    },
    resourceType,
  );
}

function deleteMethod(call: MethodCall): HttpResult {
  const { state, route, request } = call;
  const name = state.names.canonical(String(request.name), 'name');
  if (!state.store.get(name)) throw notFound(kindFor(state, route.method, name), name);
  return maybeOperation(
    call,
    name,
    () => {
      state.store.delete(name);
      for (const [child] of [...state.store.under(name)]) state.store.delete(child);
      return { response: {} };
    },
    'google.protobuf.Empty',
  );
}

function updateMethod(call: MethodCall): HttpResult {
  const { state, route, request } = call;
  const [bodyField] = route.template.variables[0].split('.');
  const patch = (request[bodyField] as JsonObject | undefined) ?? {};
  const name = state.names.canonical(String(patch.name), `${snakeCase(bodyField)}.name`);
  const found = state.store.get(name);
  if (!found) throw notFound(kindFor(state, route.method, name), name);
  const resourceType = state.schema.message(route.method.requestType)?.fields.get(bodyField)?.type ?? found.typeName;
  const mask = typeof request.updateMask === 'string' ? request.updateMask : undefined;
  const updated = stampUpdated(state.schema, resourceType, applyUpdate(state.schema, resourceType, found.data, patch, mask), timestamp(state.now()));
  return maybeOperation(
    call,
    name,
    () => {
      state.store.put(name, found.typeName, updated);
      return { response: updated };
    },
    resourceType,
  );
}

function cancelMethod(call: MethodCall): HttpResult {
  const { state, route, request } = call;
  const name = state.names.canonical(String(request.name), 'name');
  const found = state.store.get(name);
  const kind = kindFor(state, route.method, name);
  if (!found) throw notFound(kind, name);
  const current = String(found.data.state ?? '');
  if (isTerminalJobState(current)) {
    throw failedPrecondition(`${kind} \`${name}\` is in state ${current} and cannot be cancelled.`);
  }
  if (!current.startsWith('JOB_STATE_')) throw invalidFields([{ field: 'name', description: `${kind} cannot be cancelled.` }]);
  const now = timestamp(state.now());
  found.data = { ...found.data, state: 'JOB_STATE_CANCELLED', endTime: now, updateTime: now, error: { code: 1, message: 'CANCELED' } };
  state.store.put(name, found.typeName, found.data);
  return { body: {} };
}
