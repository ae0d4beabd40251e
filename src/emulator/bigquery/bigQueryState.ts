// BigQuery's state: dataset and table metadata and jobs in memory, table data in DuckDB
// (a catalog per project, a schema per dataset, a table per table). Seeds and DuckDB
// wait for the first BigQuery call, so an emulator that never serves BigQuery never
// loads them. All DuckDB work runs one operation at a time. With --data-dir each project's
// catalog is a DuckDB file and persistence/bigQueryPart.ts journals the metadata.
import type { DuckDBConnection, DuckDBInstance, DuckDBType } from '@duckdb/node-api';
import type { EmulatorState } from '../context';
import { duckFieldType, duckString, quoteIdent, type FieldSchema } from '../sql/sqlTypes';
import { bulkInsert } from './bulkInsert';

export interface DatasetMeta {
  projectId: string;
  datasetId: string;
  location: string;
  creationTime: number;
  lastModifiedTime: number;
  description?: string;
  friendlyName?: string;
  labels?: Record<string, string>;
}

export interface TableMeta {
  projectId: string;
  datasetId: string;
  tableId: string;
  schema: FieldSchema[];
  creationTime: number;
  lastModifiedTime: number;
  numRows: number;
  /** Approximate (the size of the inserted values): what queries report as bytes processed. */
  numBytes: number;
  description?: string;
  friendlyName?: string;
  labels?: Record<string, string>;
}

/** Rows as DuckDB returned them, rendered per request (formatOptions differ). */
export interface ResultSet {
  schema: FieldSchema[];
  types: DuckDBType[];
  rows: unknown[][];
}

export interface JobRecord {
  projectId: string;
  jobId: string;
  location: string;
  configuration: Record<string, unknown>;
  creationTime: number;
  endTime: number;
  bytesProcessed: number;
  error?: { reason: string; message: string; location?: string };
  result?: ResultSet;
}

type DuckOp<T> = (db: DuckDBConnection) => Promise<T>;

/** With --data-dir (persistence/bigQueryPart.ts): where catalogs live, and a check when DuckDB opens. */
export interface BigQueryFiles {
  catalogPath(projectId: string): string;
  /** Runs once, on the new connection, before any other work. */
  opened(db: DuckDBConnection): Promise<void>;
}

export const datasetKey = (projectId: string, datasetId: string) => `${projectId}:${datasetId}`;
export const tableKey = (projectId: string, datasetId: string, tableId: string) => `${projectId}:${datasetId}.${tableId}`;
export const jobKey = (projectId: string, location: string, jobId: string) => `${projectId}:${location}.${jobId}`;
export const duckTable = (t: { projectId: string; datasetId: string; tableId: string }) => [t.projectId, t.datasetId, t.tableId].map(quoteIdent).join('.');

export class BigQueryState {
  readonly datasets = new Map<string, DatasetMeta>();
  readonly tables = new Map<string, TableMeta>();
  readonly jobs = new Map<string, JobRecord>();
  private instance?: DuckDBInstance;
  private connection?: Promise<DuckDBConnection>;
  private readonly deferred: DuckOp<unknown>[] = [];
  private tail: Promise<unknown> = Promise.resolve();
  private readonly catalogs = new Set<string>();
  /** See seedBigQuery(). */
  readonly seeders: ((bq: BigQueryState) => void)[] = [];
  files?: BigQueryFiles;

  constructor(readonly now: () => Date) {}

  /** Runs after every earlier operation, DuckDB opened (and seeded) first. */
  run<T>(op: DuckOp<T>): Promise<T> {
    const result = this.tail.then(async () => {
      const db = await this.open();
      while (this.deferred.length) await this.deferred.shift()!(db);
      return op(db);
    });
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** Seeds: the write waits until DuckDB is first needed. */
  defer(op: DuckOp<unknown>): void {
    if (this.connection) void this.run(op);
    else this.deferred.push(op);
  }

  /** Registers the dataset now; its DuckDB schema is created with `write`. */
  addDataset(meta: DatasetMeta, write: (op: DuckOp<unknown>) => unknown = (op) => this.run(op)): Promise<unknown> | unknown {
    this.datasets.set(datasetKey(meta.projectId, meta.datasetId), meta);
    const catalog = quoteIdent(meta.projectId);
    const needsCatalog = !this.catalogs.has(meta.projectId);
    this.catalogs.add(meta.projectId);
    const file = this.files?.catalogPath(meta.projectId) ?? ':memory:';
    return write(async (db) => {
      if (needsCatalog) await db.run(`ATTACH IF NOT EXISTS ${duckString(file)} AS ${catalog}`);
      await db.run(`CREATE SCHEMA ${catalog}.${quoteIdent(meta.datasetId)}`);
    });
  }

  /** Registers the table now (its column types are checked first); DuckDB creates it with `write`. */
  addTable(meta: TableMeta, write: (op: DuckOp<unknown>) => unknown = (op) => this.run(op)): Promise<unknown> | unknown {
    const columns = meta.schema.map((f) => `${quoteIdent(f.name)} ${duckFieldType(f)}`).join(', ');
    this.tables.set(tableKey(meta.projectId, meta.datasetId, meta.tableId), meta);
    return write((db) => db.run(`CREATE TABLE ${duckTable(meta)} (${columns})`));
  }

  /** Appends rows already written as DuckDB row literals "(…)". */
  insertRows(meta: TableMeta, rows: string[], write: (op: DuckOp<unknown>) => unknown = (op) => this.run(op)): Promise<unknown> | unknown {
    meta.numRows += rows.length;
    meta.numBytes += rows.reduce((n, row) => n + row.length, 0);
    meta.lastModifiedTime = this.now().getTime();
    return write((db) =>
      inTransaction(db, async () => {
        for (let i = 0; i < rows.length; i += 500) await db.run(`INSERT INTO ${duckTable(meta)} VALUES ${rows.slice(i, i + 500).join(', ')}`);
      }),
    );
  }

  /** Seeds: rows as JSON, counted now, written when DuckDB opens. */
  seedRows(meta: TableMeta, rows: Record<string, unknown>[]): void {
    meta.numRows += rows.length;
    meta.numBytes += rows.reduce((n, row) => n + JSON.stringify(row).length, 0);
    this.defer((db) => bulkInsert(db, duckTable(meta), meta.schema, rows));
  }

  async close(): Promise<void> {
    const connection = await this.connection?.catch(() => undefined);
    connection?.closeSync();
    this.instance?.closeSync();
  }

  private open(): Promise<DuckDBConnection> {
    this.connection ??= (async () => {
      const { instance, db } = await openDuckDb();
      this.instance = instance;
      await this.files?.opened(db);
      return db;
    })();
    return this.connection;
  }
}

/** An in-memory DuckDB that computes and prints TIMESTAMPs in UTC, as BigQuery does, whatever the machine's TZ. */
export async function openDuckDb(): Promise<{ instance: DuckDBInstance; db: DuckDBConnection }> {
  // Loaded on first use: a native addon, kept out of the bundle (see esbuild.mjs).
  const { DuckDBInstance, DuckDBTimestampTZValue } = await import('@duckdb/node-api');
  // The client library prints TIMESTAMPTZ values (getRowObjectsJson) at the offset of TZ when Node started.
  DuckDBTimestampTZValue.timezoneOffsetInMinutes = 0;
  const instance = await DuckDBInstance.create(':memory:');
  const db = await instance.connect();
  await db.run(`SET TimeZone = 'UTC'`);
  return { instance, db };
}

/** All of `work` or none of it: a failed or interrupted write leaves no half (with --data-dir, across a crash too). */
export async function inTransaction<T>(db: DuckDBConnection, work: () => Promise<T>): Promise<T> {
  await db.run('BEGIN TRANSACTION');
  try {
    const result = await work();
    await db.run('COMMIT');
    return result;
  } catch (err) {
    await db.run('ROLLBACK');
    throw err;
  }
}

/** The BigQuery side of an emulator, created (and seeded) on first use. */
export function bigQueryOf(state: EmulatorState): BigQueryState {
  const bq = (state.bigquery ??= new BigQueryState(state.now));
  while (bq.seeders.length) bq.seeders.shift()?.(bq);
  return bq;
}

/** Seeds run on the first BigQuery call, so emulators that never serve BigQuery start faster. */
export function seedBigQuery(state: EmulatorState, seeder: (bq: BigQueryState) => void): void {
  (state.bigquery ??= new BigQueryState(state.now)).seeders.push(seeder);
}
