// The GoogleSQL functions the emulator runs, each as DuckDB SQL. Only functions whose
// DuckDB form gives BigQuery's answer are here (NULL handling, 0- vs 1-based indexes,
// whole units vs boundaries); a function not listed is "Function not found".
import type { Token } from './sqlLexer';
import { SqlError, unsupported, type SqlPosition } from './sqlError';
import { duckTypeFromTokens } from './sqlTypes';
import { isGroup, type Node } from './sqlNodes';

export interface Arg {
  nodes: Node[];
  /** The argument translated to DuckDB. */
  sql(): string;
}

export interface CallSite {
  name: string;
  position: SqlPosition;
  children: Node[];
  now: Date;
  translate(nodes: Node[]): string;
}

export type FunctionRule = (args: Arg[], site: CallSite) => string;

const list = (args: Arg[]) => args.map((a) => a.sql()).join(', ');

function arity(site: CallSite, args: Arg[], min: number, max = min): void {
  if (args.length < min || args.length > max) {
    const expected = min === max ? `${min}` : `${min} to ${max}`;
    throw new SqlError(`No matching signature for function ${site.name} with ${args.length} argument(s); it takes ${expected}`, site.position);
  }
}

/** Same name and meaning in DuckDB. */
const same: FunctionRule = (args, site) => `${site.name.toLowerCase()}(${list(args)})`;
const rename =
  (duck: string, min = 0, max = Infinity): FunctionRule =>
  (args, site) => {
    arity(site, args, min, max === Infinity ? Math.max(min, args.length) : max);
    return `${duck}(${list(args)})`;
  };

/** A date part written as a bare word (DAY, HOUR, WEEK(MONDAY)). */
function datePart(arg: Arg | undefined, site: CallSite): { part: string; weekday?: string } {
  const [word, inner] = arg?.nodes ?? [];
  if (word?.kind !== 'ident') throw new SqlError(`A date part such as DAY or HOUR is required by ${site.name}`, site.position);
  const weekday = isGroup(inner, '(') ? (inner.children[0] as Token | undefined)?.text.toUpperCase() : undefined;
  return { part: word.text.toUpperCase(), weekday };
}

const WEEKDAYS = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'];
const TRUNC_PARTS = new Set(['MICROSECOND', 'MILLISECOND', 'SECOND', 'MINUTE', 'HOUR', 'DAY', 'MONTH', 'QUARTER', 'YEAR']);
const DIFF_PARTS = new Set(['MICROSECOND', 'MILLISECOND', 'SECOND', 'MINUTE', 'HOUR', 'DAY']);

/** TIMESTAMP_TRUNC / DATE_TRUNC: BigQuery weeks start on Sunday unless WEEK(<weekday>) says otherwise. */
function truncate(value: string, arg: Arg | undefined, site: CallSite): string {
  const { part, weekday } = datePart(arg, site);
  if (TRUNC_PARTS.has(part)) return `date_trunc('${part.toLowerCase()}', ${value})`;
  if (part === 'ISOWEEK') return `date_trunc('week', ${value})`;
  if (part === 'WEEK') {
    const start = WEEKDAYS.indexOf(weekday ?? 'SUNDAY');
    if (start < 0) throw new SqlError(`Invalid weekday ${weekday} in WEEK(…)`, site.position);
    return `(date_trunc('day', ${value}) - to_days(CAST((dayofweek(${value}) + ${7 - start}) % 7 AS INTEGER)))`;
  }
  throw unsupported(`${site.name} to ${part}`, site.position);
}

/** CAST(x AS type): the type is the tokens after the last top-level AS. */
function cast(duckCast: 'CAST' | 'TRY_CAST'): FunctionRule {
  return (args, site) => {
    const nodes = site.children;
    const as = nodes.map((n, i) => (n.kind === 'ident' && n.text.toUpperCase() === 'AS' ? i : -1)).filter((i) => i >= 0).pop();
    if (as === undefined || args.length !== 1) throw new SqlError(`Syntax error: Expected "AS" in ${site.name}`, site.position);
    const typeWords = nodes.slice(as + 1).map((n) => (n.kind === 'group' ? '(' : n.text));
    if (typeWords.some((w) => w.toUpperCase() === 'FORMAT')) throw unsupported(`${site.name} … FORMAT`, site.position);
    const value = site.translate(nodes.slice(0, as));
    const type = duckTypeFromTokens(typeWords);
    // BigQuery prints NUMERIC without trailing zeros (CAST(2.50 AS STRING) = '2.5'); DuckDB's DECIMAL keeps its scale.
    if (type === 'VARCHAR') return `(CASE WHEN typeof(${value}) LIKE 'DECIMAL%' THEN regexp_replace(regexp_replace(CAST(${value} AS VARCHAR), '(\\.[0-9]*?)0+$', '\\1'), '\\.$', '') ELSE ${duckCast}(${value} AS VARCHAR) END)`;
    return `${duckCast}(${value} AS ${type})`;
  };
}

/** EXTRACT(part FROM x): DuckDB's dow is 0-based, its millisecond/microsecond include the seconds. */
const extract: FunctionRule = (_args, site) => {
  const nodes = site.children;
  const from = nodes.findIndex((n) => n.kind === 'ident' && n.text.toUpperCase() === 'FROM');
  if (from < 1) throw new SqlError('Syntax error: Expected "FROM" in EXTRACT', site.position);
  if (nodes.some((n) => n.kind === 'ident' && n.text.toUpperCase() === 'AT')) throw unsupported('EXTRACT … AT TIME ZONE', site.position);
  const value = site.translate(nodes.slice(from + 1));
  const part = (nodes[0] as Token).text.toUpperCase();
  const plain: Record<string, string> = { YEAR: 'year', MONTH: 'month', DAY: 'day', HOUR: 'hour', MINUTE: 'minute', SECOND: 'second', QUARTER: 'quarter', DAYOFYEAR: 'doy', ISOWEEK: 'week', ISOYEAR: 'isoyear' };
  if (plain[part]) return `extract(${plain[part]} FROM ${value})`;
  if (part === 'DAYOFWEEK') return `(extract(dow FROM ${value}) + 1)`;
  if (part === 'MILLISECOND') return `(extract(millisecond FROM ${value}) % 1000)`;
  if (part === 'MICROSECOND') return `(extract(microsecond FROM ${value}) % 1000000)`;
  if (part === 'DATE') return `CAST(${value} AS DATE)`;
  throw unsupported(`EXTRACT(${part} …)`, site.position);
};

/** APPROX_QUANTILES(x, n): the n+1 boundaries, computed exactly (nearest rank), within BigQuery's approximation. */
const approxQuantiles: FunctionRule = (args, site) => {
  arity(site, args, 2);
  const n = args[1].nodes.length === 1 && args[1].nodes[0].kind === 'number' ? Number(args[1].nodes[0].text) : NaN;
  if (!Number.isInteger(n) || n < 1) throw unsupported('APPROX_QUANTILES with a number of quantiles that is not an integer literal', site.position);
  const value = args[0].sql();
  if (/\bRESPECT\s+NULLS\b/i.test(value)) throw unsupported('APPROX_QUANTILES … RESPECT NULLS', site.position);
  const fractions = Array.from({ length: n + 1 }, (_, i) => String(i / n));
  return `quantile_disc(${value.replace(/\s+IGNORE\s+NULLS\s*$/i, '')}, [${fractions.join(', ')}])`;
};

/**
 * RANGE_BUCKET(point, boundaries): how many (sorted) boundaries are ≤ point, NULL for a
 * NULL point. DuckDB has no such function: count over the unnested array.
 */
const rangeBucket: FunctionRule = (args, site) => {
  arity(site, args, 2);
  const [point, boundaries] = [args[0].sql(), args[1].sql()];
  return `(CASE WHEN (${point}) IS NULL THEN NULL ELSE (SELECT count(*) FROM unnest(${boundaries}) AS _rb(e) WHERE _rb.e <= (${point})) END)`;
};

const jsonValue: FunctionRule = (args, site) => {
  arity(site, args, 1, 2);
  const [json, path] = [args[0].sql(), args[1]?.sql() ?? `'$'`];
  return `(CASE WHEN json_type(${json}, ${path}) IN ('OBJECT', 'ARRAY') THEN NULL ELSE json_extract_string(${json}, ${path}) END)`;
};

const regexpExtract: FunctionRule = (args, site) => {
  arity(site, args, 2);
  const pattern = args[1].nodes[0];
  if (args[1].nodes.length !== 1 || pattern.kind !== 'string') throw unsupported('REGEXP_EXTRACT with a pattern that is not a string literal', site.position);
  const group = /\((?!\?)/.test(pattern.text.replace(/\\./g, '')) ? 1 : 0;
  const [value, re] = [args[0].sql(), args[1].sql()];
  return `(CASE WHEN regexp_matches(${value}, ${re}) THEN regexp_extract(${value}, ${re}, ${group}) END)`;
};

/** STRUCT(x, y AS b): fields named by alias, by column name, or _field_N. */
const struct: FunctionRule = (args) => {
  const fields = args.map((arg, i) => {
    const nodes = arg.nodes;
    const last = nodes[nodes.length - 1];
    const hasAlias = nodes.length >= 3 && nodes[nodes.length - 2].kind === 'ident' && (nodes[nodes.length - 2] as Token).text.toUpperCase() === 'AS';
    const name = hasAlias || (last?.kind === 'ident' && nodes.every((n) => n.kind === 'ident' || (n.kind === 'op' && n.text === '.')))
      ? (last as Token).text
      : `_field_${i + 1}`;
    const value = hasAlias ? arg.sql().replace(/\s+AS\s+\S+$/i, '') : arg.sql();
    return `"${name.replace(/"/g, '""')}" := ${value}`;
  });
  return `struct_pack(${fields.join(', ')})`;
};

/** NULL in, NULL out, as BigQuery's GREATEST/LEAST and CONCAT do (DuckDB's skip NULLs). */
const nullStrict =
  (duck: string): FunctionRule =>
  (args, site) => {
    arity(site, args, 1, Math.max(1, args.length));
    const values = args.map((a) => a.sql());
    return `(CASE WHEN ${values.map((v) => `(${v}) IS NULL`).join(' OR ')} THEN NULL ELSE ${duck}(${values.join(', ')}) END)`;
  };

const instant = (now: Date) => `CAST('${now.toISOString()}' AS TIMESTAMPTZ)`;

export const FUNCTIONS: Record<string, FunctionRule> = {
  // Aggregates and analytic functions that mean the same in DuckDB.
  ...Object.fromEntries(
    ('COUNT SUM AVG MIN MAX ANY_VALUE STDDEV STDDEV_SAMP STDDEV_POP VARIANCE VAR_SAMP VAR_POP CORR COVAR_POP COVAR_SAMP ' +
      'ROW_NUMBER RANK DENSE_RANK PERCENT_RANK CUME_DIST NTILE LAG LEAD FIRST_VALUE LAST_VALUE NTH_VALUE ARRAY_AGG STRING_AGG ' +
      'ABS SIGN ROUND TRUNC CEIL CEILING FLOOR SQRT POW POWER EXP LN LOG10 COALESCE NULLIF ' +
      'LOWER UPPER TRIM LTRIM RTRIM SUBSTR SUBSTRING REPLACE STARTS_WITH ENDS_WITH STRPOS LENGTH REVERSE REPEAT')
      .split(' ')
      .map((name): [string, FunctionRule] => [name, same]),
  ),
  COUNTIF: rename('count_if', 1, 1),
  LOGICAL_AND: rename('bool_and', 1, 1),
  LOGICAL_OR: rename('bool_or', 1, 1),
  APPROX_COUNT_DISTINCT: (args, site) => (arity(site, args, 1), `count(DISTINCT ${args[0].sql()})`),
  APPROX_QUANTILES: approxQuantiles,
  RANGE_BUCKET: rangeBucket,
  PERCENTILE_CONT: rename('quantile_cont', 2, 2),
  PERCENTILE_DISC: rename('quantile_disc', 2, 2),
  CHAR_LENGTH: rename('length', 1, 1),
  CHARACTER_LENGTH: rename('length', 1, 1),
  RAND: rename('random', 0, 0),
  GENERATE_UUID: (args, site) => (arity(site, args, 0), 'CAST(uuid() AS VARCHAR)'),
  // Arithmetic.
  SAFE_DIVIDE: (args, site) => (arity(site, args, 2), `((${args[0].sql()}) / NULLIF((${args[1].sql()}), 0))`),
  DIV: (args, site) => (arity(site, args, 2), `CAST(trunc((${args[0].sql()}) / (${args[1].sql()})) AS BIGINT)`),
  MOD: (args, site) => (arity(site, args, 2), `((${args[0].sql()}) % (${args[1].sql()}))`),
  // BigQuery's LOG is the natural logarithm (DuckDB's is base 10).
  LOG: (args, site) => (arity(site, args, 1, 2), args.length === 1 ? `ln(${args[0].sql()})` : `(ln(${args[0].sql()}) / ln(${args[1].sql()}))`),
  GREATEST: nullStrict('greatest'),
  LEAST: nullStrict('least'),
  // Conditionals.
  IF: (args, site) => (arity(site, args, 3), `(CASE WHEN ${args[0].sql()} THEN ${args[1].sql()} ELSE ${args[2].sql()} END)`),
  IFNULL: (args, site) => (arity(site, args, 2), `coalesce(${list(args)})`),
  // Strings.
  CONCAT: (args, site) => (arity(site, args, 1, Math.max(1, args.length)), `(${args.map((a) => `(${a.sql()})`).join(' || ')})`),
  SPLIT: (args, site) => (arity(site, args, 1, 2), `string_split(${args[0].sql()}, ${args[1]?.sql() ?? "','"})`),
  LPAD: (args, site) => (arity(site, args, 2, 3), `lpad(${list(args)}${args.length === 2 ? ", ' '" : ''})`),
  RPAD: (args, site) => (arity(site, args, 2, 3), `rpad(${list(args)}${args.length === 2 ? ", ' '" : ''})`),
  REGEXP_CONTAINS: rename('regexp_matches', 2, 2),
  REGEXP_REPLACE: (args, site) => (arity(site, args, 3), `regexp_replace(${list(args)}, 'g')`),
  REGEXP_EXTRACT: regexpExtract,
  FORMAT: rename('printf', 1),
  // Arrays and structs.
  ARRAY_LENGTH: rename('array_length', 1, 1),
  ARRAY_TO_STRING: rename('array_to_string', 2, 2),
  ARRAY_CONCAT: rename('list_concat', 1),
  ARRAY_REVERSE: rename('list_reverse', 1, 1),
  GENERATE_ARRAY: rename('generate_series', 2, 3),
  STRUCT: struct,
  // JSON.
  JSON_VALUE: jsonValue,
  JSON_EXTRACT_SCALAR: jsonValue,
  JSON_QUERY: (args, site) => (arity(site, args, 2), `json_extract(${list(args)})`),
  JSON_EXTRACT: (args, site) => (arity(site, args, 2), `json_extract(${list(args)})`),
  PARSE_JSON: (args, site) => (arity(site, args, 1), `CAST(${args[0].sql()} AS JSON)`),
  INT64: (args, site) => (arity(site, args, 1), `CAST(${args[0].sql()} AS BIGINT)`),
  FLOAT64: (args, site) => (arity(site, args, 1), `CAST(${args[0].sql()} AS DOUBLE)`),
  // Conversions.
  CAST: cast('CAST'),
  SAFE_CAST: cast('TRY_CAST'),
  EXTRACT: extract,
  // Dates and times (TIMESTAMP is TIMESTAMPTZ in a UTC session).
  CURRENT_TIMESTAMP: (args, site) => (arity(site, args, 0), instant(site.now)),
  CURRENT_DATE: (args, site) => (arity(site, args, 0), `CAST(${instant(site.now)} AS DATE)`),
  TIMESTAMP: (args, site) => (arity(site, args, 1), `CAST(${args[0].sql()} AS TIMESTAMPTZ)`),
  DATE: (args, site) => (arity(site, args, 1, 3), args.length === 3 ? `make_date(${list(args)})` : args.length === 1 ? `CAST(${args[0].sql()} AS DATE)` : unsupportedDateTz(site)),
  TIMESTAMP_ADD: (args, site) => (arity(site, args, 2), `((${args[0].sql()}) + ${args[1].sql()})`),
  TIMESTAMP_SUB: (args, site) => (arity(site, args, 2), `((${args[0].sql()}) - ${args[1].sql()})`),
  DATE_ADD: (args, site) => (arity(site, args, 2), `CAST((${args[0].sql()}) + ${args[1].sql()} AS DATE)`),
  DATE_SUB: (args, site) => (arity(site, args, 2), `CAST((${args[0].sql()}) - ${args[1].sql()} AS DATE)`),
  TIMESTAMP_TRUNC: (args, site) => (arity(site, args, 2), truncate(args[0].sql(), args[1], site)),
  DATE_TRUNC: (args, site) => (arity(site, args, 2), `CAST(${truncate(args[0].sql(), args[1], site)} AS DATE)`),
  // TIMESTAMP_DIFF counts whole units (DuckDB date_sub); DATE_DIFF counts boundaries (date_diff).
  TIMESTAMP_DIFF: (args, site) => {
    arity(site, args, 3);
    const { part } = datePart(args[2], site);
    if (!DIFF_PARTS.has(part)) throw unsupported(`TIMESTAMP_DIFF in ${part}`, site.position);
    return `date_sub('${part.toLowerCase()}', ${args[1].sql()}, ${args[0].sql()})`;
  },
  DATE_DIFF: (args, site) => {
    arity(site, args, 3);
    const { part } = datePart(args[2], site);
    if (!['DAY', 'MONTH', 'QUARTER', 'YEAR'].includes(part)) throw unsupported(`DATE_DIFF in ${part}`, site.position);
    return `date_diff('${part.toLowerCase()}', ${args[1].sql()}, ${args[0].sql()})`;
  },
  UNIX_SECONDS: (args, site) => (arity(site, args, 1), `CAST(floor(epoch(${args[0].sql()})) AS BIGINT)`),
  UNIX_MILLIS: (args, site) => (arity(site, args, 1), `epoch_ms(${args[0].sql()})`),
  UNIX_MICROS: (args, site) => (arity(site, args, 1), `epoch_us(${args[0].sql()})`),
  TIMESTAMP_SECONDS: (args, site) => (arity(site, args, 1), `to_timestamp(${args[0].sql()})`),
  TIMESTAMP_MILLIS: (args, site) => (arity(site, args, 1), `CAST(epoch_ms(${args[0].sql()}) AS TIMESTAMPTZ)`),
  TIMESTAMP_MICROS: (args, site) => (arity(site, args, 1), `CAST(make_timestamp(${args[0].sql()}) AS TIMESTAMPTZ)`),
  FORMAT_TIMESTAMP: (args, site) => (arity(site, args, 2), `strftime(${args[1].sql()}, ${args[0].sql()})`),
  FORMAT_DATE: (args, site) => (arity(site, args, 2), `strftime(${args[1].sql()}, ${args[0].sql()})`),
  PARSE_TIMESTAMP: (args, site) => (arity(site, args, 2), `CAST(strptime(${args[1].sql()}, ${args[0].sql()}) AS TIMESTAMPTZ)`),
};

function unsupportedDateTz(site: CallSite): never {
  throw unsupported('DATE(timestamp, time_zone)', site.position);
}

