// proto3 JSON as Google serves it, driven by the schema. Resources are stored in one
// canonical form (camelCase, enums as names, int64 as strings, RFC 3339 timestamps);
// decodeMessage brings request JSON to that form and reports Google's validation
// errors, encodeMessage renders it with enums as names or numbers per request.
import type { FieldViolation } from './googleError';
import { INT64_SCALARS, camelCase, snakeCase, type FieldInfo, type ProtoSchema } from './protoSchema';

export type JsonObject = Record<string, unknown>;

const WRAPPERS: Record<string, string> = {
  'google.protobuf.DoubleValue': 'double',
  'google.protobuf.FloatValue': 'float',
  'google.protobuf.Int64Value': 'int64',
  'google.protobuf.UInt64Value': 'uint64',
  'google.protobuf.Int32Value': 'int32',
  'google.protobuf.UInt32Value': 'uint32',
  'google.protobuf.BoolValue': 'bool',
  'google.protobuf.StringValue': 'string',
  'google.protobuf.BytesValue': 'bytes',
};
/** Types whose JSON is free-form or a string: no field-level checks. */
const OPAQUE = new Set(['google.protobuf.Struct', 'google.protobuf.Value', 'google.protobuf.ListValue']);
/** In an Any, these keep their JSON under "value" instead of inline. */
const ANY_VALUE_WRAPPED = new Set([
  'google.protobuf.Duration', 'google.protobuf.FieldMask', 'google.protobuf.Timestamp',
  'google.protobuf.Struct', 'google.protobuf.Value', 'google.protobuf.ListValue', 'google.protobuf.Any',
]);
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
const DURATION = /^-?\d+(\.\d{1,9})?s$/;

export class WireCodec {
  constructor(private readonly schema: ProtoSchema) {}

  /**
   * Validates and normalizes request JSON for `typeName`. `path` is the snake_case
   * location used in messages ("endpoint", "endpoint.deployed_models[0]", "" for the root).
   */
  decode(typeName: string, value: unknown, path: string, violations: FieldViolation[]): unknown {
    if (value === null || value === undefined) return undefined;
    const special = this.decodeSpecial(typeName, value, path, violations);
    if (special.handled) return special.value;
    const message = this.schema.message(typeName);
    if (!message) return value;
    if (typeof value !== 'object' || Array.isArray(value)) {
      violations.push(invalidValue(path, `type.googleapis.com/${typeName}`, value));
      return undefined;
    }
    const out: JsonObject = {};
    for (const [key, raw] of Object.entries(value as JsonObject)) {
      const field = message.fields.get(key) ?? message.fields.get(camelCase(key));
      if (!field) {
        const where = path ? ` at '${path}'` : '';
        violations.push({
          field: path || undefined,
          description: `Invalid JSON payload received. Unknown name "${key}"${where}: Cannot find field.`,
        });
        continue;
      }
      const decoded = this.decodeField(field, raw, joinPath(path, snakeCase(field.name)), violations);
      if (decoded !== undefined) out[field.name] = decoded;
    }
    return out;
  }

  decodeField(field: FieldInfo, raw: unknown, path: string, violations: FieldViolation[]): unknown {
    if (raw === null || raw === undefined) return undefined;
    if (field.map) {
      if (typeof raw !== 'object' || Array.isArray(raw)) {
        violations.push(invalidValue(path, 'map', raw));
        return undefined;
      }
      const out: JsonObject = {};
      for (const [k, v] of Object.entries(raw as JsonObject)) out[k] = this.decodeSingle(field, v, `${path}[${k}]`, violations);
      return out;
    }
    if (field.repeated) {
      if (!Array.isArray(raw)) {
        violations.push(invalidValue(path, 'list', raw));
        return undefined;
      }
      return raw.map((v, i) => this.decodeSingle(field, v, `${path}[${i}]`, violations));
    }
    return this.decodeSingle(field, raw, path, violations);
  }

  /** Renders a stored value for the wire. Drops proto3 defaults and unknown keys. */
  encode(typeName: string, value: unknown, enumsAsInt: boolean): unknown {
    if (value === null || value === undefined) return undefined;
    if (typeName === 'google.protobuf.Any') return this.encodeAny(value as JsonObject, enumsAsInt);
    if (OPAQUE.has(typeName) || WRAPPERS[typeName]) return value;
    const message = this.schema.message(typeName);
    if (!message || typeof value !== 'object' || Array.isArray(value)) return value;
    const out: JsonObject = {};
    for (const [key, raw] of Object.entries(value as JsonObject)) {
      const field = message.fields.get(key);
      if (!field) continue;
      const encoded = this.encodeField(field, raw, enumsAsInt);
      if (encoded !== undefined) out[key] = encoded;
    }
    return out;
  }

  private encodeField(field: FieldInfo, raw: unknown, enumsAsInt: boolean): unknown {
    if (raw === null || raw === undefined) return undefined;
    if (field.map) {
      const entries = Object.entries(raw as JsonObject);
      if (!entries.length) return undefined;
      return Object.fromEntries(entries.map(([k, v]) => [k, this.encodeSingle(field, v, enumsAsInt, true)]));
    }
    if (field.repeated) {
      if (!Array.isArray(raw) || !raw.length) return undefined;
      return raw.map((v) => this.encodeSingle(field, v, enumsAsInt, true));
    }
    return this.encodeSingle(field, raw, enumsAsInt, field.proto3Optional);
  }

  private encodeSingle(field: FieldInfo, raw: unknown, enumsAsInt: boolean, keepDefault: boolean): unknown {
    if (field.kind === 'message') return this.encode(field.type, raw, enumsAsInt);
    if (field.kind === 'enum') {
      const info = this.schema.enumType(field.type);
      const num = typeof raw === 'number' ? raw : info?.byName.get(String(raw));
      if (num === 0 && !keepDefault) return undefined;
      if (enumsAsInt) return num ?? raw;
      return (typeof raw === 'number' ? info?.byNumber.get(raw) : raw) ?? raw;
    }
    const value = INT64_SCALARS.has(field.type) ? String(raw) : field.type === 'string' || field.type === 'bytes' || field.type === 'bool' ? raw : Number(raw);
    if (!keepDefault && (value === '' || value === 0 || value === '0' || value === false)) return undefined;
    return value;
  }

  private encodeAny(value: JsonObject, enumsAsInt: boolean): unknown {
    const typeUrl = value['@type'];
    if (typeof typeUrl !== 'string') return value;
    const typeName = typeUrl.slice(typeUrl.lastIndexOf('/') + 1);
    if (ANY_VALUE_WRAPPED.has(typeName)) return { '@type': typeUrl, value: this.encode(typeName, value.value, enumsAsInt) };
    const inner = this.encode(typeName, value, enumsAsInt) as JsonObject;
    return { '@type': typeUrl, ...inner };
  }

  private decodeSingle(field: FieldInfo, raw: unknown, path: string, violations: FieldViolation[]): unknown {
    if (field.kind === 'message') return this.decode(field.type, raw, path, violations);
    if (field.kind === 'enum') return this.decodeEnum(field.type, raw, path, violations);
    return decodeScalar(field.type, raw, path, violations);
  }

  private decodeEnum(typeName: string, raw: unknown, path: string, violations: FieldViolation[]): unknown {
    const info = this.schema.enumType(typeName);
    if (!info) return raw;
    if (typeof raw === 'number' && Number.isInteger(raw)) return info.byNumber.get(raw) ?? raw;
    if (typeof raw === 'string' && info.byName.has(raw)) return raw;
    if (typeof raw === 'string' && /^\d+$/.test(raw) && info.byNumber.has(Number(raw))) return info.byNumber.get(Number(raw));
    violations.push(invalidValue(path, `type.googleapis.com/${typeName}`, raw));
    return undefined;
  }

  private decodeSpecial(typeName: string, value: unknown, path: string, violations: FieldViolation[]): { handled: boolean; value?: unknown } {
    if (OPAQUE.has(typeName)) return { handled: true, value };
    if (WRAPPERS[typeName]) return { handled: true, value: decodeScalar(WRAPPERS[typeName], value, path, violations) };
    const stringType = (re: RegExp | undefined, label: string) => {
      if (typeof value === 'string' && (!re || re.test(value))) return { handled: true, value };
      violations.push(invalidValue(path, label, value));
      return { handled: true };
    };
    switch (typeName) {
      case 'google.protobuf.Timestamp':
        return stringType(TIMESTAMP, 'type.googleapis.com/google.protobuf.Timestamp');
      case 'google.protobuf.Duration':
        return stringType(DURATION, 'type.googleapis.com/google.protobuf.Duration');
      case 'google.protobuf.FieldMask':
        return stringType(undefined, 'type.googleapis.com/google.protobuf.FieldMask');
      case 'google.protobuf.Any': {
        const typeUrl = (value as JsonObject)?.['@type'];
        if (typeof typeUrl !== 'string') {
          violations.push({ field: path, description: `Invalid JSON payload received. Missing @type for any field '${path}'.` });
          return { handled: true };
        }
        const inner = typeUrl.slice(typeUrl.lastIndexOf('/') + 1);
        const { '@type': _type, ...rest } = value as JsonObject;
        void _type;
        const decoded = ANY_VALUE_WRAPPED.has(inner)
          ? { value: this.decode(inner, rest.value, path, violations) }
          : (this.decode(inner, rest, path, violations) as JsonObject);
        return { handled: true, value: { '@type': typeUrl, ...decoded } };
      }
      default:
        return { handled: false };
    }
  }
}

function decodeScalar(type: string, raw: unknown, path: string, violations: FieldViolation[]): unknown {
  const fail = () => {
    violations.push(invalidValue(path, `TYPE_${type.toUpperCase()}`, raw));
    return undefined;
  };
  switch (type) {
    case 'string':
      return typeof raw === 'string' ? raw : fail();
    case 'bytes':
      return typeof raw === 'string' && /^[A-Za-z0-9+/_-]*=*$/.test(raw) ? raw : fail();
    case 'bool':
      if (typeof raw === 'boolean') return raw;
      return raw === 'true' ? true : raw === 'false' ? false : fail();
    case 'double':
    case 'float':
      if (typeof raw === 'number') return raw;
      if (raw === 'NaN' || raw === 'Infinity' || raw === '-Infinity') return raw;
      return typeof raw === 'string' && raw.trim() !== '' && !Number.isNaN(Number(raw)) ? Number(raw) : fail();
    default: {
      // Integer types: JSON numbers or decimal strings; 64-bit ones are kept as strings.
      const text = typeof raw === 'number' && Number.isInteger(raw) ? String(raw) : typeof raw === 'string' ? raw : '';
      if (!/^-?\d+$/.test(text) || !inRange(type, BigInt(text))) return fail();
      return INT64_SCALARS.has(type) ? text : Number(text);
    }
  }
}

const INT32: [bigint, bigint] = [-(2n ** 31n), 2n ** 31n - 1n];
const UINT32: [bigint, bigint] = [0n, 2n ** 32n - 1n];
const INT64: [bigint, bigint] = [-(2n ** 63n), 2n ** 63n - 1n];
const UINT64: [bigint, bigint] = [0n, 2n ** 64n - 1n];
/** Each integer type's range: Google's JSON parser refuses a value beyond it (1e20 for an int64, 5e9 for an int32). */
const INTEGER_RANGES: Record<string, [bigint, bigint]> = {
  int32: INT32, sint32: INT32, sfixed32: INT32,
  uint32: UINT32, fixed32: UINT32,
  int64: INT64, sint64: INT64, sfixed64: INT64,
  uint64: UINT64, fixed64: UINT64,
};

function inRange(type: string, value: bigint): boolean {
  const range = INTEGER_RANGES[type];
  return !range || (value >= range[0] && value <= range[1]);
}

function invalidValue(path: string, typeLabel: string, value: unknown): FieldViolation {
  return { field: path || undefined, description: `Invalid value at '${path}' (${typeLabel}), ${JSON.stringify(value)}` };
}

function joinPath(parent: string, child: string): string {
  return parent ? `${parent}.${child}` : child;
}
