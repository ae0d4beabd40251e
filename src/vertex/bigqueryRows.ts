// Reading a table's rows at any offset (tabledata.list with startIndex) and a table's or
// query's rows page by page, through @google-cloud/bigquery. An open table keeps its
// client Table object: the library caches the schema on it, so each page is one request.
import type { ClientPool } from './clients';
import { bqCall, columnsOf, INTEGERS, plainRow, readQueryRows, runQuery, type BigQueryColumn, type BigQueryRow } from './bigquery';
import { toNumber } from './protoValues';

export interface TableRef {
  readonly projectId: string;
  readonly datasetId: string;
  readonly tableId: string;
}

export interface OpenTable {
  readonly ref: TableRef;
  readonly columns: BigQueryColumn[];
  readonly numRows: number;
  /** TABLE, VIEW, …: tabledata.list serves tables only. */
  readonly type: string;
  /** `count` rows from row `start` (fewer at the end), values as plain JSON. */
  rowsAt(start: number, count: number, signal?: AbortSignal): Promise<BigQueryRow[]>;
}

/** A page of rows with the columns they have. */
export interface RowPage {
  readonly columns: BigQueryColumn[];
  readonly rows: BigQueryRow[];
  /** Rows in the whole source, when known. */
  readonly totalRows?: number;
}

export const bqUri = (ref: TableRef): string => `bq://${ref.projectId}.${ref.datasetId}.${ref.tableId}`;
export const tableLabel = (ref: TableRef): string => `${ref.projectId}.${ref.datasetId}.${ref.tableId}`;

export async function openTable(pool: ClientPool, ref: TableRef, signal?: AbortSignal): Promise<OpenTable> {
  const bq = await pool.bigQuery();
  const table = bq.dataset(ref.datasetId, { projectId: ref.projectId }).table(ref.tableId);
  const [metadata] = await bqCall('GetTable', () => table.getMetadata(), { signal });
  const raw = metadata as { schema?: unknown; numRows?: unknown; type?: unknown };
  return {
    ref,
    columns: columnsOf(raw.schema),
    numRows: toNumber(raw.numRows) ?? 0,
    type: String(raw.type ?? 'TABLE'),
    async rowsAt(start, count, rowSignal) {
      const options = { startIndex: String(start), maxResults: count, autoPaginate: false, wrapIntegers: INTEGERS };
      const [rows] = await bqCall('ListTableData', () => table.getRows({ ...options }), { signal: rowSignal });
      return rows.map(plainRow);
    },
  };
}

/** A table's rows in pages of `pageSize`, from the first. */
export async function* tablePages(pool: ClientPool, ref: TableRef, options: { pageSize?: number; signal?: AbortSignal } = {}): AsyncGenerator<RowPage> {
  const table = await openTable(pool, ref, options.signal);
  const pageSize = options.pageSize ?? 1000;
  for (let start = 0; ; start += pageSize) {
    const rows = await table.rowsAt(start, pageSize, options.signal);
    yield { columns: table.columns, rows, totalRows: table.numRows };
    if (rows.length < pageSize || start + rows.length >= table.numRows) return;
  }
}

/** A query's result rows in pages: the job runs once, its results are paged by token. */
export async function* queryPages(pool: ClientPool, sql: string, options: { pageSize?: number; signal?: AbortSignal } = {}): AsyncGenerator<RowPage> {
  const { signal } = options;
  const pageSize = options.pageSize ?? 1000;
  const first = await runQuery(pool, sql, { pageSize, signal });
  yield { columns: first.columns, rows: first.items, totalRows: first.totalRows };
  for (let token = first.nextPageToken; token; ) {
    const next = await readQueryRows(pool, first.jobId, { pageToken: token, pageSize, location: first.location, signal });
    yield { columns: first.columns, rows: next.items, totalRows: first.totalRows };
    token = next.nextPageToken;
  }
}

/** A cell as the preview shows it: NULL stays null, text as it is, nested values as compact JSON. */
export function cellText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value);
}

/** The columns a query would return, from a dry run (free in BigQuery, nothing executes). */
export async function queryColumns(pool: ClientPool, sql: string, signal?: AbortSignal): Promise<BigQueryColumn[]> {
  const bq = await pool.bigQuery();
  const [response] = await bqCall(
    'QueryDryRun',
    () =>
      new Promise<unknown[]>((resolve, reject) =>
        bq.request({ method: 'POST', uri: '/queries', json: { query: sql, useLegacySql: false, dryRun: true } }, (err, body) => (err ? reject(err) : resolve([body]))),
      ),
    { signal, idempotent: true },
  );
  return columnsOf((response as { schema?: unknown }).schema);
}
