// "Export to Tuning JSONL": ask (exportTuningFlow), choose where to save, stream the
// rows into the file with a cancellable progress notification, read it back to check
// it, then offer to open it. Cancelling removes the unfinished file.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { textColumns } from './columnMapping';
import { writeTuningJsonl, type ExportResult } from './tuningJsonl';
import { validateTuningJsonl, type TuningFileCheck } from './validateTuningJsonl';
import type { FeatureContext } from '../../core/contracts';
import { runFlow } from '../../ui/multiStepFlow';
import { openTable, queryPages, tablePages, tableLabel } from '../../vertex/bigqueryRows';
import { parseError } from '../../vertex/parseError';
import { bqTableFrom } from './bqTableFrom';
import { exportMapping, exportSteps, sourceLabel, tooFewTextColumns, type ExportState } from './exportTuningFlow';
import { withCancellableProgress } from '../../ui/progress';

export interface ExportOutcome extends ExportResult {
  readonly file: string;
  readonly check: TuningFileCheck;
}

/**
 * `target`: a table node or bq:// URI (else the user picks a table or writes a query).
 * `destination`: a file path or Uri, for callers that already know it (else a save dialog).
 */
export async function exportTuningCommand(ctx: FeatureContext, target?: unknown, destination?: unknown): Promise<ExportOutcome | undefined> {
  const pool = await ctx.pool();
  const ref = bqTableFrom(target, pool.connection.project);
  let initial: ExportState = { sql: '', sourceGiven: false };
  if (ref) {
    const table = await openTable(pool, ref);
    if (textColumns(table.columns).length < 2) throw new Error(tooFewTextColumns(tableLabel(ref)));
    initial = { ...initial, source: { kind: 'table', ref }, columns: table.columns, sourceGiven: true };
  }
  const flow = await runFlow(ctx.input(), exportSteps(ctx.pool), initial);
  if (flow.status === 'cancelled' || !flow.state.source) return undefined;
  const { state } = flow;
  const source = state.source!;
  const file = await destinationFile(destination, source.kind === 'table' ? source.ref.tableId : 'query');
  if (!file) return undefined;

  const mapping = exportMapping(state);
  const result = await withCancellableProgress(
    vscode.l10n.t('Exporting {0} to {1}', sourceLabel(source), path.basename(file)),
    async (signal, progress) => {
      let reported = 0;
      try {
        const options = { pageSize: 1000, signal };
        const pages = source.kind === 'table' ? tablePages(pool, source.ref, options) : queryPages(pool, source.sql, options);
        return await writeTuningJsonl(pages, mapping, file, {
          signal,
          onProgress: ({ rowsRead, totalRows }) => {
            const percent = totalRows ? (100 * rowsRead) / totalRows : undefined;
            progress.report({
              message: totalRows ? vscode.l10n.t('{0} of {1} rows', rowsRead.toLocaleString(), totalRows.toLocaleString()) : vscode.l10n.t('{0} rows', rowsRead.toLocaleString()),
              ...(percent !== undefined ? { increment: percent - reported } : {}),
            });
            if (percent !== undefined) reported = percent;
          },
        });
      } catch (error) {
        if (parseError(error).code === 'CANCELLED') {
          void vscode.window.showInformationMessage(vscode.l10n.t('Export cancelled; no file was written.'));
        }
        throw error;
      }
    },
  );

  const check = await validateTuningJsonl(file);
  const outcome: ExportOutcome = { ...result, file, check };
  void announce(outcome);
  return outcome;
}

async function destinationFile(destination: unknown, baseName: string): Promise<string | undefined> {
  if (typeof destination === 'string' && destination) return destination;
  if (destination instanceof vscode.Uri) return destination.fsPath;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const uri = await vscode.window.showSaveDialog({
    title: vscode.l10n.t('Save the tuning data as'),
    saveLabel: vscode.l10n.t('Export'),
    filters: { [vscode.l10n.t('JSON Lines')]: ['jsonl'] },
    ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, `${baseName}.jsonl`) } : {}),
  });
  return uri?.fsPath;
}

async function announce(outcome: ExportOutcome): Promise<void> {
  const open = vscode.l10n.t('Open File');
  const name = path.basename(outcome.file);
  const skipped = outcome.skipped ? vscode.l10n.t(' {0} rows without a prompt or an answer were skipped.', outcome.skipped) : '';
  const problem = outcome.check.problems[0];
  const picked = problem
    ? await vscode.window.showWarningMessage(
        vscode.l10n.t('Exported {0} examples to {1}, but line {2} does not read back as a tuning example: {3}.', outcome.written, name, problem.line, problem.message),
        open,
      )
    : await vscode.window.showInformationMessage(vscode.l10n.t('Exported {0} examples to {1}, checked.{2}', outcome.written, name, skipped), open);
  if (picked === open) await vscode.window.showTextDocument(vscode.Uri.file(outcome.file));
}
