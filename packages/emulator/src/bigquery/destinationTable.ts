// A query job's destinationTable, with BigQuery's dispositions: CREATE_IF_NEEDED /
// CREATE_NEVER, WRITE_EMPTY (fails on a table with rows), WRITE_TRUNCATE, WRITE_APPEND
// (the result schema must match the table's). The write is one DuckDB transaction.
import type { DuckDBConnection } from '@duckdb/node-api';
import { bqDuplicate, bqInvalid, bqNotFound } from './bigQueryError';
import { datasetKey, duckTable, inTransaction, tableKey, type BigQueryState, type ResultSet, type TableMeta } from './bigQueryState';
import { normalizeSchema } from './datasetRoutes';

export interface Destination {
  projectId?: string;
  datasetId?: string;
  tableId?: string;
}

/** Runs inside BigQueryState.run, on its connection. */
export async function writeDestination(bq: BigQueryState, db: DuckDBConnection, sql: string, result: ResultSet, dest: Destination, config: Record<string, unknown>): Promise<void> {
  const projectId = dest.projectId ?? '';
  const datasetId = dest.datasetId ?? '';
  const tableId = dest.tableId ?? '';
  const name = `${projectId}:${datasetId}.${tableId}`;
  if (!bq.datasets.has(datasetKey(projectId, datasetId))) throw bqNotFound(`Dataset ${projectId}:${datasetId}`);
  const existing = bq.tables.get(tableKey(projectId, datasetId, tableId));
  const write = String(config.writeDisposition ?? 'WRITE_EMPTY');
  const create = String(config.createDisposition ?? 'CREATE_IF_NEEDED');
  if (!existing && create === 'CREATE_NEVER') throw bqNotFound(`Table ${name}`);
  if (existing && write === 'WRITE_EMPTY' && existing.numRows > 0) throw bqDuplicate(`Table ${name}`);
  const schema = normalizeSchema(result.schema);
  const key = tableKey(projectId, datasetId, tableId);
  const append = existing && write === 'WRITE_APPEND' ? existing : undefined;
  const shape = (fields: typeof schema) => JSON.stringify(fields.map((f) => [f.name.toLowerCase(), f.type, f.mode, f.fields ?? []]));
  if (append && shape(append.schema) !== shape(schema)) throw bqInvalid(`Provided Schema does not match Table ${name}.`);
  let target: TableMeta;
  try {
    target = await inTransaction(db, async () => {
      let table = append;
      if (!table) {
        if (existing) await db.run(`DROP TABLE ${duckTable(existing)}`);
        const now = bq.now().getTime();
        table = { projectId, datasetId, tableId, schema, creationTime: existing?.creationTime ?? now, lastModifiedTime: now, numRows: 0, numBytes: 0 };
        await bq.addTable(table, (op) => op(db));
      }
      await db.run(`INSERT INTO ${duckTable(table)} SELECT * FROM (${sql})`);
      return table;
    });
  } catch (err) {
    // DuckDB rolled back: so does the table's metadata.
    if (existing) bq.tables.set(key, existing);
    else bq.tables.delete(key);
    throw err;
  }
  target.numRows += result.rows.length;
  target.lastModifiedTime = bq.now().getTime();
}
