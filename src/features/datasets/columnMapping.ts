// Which columns become the user prompt, the model answer and the optional system
// instruction of each tuning example: the choices offered, a first guess by name, and
// the check made before anything is read.
import * as l10n from '@vscode/l10n';
import type { BigQueryColumn } from '../../vertex/bigquery';

export interface ColumnMapping {
  readonly prompt: string;
  readonly answer: string;
  readonly system?: string;
}

export type MappingRole = keyof ColumnMapping;

/** Top-level STRING columns that are not repeated: the ones that hold one text per row. */
export function textColumns(columns: readonly BigQueryColumn[]): BigQueryColumn[] {
  return columns.filter((c) => c.type.toUpperCase() === 'STRING' && c.mode.toUpperCase() !== 'REPEATED');
}

const GUESSES: Record<MappingRole, RegExp> = {
  prompt: /^(prompt|question|input|user|user_message|query|instruction)$/i,
  answer: /^(response|answer|output|model|model_response|completion|target)$/i,
  system: /^(system|system_instruction|system_prompt|context)$/i,
};

/** The column whose name says it plays `role`, if one does. */
export function guessColumn(columns: readonly BigQueryColumn[], role: MappingRole): string | undefined {
  return textColumns(columns).find((c) => GUESSES[role].test(c.name))?.name;
}

/** One sentence naming what is wrong with the mapping, or undefined when it can be exported. */
export function mappingProblem(columns: readonly BigQueryColumn[], mapping: Partial<ColumnMapping>): string | undefined {
  const text = new Set(textColumns(columns).map((c) => c.name));
  const check = (role: string, name: string | undefined, required: boolean): string | undefined => {
    if (name === undefined || name === '') return required ? l10n.t('Choose the {0} column.', role) : undefined;
    if (!columns.some((c) => c.name === name)) return l10n.t('There is no column {0}.', name);
    if (!text.has(name)) return l10n.t('The {0} column must hold text (a STRING that is not repeated); {1} does not.', role, name);
    return undefined;
  };
  const problem =
    check('prompt', mapping.prompt, true) ?? check('answer', mapping.answer, true) ?? check('system instruction', mapping.system, false);
  if (problem) return problem;
  if (mapping.prompt === mapping.answer) return l10n.t('The prompt and the answer must be different columns (both are {0}).', String(mapping.prompt));
  if (mapping.system && (mapping.system === mapping.prompt || mapping.system === mapping.answer)) {
    return l10n.t('The system instruction must be a column of its own ({0} is already used).', mapping.system);
  }
  return undefined;
}
