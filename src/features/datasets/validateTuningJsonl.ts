// Reads an exported file back and checks each line against the Gemini supervised-tuning
// shape. Deliberately minimal: it checks our own output, and is meant to be replaced by
// the full tuning-data linter (src/tuning/lint/) behind the same signature.
import * as l10n from '@vscode/l10n';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

export interface TuningFileCheck {
  readonly examples: number;
  /** The first problems found (at most 20), by 1-based line. */
  readonly problems: { readonly line: number; readonly message: string }[];
}

export async function validateTuningJsonl(file: string): Promise<TuningFileCheck> {
  const problems: { line: number; message: string }[] = [];
  let examples = 0;
  let line = 0;
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  for await (const text of lines) {
    line++;
    const problem = lineProblem(text);
    if (problem === undefined) examples++;
    else if (problems.length < 20) problems.push({ line, message: problem });
  }
  return { examples, problems };
}

/** What is wrong with one line, or undefined. */
export function lineProblem(text: string): string | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return l10n.t('not valid JSON');
  }
  if (!isObject(value)) return l10n.t('not a JSON object');
  const extra = Object.keys(value).find((k) => k !== 'contents' && k !== 'systemInstruction');
  if (extra) return l10n.t('unknown field "{0}"', extra);
  if (value.systemInstruction !== undefined && partsProblem(value.systemInstruction)) return l10n.t('systemInstruction: {0}', String(partsProblem(value.systemInstruction)));
  const contents = value.contents;
  if (!Array.isArray(contents) || contents.length < 2) return l10n.t('contents must hold a user turn and a model turn');
  for (const [i, turn] of contents.entries()) {
    if (!isObject(turn) || (turn.role !== 'user' && turn.role !== 'model')) return l10n.t('contents[{0}].role must be "user" or "model"', i);
    const parts = partsProblem(turn);
    if (parts) return l10n.t('contents[{0}]: {1}', i, parts);
    if (i > 0 && (contents[i - 1] as { role: string }).role === turn.role) return l10n.t('contents[{0}] repeats the role "{1}"', i, turn.role);
  }
  if ((contents[0] as { role: string }).role !== 'user') return l10n.t('the first turn must be the user\'s');
  if ((contents[contents.length - 1] as { role: string }).role !== 'model') return l10n.t('the last turn must be the model\'s');
  return undefined;
}

function partsProblem(content: unknown): string | undefined {
  const parts = isObject(content) ? content.parts : undefined;
  if (!Array.isArray(parts) || parts.length === 0) return l10n.t('parts must be a non-empty array');
  if (!parts.every((p) => isObject(p) && typeof p.text === 'string' && p.text.trim() !== '')) return l10n.t('every part needs a non-empty text');
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
