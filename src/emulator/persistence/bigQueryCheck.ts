// BigQuery metadata (journal) against table data (DuckDB) when DuckDB opens on a data
// dir. A request commits to DuckDB before its metadata reaches the journal, so a crash
// between the two leaves DuckDB ahead: a schema or table the journal never heard of
// (dropped: its request was not answered), one the journal still lists after a drop
// (forgotten: the drop had happened), or rows the journal did not count (recounted).
import type { DuckDBConnection } from '@duckdb/node-api';
import { datasetKey, duckTable, tableKey, type BigQueryState } from '../bigquery/bigQueryState';
import { quoteIdent } from '../sql/sqlTypes';

export async function checkAgainstDuckDb(db: DuckDBConnection, bq: BigQueryState, projects: Set<string>): Promise<void> {
  const rows = async (sql: string) => ((await db.runAndReadAll(sql)).getRows() as string[][]).filter(([project]) => projects.has(project));
  const schemas = new Set<string>();
  for (const [project, dataset] of await rows('SELECT database_name, schema_name FROM duckdb_schemas() WHERE NOT internal')) {
    if (bq.datasets.has(datasetKey(project, dataset))) schemas.add(datasetKey(project, dataset));
    else await db.run(`DROP SCHEMA ${quoteIdent(project)}.${quoteIdent(dataset)} CASCADE`);
  }
  for (const [key, d] of bq.datasets) if (projects.has(d.projectId) && !schemas.has(key)) bq.datasets.delete(key);

  const tables = new Set<string>();
  for (const [project, dataset, table] of await rows('SELECT database_name, schema_name, table_name FROM duckdb_tables()')) {
    const key = tableKey(project, dataset, table);
    if (bq.tables.has(key)) tables.add(key);
    else await db.run(`DROP TABLE ${duckTable({ projectId: project, datasetId: dataset, tableId: table })}`);
  }
  for (const [key, t] of bq.tables) {
    if (!tables.has(key) || !bq.datasets.has(datasetKey(t.projectId, t.datasetId))) {
      bq.tables.delete(key);
      continue;
    }
    const [[count]] = (await db.runAndReadAll(`SELECT count(*) FROM ${duckTable(t)}`)).getRows() as bigint[][];
    if (Number(count) !== t.numRows) t.numRows = Number(count);
  }
}
