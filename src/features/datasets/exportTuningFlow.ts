// The questions of "Export to Tuning JSONL": the source (a table, or a query checked by a
// dry run before it is accepted), then which column is the prompt, the answer and the
// optional system instruction. Answers live in one state, so Back loses nothing.
import * as l10n from '@vscode/l10n';
import { guessColumn, mappingProblem, textColumns, type ColumnMapping } from './columnMapping';
import type { PickOption } from '../../ui/inputSeam';
import type { Step } from '../../ui/multiStepFlow';
import type { BigQueryColumn } from '../../vertex/bigquery';
import { openTable, queryColumns, tableLabel, type TableRef } from '../../vertex/bigqueryRows';
import type { ClientPool } from '../../vertex/clients';
import { parseError } from '../../vertex/parseError';
import { QUERY_CHOICE, tableOptions } from './bigQueryTableStep';

export type ExportSource = { readonly kind: 'table'; readonly ref: TableRef } | { readonly kind: 'query'; readonly sql: string };

export interface ExportState {
  readonly source?: ExportSource;
  /** The query as typed so far (kept when the user goes back to pick a table). */
  readonly sql: string;
  readonly columns?: readonly BigQueryColumn[];
  readonly prompt?: string;
  readonly answer?: string;
  /** '' for none. */
  readonly system?: string;
  /** The source came with the command (a tree node or bq:// URI): no source step. */
  readonly sourceGiven: boolean;
}

const TITLE = l10n.t('Export to Tuning JSONL');
/** Dry runs wait for typing to pause this long. */
const DRY_RUN_DELAY_MS = 400;

export function exportMapping(state: ExportState): ColumnMapping {
  return { prompt: state.prompt ?? '', answer: state.answer ?? '', ...(state.system ? { system: state.system } : {}) };
}

export function sourceLabel(source: ExportSource): string {
  return source.kind === 'table' ? tableLabel(source.ref) : 'query';
}

export function exportSteps(pool: () => Promise<ClientPool>): Step<ExportState>[] {
  const dryRuns = new Map<string, readonly BigQueryColumn[]>();
  let typing = 0;
  const columnsOf = async (state: ExportState): Promise<readonly BigQueryColumn[]> => {
    if (state.columns) return state.columns;
    if (state.source?.kind !== 'query') return [];
    return dryRuns.get(state.source.sql) ?? queryColumns(await pool(), state.source.sql);
  };
  const columnOptions = async (state: ExportState, exclude: (string | undefined)[]): Promise<PickOption<string>[]> =>
    textColumns(await columnsOf(state))
      .filter((c) => !exclude.includes(c.name))
      .map((c) => ({ label: c.name, value: c.name, description: c.mode === 'REQUIRED' ? l10n.t('STRING, required') : 'STRING', detail: c.description }));

  return [
    {
      kind: 'pick',
      id: 'source',
      title: TITLE,
      skip: (s) => s.sourceGiven,
      placeholder: () => l10n.t('Export which table? Or write a query'),
      options: async () => tableOptions(await pool(), true),
      apply: async (state, [choice]) => {
        if (choice === QUERY_CHOICE) return { ...state, source: { kind: 'query', sql: state.sql }, columns: undefined };
        const ref = choice as TableRef;
        const table = await openTable(await pool(), ref);
        if (textColumns(table.columns).length < 2) throw new Error(tooFewTextColumns(tableLabel(ref)));
        return { ...state, source: { kind: 'table', ref }, columns: table.columns };
      },
    },
    {
      kind: 'text',
      id: 'query',
      title: l10n.t('{0}: query', TITLE),
      skip: (s) => s.source?.kind !== 'query',
      prompt: () => l10n.t('BigQuery Standard SQL; each result row becomes one example'),
      placeholder: 'SELECT prompt, response FROM `project.dataset.table` WHERE …',
      value: (s) => s.sql,
      validate: async (text) => {
        const sql = text.trim();
        if (!sql) return l10n.t('Write a query (BigQuery Standard SQL).');
        if (dryRuns.has(sql)) return undefined;
        const ticket = ++typing;
        await new Promise((r) => setTimeout(r, DRY_RUN_DELAY_MS));
        if (ticket !== typing) return undefined; // a newer keystroke checks instead
        try {
          dryRuns.set(sql, await queryColumns(await pool(), sql));
          return textColumns(dryRuns.get(sql)!).length < 2 ? tooFewTextColumns(l10n.t('The query')) : undefined;
        } catch (error) {
          return parseError(error).message;
        }
      },
      apply: (state, text) => ({ ...state, sql: text, source: { kind: 'query', sql: text.trim() }, columns: dryRuns.get(text.trim()) }),
    },
    {
      kind: 'pick',
      id: 'prompt',
      title: l10n.t('{0}: user prompt', TITLE),
      placeholder: () => l10n.t('Which column holds the user prompt?'),
      options: (s) => columnOptions(s, []),
      selected: (s) => pick(s.prompt ?? guessColumn(s.columns ?? [], 'prompt')),
      apply: async (state, [prompt]) => ({ ...state, columns: await columnsOf(state), prompt }),
    },
    {
      kind: 'pick',
      id: 'answer',
      title: l10n.t('{0}: model answer', TITLE),
      placeholder: () => l10n.t('Which column holds the model answer?'),
      options: (s) => columnOptions(s, [s.prompt]),
      selected: (s) => pick(s.answer ?? guessColumn(s.columns ?? [], 'answer')),
      validate: ([answer], s) => mappingProblem(s.columns ?? [], { prompt: s.prompt, answer }),
      apply: (state, [answer]) => ({ ...state, answer }),
    },
    {
      kind: 'pick',
      id: 'system',
      title: l10n.t('{0}: system instruction', TITLE),
      placeholder: () => l10n.t('Which column holds the system instruction? (optional)'),
      options: async (s) => [{ label: l10n.t('(none)'), description: l10n.t('no system instruction'), value: '' }, ...(await columnOptions(s, [s.prompt, s.answer]))],
      selected: (s) => [s.system ?? guessColumn(s.columns ?? [], 'system') ?? ''],
      validate: ([system], s) => mappingProblem(s.columns ?? [], { prompt: s.prompt, answer: s.answer, system: system || undefined }),
      apply: (state, [system]) => ({ ...state, system }),
    },
  ];
}

export function tooFewTextColumns(what: string): string {
  return l10n.t('{0} has fewer than two text (STRING) columns, so it has no prompt and answer to export; write a query that selects them.', what);
}

function pick(name: string | undefined): string[] {
  return name ? [name] : [];
}
