// DuckDB results as BigQuery REST serves them: rows as { f: [{ v }] }, every scalar a
// string (INT64 "12", FLOAT64 "1.5E10", TIMESTAMP as float seconds "1.7040672E9" or,
// with formatOptions.useInt64Timestamp, microseconds), and the result schema with
// BigQuery's legacy type names (INTEGER, FLOAT, BOOLEAN, RECORD).
import type { DuckDBType } from '@duckdb/node-api';
import type { FieldSchema } from '../sql/sqlTypes';

// DuckDBTypeId values (a const enum in @duckdb/node-api, kept here so this module loads without it).
const T = {
  BOOLEAN: 1, TINYINT: 2, SMALLINT: 3, INTEGER: 4, BIGINT: 5, UTINYINT: 6, USMALLINT: 7, UINTEGER: 8, UBIGINT: 9,
  FLOAT: 10, DOUBLE: 11, TIMESTAMP: 12, DATE: 13, TIME: 14, INTERVAL: 15, HUGEINT: 16, VARCHAR: 17, BLOB: 18, DECIMAL: 19,
  TIMESTAMP_S: 20, TIMESTAMP_MS: 21, TIMESTAMP_NS: 22, LIST: 24, STRUCT: 25, UUID: 27, TIMESTAMP_TZ: 31, UHUGEINT: 32, ARRAY: 33, SQLNULL: 36,
} as const;
const INTEGERS = new Set<number>([T.TINYINT, T.SMALLINT, T.INTEGER, T.BIGINT, T.UTINYINT, T.USMALLINT, T.UINTEGER, T.UBIGINT, T.HUGEINT, T.UHUGEINT]);

export interface CellOptions {
  useInt64Timestamp: boolean;
  isoTimestamps: boolean;
}

export type Cell = { v: unknown };

/** The BigQuery field for a DuckDB result column. */
export function fieldOf(name: string, type: DuckDBType): FieldSchema {
  if (type.typeId === T.LIST || type.typeId === T.ARRAY) {
    return { ...fieldOf(name, (type as { valueType: DuckDBType }).valueType), mode: 'REPEATED' };
  }
  if (type.typeId === T.STRUCT) {
    const struct = type as unknown as { entryNames: string[]; entryTypes: DuckDBType[] };
    return { name, type: 'RECORD', mode: 'NULLABLE', fields: struct.entryNames.map((n, i) => fieldOf(n, struct.entryTypes[i])) };
  }
  return { name, type: bigQueryType(type), mode: 'NULLABLE' };
}

function bigQueryType(type: DuckDBType): string {
  const id: number = type.typeId;
  if (INTEGERS.has(id) || id === T.SQLNULL) return 'INTEGER';
  switch (id) {
    case T.BOOLEAN:
      return 'BOOLEAN';
    case T.FLOAT:
    case T.DOUBLE:
      return 'FLOAT';
    case T.DECIMAL:
      return (type as unknown as { scale: number }).scale > 9 ? 'BIGNUMERIC' : 'NUMERIC';
    case T.VARCHAR:
      return type.alias === 'JSON' ? 'JSON' : 'STRING';
    case T.UUID:
      return 'STRING';
    case T.BLOB:
      return 'BYTES';
    case T.DATE:
      return 'DATE';
    case T.TIME:
      return 'TIME';
    case T.TIMESTAMP:
    case T.TIMESTAMP_S:
    case T.TIMESTAMP_MS:
    case T.TIMESTAMP_NS:
      return 'DATETIME';
    case T.TIMESTAMP_TZ:
      return 'TIMESTAMP';
    case T.INTERVAL:
      return 'INTERVAL';
    default:
      return 'STRING';
  }
}

export function renderRow(values: readonly unknown[], types: readonly DuckDBType[], options: CellOptions): { f: Cell[] } {
  return { f: values.map((value, i) => ({ v: render(value, types[i], options) })) };
}

/**
 * A page's rows, as many as fit in BigQuery's page size: tabledata.list, jobs.query and
 * getQueryResults answer at most about 10 MB, the rest through pageToken (at least one row).
 * https://cloud.google.com/bigquery/docs/paging-results
 */
export function renderPage(rows: readonly unknown[][], types: readonly DuckDBType[], options: CellOptions, maxBytes = PAGE_BYTES): { f: Cell[] }[] {
  const page: { f: Cell[] }[] = [];
  let bytes = 0;
  for (const values of rows) {
    const row = renderRow(values, types, options);
    bytes += JSON.stringify(row).length + 1;
    if (page.length && bytes > maxBytes) break;
    page.push(row);
  }
  return page;
}

export const PAGE_BYTES = 10 * 1024 * 1024;

function render(value: unknown, type: DuckDBType, options: CellOptions): unknown {
  if (value === null || value === undefined) return type.typeId === T.LIST || type.typeId === T.ARRAY ? [] : null;
  const id: number = type.typeId;
  if (id === T.LIST || id === T.ARRAY) {
    const element = (type as { valueType: DuckDBType }).valueType;
    return (value as { items: unknown[] }).items.map((item) => ({ v: render(item, element, options) }));
  }
  if (id === T.STRUCT) {
    const struct = type as unknown as { entryNames: string[]; entryTypes: DuckDBType[] };
    const entries = (value as { entries: Record<string, unknown> }).entries;
    return { f: struct.entryNames.map((n, i) => ({ v: render(entries[n], struct.entryTypes[i], options) })) };
  }
  if (INTEGERS.has(id)) return String(value);
  switch (id) {
    case T.BOOLEAN:
      return value ? 'true' : 'false';
    case T.FLOAT:
    case T.DOUBLE:
      return javaDouble(value as number);
    case T.DECIMAL:
      return String(value).replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
    case T.BLOB:
      return Buffer.from((value as { bytes: Uint8Array }).bytes).toString('base64');
    case T.TIME:
      return clock((value as { micros: bigint }).micros);
    case T.TIMESTAMP:
      return civil((value as { micros: bigint }).micros).replace(' ', 'T');
    case T.TIMESTAMP_TZ: {
      const micros = (value as { micros: bigint }).micros;
      if (options.isoTimestamps) return `${civil(micros).replace(' ', 'T')}Z`;
      return options.useInt64Timestamp ? micros.toString() : floatSeconds(micros);
    }
    case T.INTERVAL: {
      const { months, days, micros } = value as { months: number; days: number; micros: bigint };
      return `${Math.trunc(months / 12)}-${Math.abs(months % 12)} ${days} ${clock(micros, true)}`;
    }
    default:
      return String(value);
  }
}

/** Java's Double.toString, which BigQuery's JSON uses: "3.0", "0.25", "1.5E10", "1.0E-5". */
export function javaDouble(n: number): string {
  if (!Number.isFinite(n)) return Number.isNaN(n) ? 'NaN' : n > 0 ? 'Infinity' : '-Infinity';
  if (n === 0) return Object.is(n, -0) ? '-0.0' : '0.0';
  const abs = Math.abs(n);
  if (abs >= 1e-3 && abs < 1e7) return Number.isInteger(n) ? `${n}.0` : String(n);
  const [mantissa, exponent] = n.toExponential().split('e');
  return `${mantissa.includes('.') ? mantissa : `${mantissa}.0`}E${exponent.replace('+', '')}`;
}

/** Seconds since the epoch as Java prints the double, built from the exact microseconds. */
function floatSeconds(micros: bigint): string {
  const negative = micros < 0n;
  const digits = (negative ? -micros : micros).toString().padStart(7, '0');
  const whole = digits.slice(0, -6);
  const fraction = digits.slice(-6).replace(/0+$/, '');
  const sign = negative ? '-' : '';
  if (whole.length <= 7) return `${sign}${whole}.${fraction || '0'}`;
  const significant = (whole + fraction).replace(/0+$/, '');
  return `${sign}${significant[0]}.${significant.slice(1) || '0'}E${whole.length - 1}`;
}

/** "2024-01-01 10:00:00[.123456]" (UTC) from microseconds since the epoch. */
function civil(micros: bigint): string {
  const ms = Number(micros / 1000n);
  const date = new Date(ms - (micros < 0n && micros % 1000n !== 0n ? 1 : 0));
  const sub = ((micros % 1_000_000n) + 1_000_000n) % 1_000_000n;
  return `${date.toISOString().slice(0, 19).replace('T', ' ')}${sub ? `.${sub.toString().padStart(6, '0')}` : ''}`;
}

/** "10:00:01[.500000]"; intervals print hours unpadded ("0:0:0"). */
function clock(micros: bigint, interval = false): string {
  const negative = micros < 0n;
  let rest = negative ? -micros : micros;
  const sub = rest % 1_000_000n;
  rest /= 1_000_000n;
  const [h, m, s] = [rest / 3600n, (rest / 60n) % 60n, rest % 60n];
  const pad = (x: bigint) => (interval ? x.toString() : x.toString().padStart(2, '0'));
  const frac = sub ? `.${sub.toString().padStart(6, '0')}` : '';
  return `${negative ? '-' : ''}${pad(h)}:${pad(m)}:${pad(s)}${frac}`;
}
