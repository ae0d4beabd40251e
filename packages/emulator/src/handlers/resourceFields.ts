// Field-level rules read from the protos: REQUIRED fields, OUTPUT_ONLY fields the
// server owns, update masks and read masks. Shared by the generic and special handlers.
import { createHash } from 'node:crypto';
import { invalidFields, type FieldViolation } from '../googleError';
import { camelCase, snakeCase, type ProtoSchema } from '../protoSchema';
import type { JsonObject } from '../wireCodec';

/** Missing REQUIRED fields, recursing into sub-messages that are present. */
export function missingRequired(schema: ProtoSchema, typeName: string, data: JsonObject, path: string): FieldViolation[] {
  const message = schema.message(typeName);
  if (!message) return [];
  const out: FieldViolation[] = [];
  for (const field of message.fields.values()) {
    const value = data[field.name];
    const fieldPath = path ? `${path}.${snakeCase(field.name)}` : snakeCase(field.name);
    if (field.behavior === 'REQUIRED' && isUnset(value)) {
      out.push({ field: fieldPath, description: 'Required field is not set.' });
      continue;
    }
    if (field.kind !== 'message' || field.map || value === undefined || field.type.startsWith('google.protobuf.')) continue;
    const items = field.repeated && Array.isArray(value) ? value : [value];
    items.forEach((item, i) => {
      if (item && typeof item === 'object') {
        out.push(...missingRequired(schema, field.type, item as JsonObject, field.repeated ? `${fieldPath}[${i}]` : fieldPath));
      }
    });
  }
  return out;
}

export function assertRequired(schema: ProtoSchema, typeName: string, data: JsonObject, path: string): void {
  const violations = missingRequired(schema, typeName, data, path);
  if (violations.length) throw invalidFields(violations);
}

/** Google silently ignores OUTPUT_ONLY fields sent by clients. */
export function stripOutputOnly(schema: ProtoSchema, typeName: string, data: JsonObject): JsonObject {
  const message = schema.message(typeName);
  if (!message) return data;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(data)) {
    if (message.fields.get(key)?.behavior !== 'OUTPUT_ONLY') out[key] = value;
  }
  return out;
}

/** Fields the server fills on create: name, times, etag, initial job state. */
export function stampCreated(schema: ProtoSchema, typeName: string, data: JsonObject, name: string, now: string): JsonObject {
  const fields = schema.message(typeName)?.fields;
  const out: JsonObject = { name, ...data };
  out.name = name;
  if (fields?.has('createTime')) out.createTime = now;
  if (fields?.has('updateTime')) out.updateTime = now;
  const state = fields?.get('state');
  if (state?.kind === 'enum' && state.type.endsWith('.JobState')) out.state = 'JOB_STATE_PENDING';
  if (fields?.has('etag')) out.etag = etagOf(out);
  return out;
}

export function stampUpdated(schema: ProtoSchema, typeName: string, data: JsonObject, now: string): JsonObject {
  const fields = schema.message(typeName)?.fields;
  const out: JsonObject = { ...data };
  if (fields?.has('updateTime')) out.updateTime = now;
  if (fields?.has('etag')) out.etag = etagOf(out);
  return out;
}

/** Opaque etag in the style Vertex returns ("AMEw9yN…"). */
export function etagOf(data: JsonObject): string {
  const { etag: _etag, ...rest } = data;
  void _etag;
  return `AMEw9y${createHash('sha256').update(JSON.stringify(rest)).digest('base64url').slice(0, 40)}`;
}

/**
 * Applies an update: `mask` is the FieldMask string ("displayName,labels"); without a
 * mask every field present in the patch replaces the stored one. Paths must name
 * fields of the resource.
 */
export function applyUpdate(schema: ProtoSchema, typeName: string, current: JsonObject, patch: JsonObject, mask: string | undefined): JsonObject {
  const message = schema.message(typeName);
  const paths = mask?.trim() ? mask.split(',').map((p) => p.trim().split('.').map(camelCase)) : Object.keys(patch).map((k) => [k]);
  const bad = paths.filter((p) => !message?.fields.has(p[0]));
  if (bad.length) {
    throw invalidFields(bad.map((p) => ({ field: 'update_mask', description: `Update mask path \`${p.map(snakeCase).join('.')}\` is not a field of ${message?.shortName ?? typeName}.` })));
  }
  const out = structuredClone(current);
  for (const path of paths) {
    const behavior = message?.fields.get(path[0])?.behavior;
    if (behavior === 'OUTPUT_ONLY' || behavior === 'IMMUTABLE' || path[0] === 'name') continue;
    const value = valueAtPath(patch, path);
    const parent = path.slice(0, -1).reduce<JsonObject>((node, part) => {
      if (!node[part] || typeof node[part] !== 'object') node[part] = {};
      return node[part] as JsonObject;
    }, out);
    const leaf = path[path.length - 1];
    if (value === undefined) delete parent[leaf];
    else parent[leaf] = structuredClone(value);
  }
  return out;
}

/** read_mask: keep only the named top-level fields. */
export function applyReadMask(data: unknown, mask: unknown): unknown {
  if (typeof mask !== 'string' || !mask.trim() || !data || typeof data !== 'object') return data;
  const keep = new Set(mask.split(',').map((p) => camelCase(p.trim().split('.')[0])));
  return Object.fromEntries(Object.entries(data as JsonObject).filter(([key]) => keep.has(key)));
}

function valueAtPath(data: JsonObject, path: string[]): unknown {
  let node: unknown = data;
  for (const part of path) {
    if (!node || typeof node !== 'object') return undefined;
    node = (node as JsonObject)[part];
  }
  return node;
}

function isUnset(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}
