// tabledata.list (rows in insertion order, paged by pageToken or startIndex, selectedFields) and tabledata.insertAll
// (per-row insertErrors; one invalid row stops the request unless skipInvalidRows).
import type { CustomRoute } from '../context';
import { renderPage, type CellOptions } from './bigQueryCells';
import { bqInvalid } from './bigQueryError';
import { LiteralProblem, rowLiteral } from './bigQueryLiterals';
import { count, etag, pageToken } from './bigQueryResources';
import { bigQueryOf, duckTable } from './bigQueryState';
import { bqRoute, table } from './datasetRoutes';
import { quoteIdent } from '../sql/sqlTypes';

/** Rows per page when the caller sets no maxResults, and the most read at once (pages are also capped by size). */
const DEFAULT_PAGE_ROWS = 100_000;

export function tabledataRoutes(): CustomRoute[] {
  return [
    bqRoute('GET', '/datasets/{datasetId}/tables/{tableId}/data', 'TableDataService.List', async ({ vars, query, state }) => {
      const bq = bigQueryOf(state);
      const t = table(bq, vars);
      const token = query.get('pageToken');
      const decoded = token ? /^o(\d+)$/.exec(Buffer.from(token, 'base64url').toString()) : undefined;
      if (token && !decoded) throw bqInvalid(`Invalid page token: ${token}`);
      const start = decoded ? count(decoded[1], 'page token') : count(query.get('startIndex') ?? '0', 'startIndex');
      const max = count(query.get('maxResults') ?? String(DEFAULT_PAGE_ROWS), 'maxResults');
      const selected = selectedColumns(query.get('selectedFields'), t.schema.map((f) => f.name));
      // No ORDER BY rowid: DuckDB keeps insertion order without it (preserve_insertion_order,
      // on by default), and sorting made a page at row 999,900 of a million cost 60 ms, not 3.
      const reader = await bq.run((db) =>
        db.runAndReadAll(`SELECT ${selected.map(quoteIdent).join(', ')} FROM ${duckTable(t)} LIMIT ${Math.min(max, DEFAULT_PAGE_ROWS)} OFFSET ${start}`),
      );
      const rows = renderPage(reader.getRows() as unknown[][], reader.columnTypes(), cellOptions(query));
      const body: Record<string, unknown> = { kind: 'bigquery#tableDataList', etag: etag([t.lastModifiedTime, start, max]), totalRows: String(t.numRows) };
      if (max > 0 && start + rows.length < t.numRows) body.pageToken = pageToken(start + rows.length);
      if (rows.length) body.rows = rows;
      return { body };
    }),
    bqRoute('POST', '/datasets/{datasetId}/tables/{tableId}/insertAll', 'TableDataService.InsertAll', async ({ vars, body, state }) => {
      const bq = bigQueryOf(state);
      const t = table(bq, vars);
      const request = (body ?? {}) as { rows?: { json?: unknown }[]; skipInvalidRows?: boolean; ignoreUnknownValues?: boolean };
      if (!request.rows?.length) throw bqInvalid('No rows present in the request.');
      const good: string[] = [];
      const insertErrors: { index: number; errors: Record<string, string>[] }[] = [];
      request.rows.forEach((row, index) => {
        try {
          good.push(rowLiteral(t.schema, row.json, request.ignoreUnknownValues === true));
        } catch (err) {
          if (!(err instanceof LiteralProblem)) throw err;
          insertErrors.push({ index, errors: [{ reason: 'invalid', location: err.problem.location, debugInfo: '', message: err.problem.message }] });
        }
      });
      const reply: Record<string, unknown> = { kind: 'bigquery#tableDataInsertAllResponse' };
      if (insertErrors.length && !request.skipInvalidRows) {
        // Nothing is written: every valid row is reported as stopped.
        const invalid = new Set(insertErrors.map((e) => e.index));
        request.rows.forEach((_, index) => {
          if (!invalid.has(index)) insertErrors.push({ index, errors: [{ reason: 'stopped', location: '', debugInfo: '', message: '' }] });
        });
        return { body: { ...reply, insertErrors } };
      }
      if (good.length) await bq.insertRows(t, good);
      if (insertErrors.length) reply.insertErrors = insertErrors;
      return { body: reply };
    }),
  ];
}

export function cellOptions(query: URLSearchParams, body?: { useInt64Timestamp?: boolean; timestampOutputFormat?: string }): CellOptions {
  const format = body?.timestampOutputFormat ?? query.get('formatOptions.timestampOutputFormat') ?? undefined;
  const int64 = body?.useInt64Timestamp ?? (query.get('formatOptions.useInt64Timestamp') === 'true');
  return { useInt64Timestamp: int64 || format === 'INT64', isoTimestamps: format === 'ISO8601_STRING' };
}

/** selectedFields "a,b.c": top-level columns in schema order ("b.c" selects b). */
function selectedColumns(selected: string | null, columns: string[]): string[] {
  if (!selected) return columns;
  const wanted = new Set(selected.split(',').map((f) => f.trim().split('.')[0].toLowerCase()).filter(Boolean));
  const unknown = [...wanted].find((w) => !columns.some((c) => c.toLowerCase() === w));
  if (unknown) throw bqInvalid(`Unrecognized name: ${unknown}`);
  return columns.filter((c) => wanted.has(c.toLowerCase()));
}
