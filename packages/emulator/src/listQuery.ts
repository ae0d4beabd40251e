// List semantics shared by every List* method: AIP-160-style filter (the subset Vertex
// users write: display_name="x", state=JOB_STATE_RUNNING, labels.team=nlp, joined with
// AND), order_by, and opaque page tokens bound to the query they were issued for.
import { createHash } from 'node:crypto';
import { invalidArgument } from './googleError';
import { camelCase, type ProtoSchema } from './protoSchema';
import type { JsonObject } from './wireCodec';

export const DEFAULT_PAGE_SIZE = 100;
const MAX_PAGE_SIZE = 1000;

export interface ListParams {
  pageSize?: number;
  pageToken?: string;
  filter?: string;
  orderBy?: string;
}

export interface Page<T> {
  items: T[];
  nextPageToken?: string;
}

interface FilterTerm {
  path: string[];
  op: '=' | '!=' | ':';
  value: string;
  negate: boolean;
}

const TERM = /^\s*(NOT\s+|-)?([A-Za-z_][\w.]*)\s*(!=|=|:)\s*("(?:[^"\\]|\\.)*"|[^\s"]+)\s*$/;

export function parseFilter(filter: string | undefined): FilterTerm[] {
  if (!filter?.trim()) return [];
  const unquoted = filter.replace(/"(?:[^"\\]|\\.)*"/g, '""');
  if (/\sOR\s|[()]/.test(unquoted)) throw invalidArgument(`Unsupported filter: ${filter}`, 'filter');
  return filter.split(/\s+AND\s+/).map((text) => {
    const match = TERM.exec(text);
    if (!match) throw invalidArgument(`Invalid filter: ${filter}`, 'filter');
    const raw = match[4];
    const value = raw.startsWith('"') ? (JSON.parse(raw) as string) : raw;
    const path = match[2].split('.');
    // Map keys keep their case: only the field part is camelCased.
    const fieldPath = path[0] === 'labels' ? ['labels', ...path.slice(1)] : path.map(camelCase);
    return { path: fieldPath, op: match[3] as FilterTerm['op'], value, negate: match[1] !== undefined };
  });
}

export function matchesFilter(resource: JsonObject, terms: FilterTerm[], typeName: string, schema: ProtoSchema): boolean {
  return terms.every((term) => {
    const actual = valueAt(resource, term.path);
    let hit: boolean;
    if (term.op === ':') {
      hit = term.value === '*' ? actual !== undefined : String(actual ?? '').includes(term.value.replace(/\*$/, ''));
    } else {
      const equal = sameValue(actual, term.value, enumTypeAt(schema, typeName, term.path), schema);
      hit = term.op === '=' ? equal : !equal;
    }
    return term.negate ? !hit : hit;
  });
}

/** order_by: "display_name", "create_time desc, display_name". Stable sort. */
export function sortBy<T>(items: T[], orderBy: string | undefined, data: (item: T) => JsonObject): T[] {
  if (!orderBy?.trim()) return items;
  const keys = orderBy.split(',').map((part) => {
    const [field, direction, extra] = part.trim().split(/\s+/);
    if (!field || extra !== undefined || (direction && !/^(asc|desc)$/i.test(direction))) {
      throw invalidArgument(`Invalid order_by: ${orderBy}`, 'order_by');
    }
    return { path: field.split('.').map(camelCase), desc: /^desc$/i.test(direction ?? '') };
  });
  return [...items].sort((a, b) => {
    for (const key of keys) {
      const cmp = compare(valueAt(data(a), key.path), valueAt(data(b), key.path));
      if (cmp) return key.desc ? -cmp : cmp;
    }
    return 0;
  });
}

/**
 * Pages through an already filtered and sorted list. The token records the offset and
 * a fingerprint of the query, so a token reused with another filter is refused as
 * AIP-158 asks.
 */
export function paginate<T>(items: T[], params: ListParams, scope: string): Page<T> {
  const size = params.pageSize ?? 0;
  if (!Number.isInteger(size) || size < 0) throw invalidArgument('page_size must not be negative.', 'page_size');
  const pageSize = size === 0 ? DEFAULT_PAGE_SIZE : Math.min(size, MAX_PAGE_SIZE);
  const fingerprint = createHash('sha256')
    .update(JSON.stringify([scope, params.filter ?? '', params.orderBy ?? '']))
    .digest('base64url')
    .slice(0, 12);
  let offset = 0;
  if (params.pageToken) {
    const decoded = decodeToken(params.pageToken);
    if (!decoded) throw invalidArgument('Invalid page token.', 'page_token');
    if (decoded.q !== fingerprint) throw invalidArgument("page_token doesn't match arguments from the request.", 'page_token');
    offset = decoded.o;
  }
  const page = items.slice(offset, offset + pageSize);
  const next = offset + pageSize;
  return { items: page, nextPageToken: next < items.length ? encodeToken({ o: next, q: fingerprint }) : undefined };
}

function encodeToken(token: { o: number; q: string }): string {
  return Buffer.from(JSON.stringify(token)).toString('base64url');
}

function decodeToken(text: string): { o: number; q: string } | undefined {
  try {
    const token = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as { o?: unknown; q?: unknown };
    if (typeof token.o === 'number' && Number.isInteger(token.o) && token.o >= 0 && typeof token.q === 'string') {
      return { o: token.o, q: token.q };
    }
  } catch {
    // fall through: not one of ours
  }
  return undefined;
}

export function valueAt(data: JsonObject, path: string[]): unknown {
  let value: unknown = data;
  for (const part of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as JsonObject)[part];
  }
  return value;
}

function enumTypeAt(schema: ProtoSchema, typeName: string, path: string[]): string | undefined {
  let type = typeName;
  for (const part of path) {
    const field = schema.message(type)?.fields.get(part);
    if (!field) return undefined;
    if (field.kind === 'enum') return field.type;
    type = field.type;
  }
  return undefined;
}

function sameValue(actual: unknown, expected: string, enumType: string | undefined, schema: ProtoSchema): boolean {
  if (enumType && /^\d+$/.test(expected)) {
    expected = schema.enumType(enumType)?.byNumber.get(Number(expected)) ?? expected;
  }
  if (actual === undefined || actual === null) return expected === '' || (enumType !== undefined && expected.endsWith('_UNSPECIFIED'));
  return String(actual) === expected;
}

function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === undefined || a === null) return -1;
  if (b === undefined || b === null) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}
