// Runs a GoogleSQL query: binds parameters, translates to DuckDB, checks that every
// table exists (BigQuery's notFound wording), executes, and names the columns as
// BigQuery does (f0_, f1_ … for expressions without an alias). DuckDB errors become
// invalidQuery errors a BigQuery user would recognise.
import type { DuckDBConnection } from '@duckdb/node-api';
import { SqlError } from '../sql/sqlError';
import { translateQuery, type Translation } from '../sql/sqlTranslate';
import { fieldOf } from './bigQueryCells';
import { BigQueryError, bqInvalidQuery, bqNotFound } from './bigQueryError';
import { bindParameters, type QueryParameter } from './queryParameters';
import { datasetKey, tableKey, type BigQueryState, type ResultSet } from './bigQueryState';

export interface QueryInput {
  projectId: string;
  query?: string;
  useLegacySql?: boolean;
  defaultDataset?: { projectId?: string; datasetId?: string };
  parameterMode?: string;
  queryParameters?: QueryParameter[];
  /** Where errors point: "q" for jobs.query, "query" for a job configuration. */
  errorLocation: string;
}

const LEGACY =
  'Legacy SQL is not supported by the Vertex GenAI emulator: set useLegacySql to false. ' +
  '[Try using standard SQL (https://cloud.google.com/bigquery/docs/reference/standard-sql/enabling-standard-sql)]';

/** Translates and checks a query without running it. */
export function prepareQuery(bq: BigQueryState, input: QueryInput): Translation & { bytes: number } {
  if (input.useLegacySql !== false) throw bqInvalidQuery(LEGACY, input.errorLocation);
  if (!input.query?.trim()) throw new BigQueryError('required', 'Required parameter is missing: query', { location: input.errorLocation });
  const params = bindParameters(input.queryParameters, input.parameterMode);
  let translation: Translation;
  try {
    translation = translateQuery(input.query, {
      defaultProject: input.defaultDataset?.projectId ?? input.projectId,
      defaultDataset: input.defaultDataset?.datasetId,
      named: params.named,
      positional: params.positional,
      now: bq.now(),
    });
  } catch (err) {
    if (err instanceof SqlError) throw bqInvalidQuery(err.message, input.errorLocation);
    throw err;
  }
  let bytes = 0;
  for (const ref of translation.tables) {
    if (!bq.datasets.has(datasetKey(ref.project, ref.dataset))) throw bqNotFound(`Dataset ${ref.project}:${ref.dataset} was not found in location US`);
    const table = bq.tables.get(tableKey(ref.project, ref.dataset, ref.table));
    if (!table) throw bqNotFound(`Table ${ref.project}:${ref.dataset}.${ref.table} was not found in location US`);
    bytes += table.numBytes;
  }
  return { ...translation, bytes };
}

/** Runs a prepared query on DuckDB; `limit0` gets the schema only (dry runs). */
export async function execute(db: DuckDBConnection, sql: string, errorLocation: string, limit0 = false): Promise<ResultSet> {
  try {
    const reader = await db.runAndReadAll(limit0 ? `SELECT * FROM (${sql}) LIMIT 0` : sql);
    const types = reader.columnTypes();
    let anonymous = 0;
    const schema = reader.columnNames().map((name, i) => fieldOf(/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `f${anonymous++}_`, types[i]));
    return { schema, types, rows: reader.getRows() as unknown[][] };
  } catch (err) {
    throw bqInvalidQuery(duckErrorMessage(err), errorLocation);
  }
}

/** DuckDB's error, reworded the way BigQuery words the same problem when there is one. */
export function duckErrorMessage(err: unknown): string {
  const first = (err instanceof Error ? err.message : String(err)).split('\n')[0];
  const body = first.replace(/^[A-Za-z ]+ Error: /, '');
  const rules: [RegExp, (m: RegExpExecArray) => string][] = [
    [/Referenced column "(.+?)" not found/, (m) => `Unrecognized name: ${m[1]}`],
    [/column "(.+?)" must appear in the GROUP BY clause/, (m) => `SELECT list expression references column ${m[1]} which is neither grouped nor aggregated`],
    [/Could not convert string '(.*)' to INT(64|32|16|8)/, (m) => `Bad int64 value: ${m[1]}`],
    [/Could not convert string '(.*)' to (DOUBLE|FLOAT)/, (m) => `Bad double value: ${m[1]}`],
    [/No function matches the given name and argument types '(\w+)\((.*)\)'/, (m) => `No matching signature for function ${m[1].toUpperCase()} for argument types: ${m[2]}`],
    [/^syntax error at or near (.*)$/, (m) => `Syntax error: Unexpected ${m[1]}`],
    [/^syntax error at end of input$/, () => 'Syntax error: Unexpected end of script'],
  ];
  for (const [re, word] of rules) {
    const m = re.exec(body);
    if (m) return word(m);
  }
  return body;
}
