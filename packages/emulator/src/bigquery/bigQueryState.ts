// BigQuery's state: dataset and table metadata and jobs in memory, table data in DuckDB
// (a catalog per project, a schema per dataset, a table per table). Seeds and DuckDB
// wait for the first BigQuery call, so an emulator that never serves BigQuery never
// loads them. Writes run one at a time on one connection; each query runs on a connection of
// its own, so a slow query blocks no other and can be interrupted. DuckDB is sandboxed: no
// file, network or extension access from SQL, and its settings locked. With --data-dir each
// project's catalog is a DuckDB file and persistence/bigQueryPart.ts journals the metadata.
import type { DuckDBConnection, DuckDBInstance, DuckDBType } from '@duckdb/node-api';
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

const DEFAULT_MAX_QUERY_MS = 300_000;

type DuckOp<T> = (db: DuckDBConnection) => Promise<T>;

/** With --data-dir (persistence/bigQueryPart.ts): where catalogs live, and a check when DuckDB opens. */
export interface BigQueryFiles {
  /** The only directory DuckDB may open files in (ends with a separator). */
  dir: string;
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
  /** Jobs still running, by jobKey: what they will settle and how to stop them (not persisted). */
  readonly running = new Map<string, { done: Promise<void>; stop(reason: Error): void }>();
  private instance?: DuckDBInstance;
  private connection?: Promise<DuckDBConnection>;
  private readonly deferred: DuckOp<unknown>[] = [];
  private tail: Promise<unknown> = Promise.resolve();
  private readonly catalogs = new Set<string>();
  /** See seedBigQuery(). */
  readonly seeders: ((bq: BigQueryState) => void)[] = [];
  files?: BigQueryFiles;

  constructor(
    readonly now: () => Date,
    /** A query running longer is stopped (--max-query-ms); BigQuery's own cap is 6 hours. */
    readonly maxQueryMs = DEFAULT_MAX_QUERY_MS,
  ) {}

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

  /**
   * Runs a query on a connection of its own, after every earlier write; aborting `signal`
   * interrupts it (DuckDB then fails it with "Interrupted").
   */
  async read<T>(op: DuckOp<T>, signal?: AbortSignal): Promise<T> {
    await this.run(async () => undefined);
    const db = await this.instance!.connect();
    const interrupt = () => db.interrupt();
    signal?.addEventListener('abort', interrupt);
    try {
      signal?.throwIfAborted();
      return await op(db);
    } finally {
      signal?.removeEventListener('abort', interrupt);
      db.closeSync();
    }
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
    for (const job of this.running.values()) job.stop(new Error('The emulator is closing'));
    await Promise.allSettled([...this.running.values()].map((job) => job.done));
    const connection = await this.connection?.catch(() => undefined);
    connection?.closeSync();
    this.instance?.closeSync();
  }

  private open(): Promise<DuckDBConnection> {
    this.connection ??= (async () => {
      const { instance, db } = await openDuckDb(this.files?.dir);
      this.instance = instance;
      await this.files?.opened(db);
      return db;
    })();
    return this.connection;
  }
}

/** An in-memory DuckDB that computes and prints TIMESTAMPs in UTC, as BigQuery does, whatever the machine's TZ. */
export async function openDuckDb(allowedDirectory?: string): Promise<{ instance: DuckDBInstance; db: DuckDBConnection }> {
  // Loaded on first use: a native addon, kept out of the bundle (see esbuild.mjs).
  const { DuckDBInstance, DuckDBTimestampTZValue } = await import('@duckdb/node-api');
  // The client library prints TIMESTAMPTZ values (getRowObjectsJson) at the offset of TZ when Node started.
  DuckDBTimestampTZValue.timezoneOffsetInMinutes = 0;
  const instance = await DuckDBInstance.create(':memory:', { autoinstall_known_extensions: 'false', autoload_known_extensions: 'false' });
  const db = await instance.connect();
  await db.run(`SET GLOBAL TimeZone = 'UTC'`);
  // Queries may not read, list or write files, reach the network, load extensions or
  // change settings; only the catalogs of --data-dir may be opened (ATTACH, by the emulator).
  if (allowedDirectory) await db.run(`SET allowed_directories = [${duckString(allowedDirectory)}]`);
  await db.run('SET enable_external_access = false');
  await db.run('SET lock_configuration = true');
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

/** The part of EmulatorState (context.ts) that holds the BigQuery side. */
type BigQueryHolder = { bigquery?: BigQueryState; now: () => Date; maxQueryMs?: number };

/** The BigQuery side of an emulator, created (and seeded) on first use. */
export function bigQueryOf(state: BigQueryHolder): BigQueryState {
  const bq = (state.bigquery ??= new BigQueryState(state.now, state.maxQueryMs));
  while (bq.seeders.length) bq.seeders.shift()?.(bq);
  return bq;
}

/** Seeds run on the first BigQuery call, so emulators that never serve BigQuery start faster. */
export function seedBigQuery(state: BigQueryHolder, seeder: (bq: BigQueryState) => void): void {
  (state.bigquery ??= new BigQueryState(state.now, state.maxQueryMs)).seeders.push(seeder);
}
