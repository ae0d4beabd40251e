// Builds the request message of a proto route the way Google's HTTP transcoding does:
// path variables, then the body (the whole request for body "*", else the named
// field), then query parameters for the remaining fields. Unknown body fields and
// unbindable query parameters are INVALID_ARGUMENT with a BadRequest detail.
import { invalidPayload, type FieldViolation } from './googleError';
import { camelCase, type FieldInfo, type ProtoSchema } from './protoSchema';
import type { ProtoRoute } from './routes';
import type { JsonObject, WireCodec } from './wireCodec';

/** Standard system parameters every Google API accepts on any method. */
const SYSTEM_PARAMS = new Set([
  '$alt', 'alt', '$prettyPrint', 'prettyPrint', 'key', 'fields', '$fields', 'access_token',
  'quotaUser', '$callback', 'callback', 'upload_protocol', 'uploadType', '$.xgafv', 'oauth_token',
]);
/** Message types that bind from a single query string. */
const STRING_MESSAGES = new Set([
  'google.protobuf.FieldMask', 'google.protobuf.Timestamp', 'google.protobuf.Duration',
  'google.protobuf.Int64Value', 'google.protobuf.Int32Value', 'google.protobuf.StringValue',
  'google.protobuf.BoolValue', 'google.protobuf.DoubleValue', 'google.protobuf.FloatValue',
  'google.protobuf.UInt32Value', 'google.protobuf.UInt64Value',
]);

export function buildRequest(
  schema: ProtoSchema,
  codec: WireCodec,
  route: ProtoRoute,
  vars: Record<string, string>,
  query: URLSearchParams,
  body: unknown,
): JsonObject {
  const violations: FieldViolation[] = [];
  const requestType = route.method.requestType;
  let request: JsonObject = {};
  const bodyField = route.rule.body;
  if (bodyField === '*') {
    request = (codec.decode(requestType, body ?? {}, '', violations) as JsonObject | undefined) ?? {};
  } else if (bodyField) {
    const field = schema.message(requestType)?.fields.get(camelCase(bodyField));
    if (field && body !== undefined) {
      const decoded = codec.decodeField(field, body, bodyField, violations);
      if (decoded !== undefined) request[field.name] = decoded;
    }
  }
  for (const [path, value] of Object.entries(vars)) setPath(request, path.split('.'), value);
  for (const key of new Set(query.keys())) {
    if (SYSTEM_PARAMS.has(key)) continue;
    bindQuery(schema, codec, request, requestType, key, query.getAll(key), violations);
  }
  if (violations.length) throw invalidPayload(violations);
  return request;
}

function bindQuery(
  schema: ProtoSchema,
  codec: WireCodec,
  request: JsonObject,
  requestType: string,
  key: string,
  values: string[],
  violations: FieldViolation[],
): void {
  const parts = key.split('.').map(camelCase);
  let type = requestType;
  let field: FieldInfo | undefined;
  for (const [i, part] of parts.entries()) {
    field = schema.message(type)?.fields.get(part);
    if (!field || (i < parts.length - 1 && (field.kind !== 'message' || field.repeated || field.map))) {
      violations.push({
        description: `Invalid JSON payload received. Unknown name "${key}": Cannot bind query parameter. Field '${key}' could not be found in request message.`,
      });
      return;
    }
    type = field.type;
  }
  if (!field) return;
  if (field.map || (field.kind === 'message' && !STRING_MESSAGES.has(field.type))) {
    violations.push({
      description: `Invalid JSON payload received. Unknown name "${key}": Cannot bind query parameter. '${key}' is a message type. Parameters can only be bound to primitive types.`,
    });
    return;
  }
  const single: FieldInfo = { ...field, repeated: false };
  const decoded = values.map((v) => codec.decodeField(single, v, key, violations));
  setPath(request, parts, field.repeated ? decoded : decoded[decoded.length - 1]);
}

export function setPath(target: JsonObject, path: string[], value: unknown): void {
  let node = target;
  for (const part of path.slice(0, -1)) {
    const next = node[part];
    if (next === null || typeof next !== 'object') node[part] = {};
    node = node[part] as JsonObject;
  }
  node[path[path.length - 1]] = value;
}
