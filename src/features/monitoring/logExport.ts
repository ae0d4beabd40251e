// Export of the filtered prediction log to CSV (csv-stringify) or JSONL, page by page from
// the BigQuery job, with progress in a cancellable notification. Written to a temporary
// file first and moved into place at the end, so a cancelled export leaves nothing half-written.
import * as vscode from 'vscode';
import { stringify } from 'csv-stringify/sync';
import type { LogFilter } from './protocol';
import { exportPages, type QueryContext } from './monitoringQueries';
import { withCancellableProgress } from '../../ui/progress';

const CSV_COLUMNS = ['request_id', 'logging_time', 'deployed_model_id', 'api_method', 'status_code', 'latency_ms', 'request_payload', 'response_payload', 'full_request', 'full_response'];

export async function exportLog(q: Omit<QueryContext, 'signal'>, filter: LogFilter, format: 'csv' | 'jsonl', target: vscode.Uri): Promise<number> {
  return withCancellableProgress(
    vscode.l10n.t('Exporting the prediction log'),
    async (signal, progress) => {
      const chunks: string[] = format === 'csv' ? [stringify([CSV_COLUMNS])] : [];
      let written = 0;
      for await (const page of exportPages({ ...q, signal }, filter)) {
        if (signal.aborted) throw new vscode.CancellationError();
        chunks.push(format === 'csv' ? stringify(page.rows.map(csvRow)) : page.rows.map((r) => `${JSON.stringify(r)}\n`).join(''));
        written += page.rows.length;
        progress.report({ message: vscode.l10n.t('{0} of {1} requests', written, page.totalRows), increment: page.totalRows ? (100 * page.rows.length) / page.totalRows : undefined });
      }
      const partial = target.with({ path: `${target.path}.partial` });
      await vscode.workspace.fs.writeFile(partial, Buffer.from(chunks.join(''), 'utf8'));
      await vscode.workspace.fs.rename(partial, target, { overwrite: true });
      return written;
    },
  );
}

/** Nested values (payload arrays, JSON columns) as JSON text in their cell. */
function csvRow(row: Record<string, unknown>): unknown[] {
  return CSV_COLUMNS.map((c) => {
    const v = row[c];
    return v !== null && typeof v === 'object' ? JSON.stringify(v) : v;
  });
}
