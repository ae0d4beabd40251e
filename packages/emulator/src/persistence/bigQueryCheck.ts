// BigQuery metadata (journal) against table data (DuckDB) when DuckDB opens on a data
// dir. A request commits to DuckDB before its metadata reaches the journal, so a crash
// between the two leaves DuckDB ahead: a schema or table the journal never heard of
// (dropped: its request was not answered), one the journal still lists after a drop
// (forgotten: the drop had happened), or rows the journal did not count (counted).
// DuckDB opens inside the first BigQuery request, after that request changed the maps,
// so DuckDB is compared with the metadata as restored, and only entries still as
// restored are corrected (row counts by the difference).
import type { DuckDBConnection } from '@duckdb/node-api';
import { datasetKey, duckTable, tableKey, type BigQueryState, type DatasetMeta, type TableMeta } from '../bigquery/bigQueryState';
import { quoteIdent } from '../sql/sqlTypes';

/** The metadata as the journal had it, with each table's row count then. */
export interface RestoredMetadata {
  datasets: Map<string, DatasetMeta>;
  tables: Map<string, { table: TableMeta; numRows: number }>;
}

export function restoredMetadata(bq: BigQueryState): RestoredMetadata {
  return { datasets: new Map(bq.datasets), tables: new Map([...bq.tables].map(([key, table]) => [key, { table, numRows: table.numRows }])) };
}

export async function checkAgainstDuckDb(db: DuckDBConnection, bq: BigQueryState, restored: RestoredMetadata, projects: Set<string>): Promise<void> {
  const rows = async (sql: string) => ((await db.runAndReadAll(sql)).getRows() as string[][]).filter(([project]) => projects.has(project));
  const schemas = new Set<string>();
  for (const [project, dataset] of await rows('SELECT database_name, schema_name FROM duckdb_schemas() WHERE NOT internal')) {
    const key = datasetKey(project, dataset);
    if (restored.datasets.has(key)) schemas.add(key);
    else await db.run(`DROP SCHEMA ${quoteIdent(project)}.${quoteIdent(dataset)} CASCADE`);
  }
  for (const [key, d] of restored.datasets) if (!schemas.has(key) && bq.datasets.get(key) === d) bq.datasets.delete(key);

  const tables = new Set<string>();
  for (const [project, dataset, table] of await rows('SELECT database_name, schema_name, table_name FROM duckdb_tables()')) {
    const key = tableKey(project, dataset, table);
    if (restored.tables.has(key)) tables.add(key);
    else await db.run(`DROP TABLE ${duckTable({ projectId: project, datasetId: dataset, tableId: table })}`);
  }
  for (const [key, { table, numRows }] of restored.tables) {
    if (bq.tables.get(key) !== table) continue;
    if (!tables.has(key) || !bq.datasets.has(datasetKey(table.projectId, table.datasetId))) {
      bq.tables.delete(key);
      continue;
    }
    const [[count]] = (await db.runAndReadAll(`SELECT count(*) FROM ${duckTable(table)}`)).getRows() as bigint[][];
    table.numRows += Number(count) - numRows;
  }
}
