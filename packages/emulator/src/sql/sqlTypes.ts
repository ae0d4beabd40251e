// BigQuery data types and their DuckDB counterparts. TIMESTAMP (an instant) is DuckDB's
// TIMESTAMPTZ, read in a UTC session; DATETIME (civil time) is DuckDB's TIMESTAMP, so
// the two stay apart in query result schemas.
import { SqlError, unsupported } from './sqlError';

const SCALARS: Record<string, string> = {
  INT64: 'BIGINT',
  INTEGER: 'BIGINT',
  INT: 'BIGINT',
  SMALLINT: 'BIGINT',
  BIGINT: 'BIGINT',
  TINYINT: 'BIGINT',
  BYTEINT: 'BIGINT',
  FLOAT64: 'DOUBLE',
  FLOAT: 'DOUBLE',
  NUMERIC: 'DECIMAL(38,9)',
  DECIMAL: 'DECIMAL(38,9)',
  BOOL: 'BOOLEAN',
  BOOLEAN: 'BOOLEAN',
  STRING: 'VARCHAR',
  BYTES: 'BLOB',
  DATE: 'DATE',
  DATETIME: 'TIMESTAMP',
  TIME: 'TIME',
  TIMESTAMP: 'TIMESTAMPTZ',
  JSON: 'JSON',
};

/** The DuckDB type of a BigQuery scalar type name (legacy names like FLOAT included). */
export function duckScalarType(bigQueryType: string): string | undefined {
  return SCALARS[bigQueryType.toUpperCase()];
}

/** A field of a BigQuery table schema (TableFieldSchema), as far as the emulator reads it. */
export interface FieldSchema {
  name: string;
  type: string;
  mode?: string;
  fields?: FieldSchema[];
  description?: string;
}

/** The DuckDB column type for a schema field, REPEATED and RECORD included. */
export function duckFieldType(field: FieldSchema): string {
  const type = field.type.toUpperCase();
  let duck: string;
  if (type === 'RECORD' || type === 'STRUCT') {
    if (!field.fields?.length) throw new SqlError(`Field ${field.name} is type RECORD but has no schema.`, undefined);
    duck = `STRUCT(${field.fields.map((f) => `${quoteIdent(f.name)} ${duckFieldType(f)}`).join(', ')})`;
  } else {
    const scalar = duckScalarType(type);
    if (!scalar) throw unsupported(`Column type ${type}`);
    duck = scalar;
  }
  return field.mode?.toUpperCase() === 'REPEATED' ? `${duck}[]` : duck;
}

/**
 * A GoogleSQL type written in a query (CAST targets): INT64, ARRAY<STRING>,
 * STRUCT<a INT64, b ARRAY<FLOAT64>>. `words` are the type's tokens.
 */
export function duckTypeFromTokens(words: string[]): string {
  let i = 0;
  const parse = (): string => {
    const name = (words[i++] ?? '').toUpperCase();
    if (name === 'ARRAY') {
      expect('<');
      const element = parse();
      expect('>');
      return `${element}[]`;
    }
    if (name === 'STRUCT') {
      expect('<');
      const fields: string[] = [];
      do {
        const fieldName = words[i++];
        fields.push(`${quoteIdent(fieldName)} ${parse()}`);
      } while (words[i] === ',' && ++i);
      expect('>');
      return `STRUCT(${fields.join(', ')})`;
    }
    const scalar = duckScalarType(name);
    if (!scalar) throw new SqlError(`Type not found: ${words.join(' ') || '(none)'}`);
    // Parameterized types (STRING(10), NUMERIC(10, 2)) keep the base type.
    if (words[i] === '(') while (i < words.length && words[i++] !== ')');
    return scalar;
  };
  // `>>` closes two nested types at once.
  words = words.flatMap((w) => (w === '>>' ? ['>', '>'] : [w]));
  const expect = (word: string) => {
    if (words[i++] !== word) throw new SqlError(`Syntax error: Expected "${word}" in type ${words.join('')}`);
  };
  const type = parse();
  if (i !== words.length) throw new SqlError(`Syntax error: Unexpected "${words[i]}" in type ${words.join(' ')}`);
  return type;
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** A DuckDB string literal ('' doubles quotes; backslashes are literal in DuckDB). */
export function duckString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
