// JSON values (insertAll rows, query parameters) checked against a BigQuery type and
// written as typed DuckDB literals. A value BigQuery would refuse gives the message
// BigQuery's streaming API answers with for it.
import { duckFieldType, duckScalarType, duckString, quoteIdent, type FieldSchema } from '../sql/sqlTypes';

export interface LiteralError {
  location: string;
  message: string;
}

export class LiteralProblem extends Error {
  constructor(readonly problem: LiteralError) {
    super(problem.message);
  }
}

const INT64 = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const DATE = /^\d{4}-\d{1,2}-\d{1,2}$/;
const TIME = /^\d{1,2}:\d{2}(:\d{2}(\.\d{1,9})?)?$/;
const DATETIME = /^\d{4}[-/]\d{1,2}[-/]\d{1,2}([T ]\d{1,2}:\d{2}(:\d{2}(\.\d{1,9})?)?)?$/;
const TIMESTAMP = /^\d{4}[-/]\d{1,2}[-/]\d{1,2}([T ]\d{1,2}:\d{2}(:\d{2}(\.\d{1,9})?)?)?\s*(Z|UTC|[+-]\d{1,2}(:?\d{2})?)?$/i;

/** A whole row (insertAll): every schema field, in order, NULL when absent. */
export function rowLiteral(schema: FieldSchema[], row: unknown, ignoreUnknownValues: boolean): string {
  return `(${structValues(schema, row, '', ignoreUnknownValues).join(', ')})`;
}

function structValues(fields: FieldSchema[], value: unknown, path: string, ignoreUnknown: boolean): string[] {
  const record = (value ?? {}) as Record<string, unknown>;
  if (!ignoreUnknown) {
    const known = new Set(fields.map((f) => f.name.toLowerCase()));
    const unknown = Object.keys(record).find((key) => !known.has(key.toLowerCase()));
    if (unknown !== undefined) fail(`${path}${unknown}`, `no such field: ${unknown}.`);
  }
  const byName = new Map(Object.entries(record).map(([k, v]) => [k.toLowerCase(), v]));
  return fields.map((field) => fieldLiteral(field, byName.get(field.name.toLowerCase()), `${path}${field.name}`, ignoreUnknown));
}

export function fieldLiteral(field: FieldSchema, value: unknown, location: string, ignoreUnknown = false): string {
  const mode = field.mode?.toUpperCase() ?? 'NULLABLE';
  if (mode === 'REPEATED') {
    if (value === null || value === undefined) return `CAST([] AS ${duckFieldType(field)})`;
    if (!Array.isArray(value)) fail(location, `Non-array value specified for repeated field: ${field.name}.`);
    const element = { ...field, mode: 'NULLABLE' };
    return `CAST([${value.map((v, i) => fieldLiteral(element, v, `${location}[${i}]`, ignoreUnknown)).join(', ')}] AS ${duckFieldType(field)})`;
  }
  if (value === null || value === undefined) {
    if (mode === 'REQUIRED') fail(location, `Missing required field: ${field.name}.`);
    return 'NULL';
  }
  if (Array.isArray(value)) fail(location, `Array specified for non-repeated field: ${field.name}.`);
  const type = field.type.toUpperCase();
  if (type === 'RECORD' || type === 'STRUCT') {
    if (typeof value !== 'object') fail(location, `This field: ${field.name} is not a record.`);
    const values = structValues(field.fields ?? [], value, `${location}.`, ignoreUnknown);
    return `struct_pack(${(field.fields ?? []).map((f, i) => `${quoteIdent(f.name)} := ${values[i]}`).join(', ')})`;
  }
  return scalarLiteral(type, value, location);
}

/** A scalar of a BigQuery type: JSON numbers, booleans or strings as the streaming API takes them. */
export function scalarLiteral(type: string, value: unknown, location: string): string {
  const duck = duckScalarType(type);
  if (!duck) fail(location, `Unsupported type ${type}`);
  const text = typeof value === 'string' ? value.trim() : typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
  const typed = (sql: string) => `CAST(${sql} AS ${duck})`;
  switch (duck) {
    case 'VARCHAR':
      if (text === undefined) fail(location, `Cannot convert value to string.`);
      return typed(duckString(typeof value === 'string' ? value : String(value)));
    case 'BIGINT':
      if (text === undefined || !INT64.test(text) || BigInt(text) > 2n ** 63n - 1n || BigInt(text) < -(2n ** 63n)) {
        fail(location, `Cannot convert value to integer (bad value): ${describe(value)}`);
      }
      return typed(BigInt(text).toString());
    case 'DOUBLE':
      if (text === undefined || !(DECIMAL.test(text) || /^[+-]?(inf|infinity|nan)$/i.test(text))) fail(location, `Cannot convert value to floating point (bad value): ${describe(value)}`);
      return typed(duckString(text));
    case 'DECIMAL(38,9)':
      if (text === undefined || !DECIMAL.test(text)) fail(location, `Invalid NUMERIC value: ${describe(value)}`);
      return typed(duckString(text));
    case 'BOOLEAN':
      if (text === undefined || !/^(true|false)$/i.test(text)) fail(location, `Cannot convert value to boolean (bad value): ${describe(value)}`);
      return text.toLowerCase();
    case 'TIMESTAMPTZ':
      if (typeof value === 'number') return `to_timestamp(${duckString(String(value))}::DOUBLE)`;
      if (text === undefined || !TIMESTAMP.test(text)) {
        fail(location, `Couldn't convert value to timestamp: Could not parse '${describe(value)}' as a timestamp. Required format is YYYY-MM-DD HH:MM[:SS[.SSSSSS]] or YYYY/MM/DD HH:MM[:SS[.SSSSSS]]`);
      }
      return typed(duckString(text.replace(/\//g, '-')));
    case 'TIMESTAMP':
      if (text === undefined || !DATETIME.test(text)) fail(location, `Invalid datetime string "${describe(value)}"`);
      return typed(duckString(text.replace(/\//g, '-')));
    case 'DATE':
      if (text === undefined || !DATE.test(text)) fail(location, `Invalid date: '${describe(value)}'`);
      return typed(duckString(text));
    case 'TIME':
      if (text === undefined || !TIME.test(text)) fail(location, `Invalid time string "${describe(value)}"`);
      return typed(duckString(text));
    case 'BLOB':
      if (typeof value !== 'string' || !/^[A-Za-z0-9+/\-_]*={0,2}$/.test(value)) fail(location, 'Could not decode base64 string to bytes.');
      return `from_base64(${duckString(value.replace(/-/g, '+').replace(/_/g, '/'))})`;
    case 'JSON': {
      const json = typeof value === 'string' ? value : JSON.stringify(value);
      try {
        JSON.parse(json);
      } catch {
        fail(location, `Invalid JSON: ${describe(value)}`);
      }
      return typed(duckString(json));
    }
  }
  fail(location, `Unsupported type ${type}`);
}

function describe(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function fail(location: string, message: string): never {
  throw new LiteralProblem({ location, message });
}
