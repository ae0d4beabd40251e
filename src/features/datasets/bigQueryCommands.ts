// BigQuery table commands: Preview Rows, Export to Tuning JSONL, Copy bq:// URI. Each
// takes a Datasets tree table node or a bq:// URI; from the palette it asks for a table.
import * as vscode from 'vscode';
import type { CommandHandlers, FeatureContext } from '../../core/contracts';
import { runFlow } from '../../ui/multiStepFlow';
import { RowPreviewPanel } from './rowPreviewPanel';
import { bqUri, type TableRef } from '../../vertex/bigqueryRows';
import { tableOptions } from './bigQueryTableStep';
import { bqTableFrom } from './bqTableFrom';
import { exportTuningCommand } from './exportTuningCommand';

export function bigQueryCommands(ctx: FeatureContext): CommandHandlers {
  return {
    'vertexGenAi.previewRows': async (target?: unknown) => {
      const ref = await tableFor(ctx, target, vscode.l10n.t('Preview Rows'));
      return ref && RowPreviewPanel.show(ctx.host.context.extensionUri, ctx.pool, ref);
    },
    'vertexGenAi.exportTuningJsonl': (target?: unknown, destination?: unknown) => exportTuningCommand(ctx, target, destination),
    'vertexGenAi.copyBigQueryUri': async (target?: unknown) => {
      const ref = await tableFor(ctx, target, vscode.l10n.t('Copy BigQuery URI'));
      if (!ref) return undefined;
      await vscode.env.clipboard.writeText(bqUri(ref));
      vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', bqUri(ref)), 3000);
      return bqUri(ref);
    },
  };
}

/** The table the command was invoked on, or the one the user picks. */
async function tableFor(ctx: FeatureContext, target: unknown, title: string): Promise<TableRef | undefined> {
  const pool = await ctx.pool();
  const given = bqTableFrom(target, pool.connection.project);
  if (given || (target !== undefined && typeof target !== 'object')) {
    if (!given) throw new Error(vscode.l10n.t('"{0}" is not a BigQuery table: write it as bq://project.dataset.table.', String(target)));
    return given;
  }
  const flow = await runFlow<{ table?: TableRef }>(
    ctx.input(),
    [
      {
        kind: 'pick',
        id: 'table',
        title,
        placeholder: () => vscode.l10n.t('Which table?'),
        options: async () => (await tableOptions(pool, false)) as { label: string; value: TableRef }[],
        apply: (state, [table]) => ({ ...state, table }),
      },
    ],
    {},
  );
  return flow.status === 'done' ? flow.state.table : undefined;
}
