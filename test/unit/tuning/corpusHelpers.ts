// Builds expected diagnostics from the text itself: `at(text, 2, '"assistant"')` is the
// range of that snippet on line 2 (1-based), so each expectation names what it points at.
import type { TuningDiagnostic } from '../../../src/features/tuning/lint/lintTypes';

export const user = (text: string) => ({ role: 'user', parts: [{ text }] });
export const model = (text: string) => ({ role: 'model', parts: [{ text }] });
export const example = (...contents: unknown[]) => JSON.stringify({ contents });
export const good = (n: number) => example(user(`Question ${n}?`), model(`Answer ${n}.`));

/** "line:col-endLine:endCol severity code", 1-based, for readable deepEqual failures. */
export function describeDiagnostic(d: TuningDiagnostic): string {
  return `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${d.severity} ${d.code}`;
}

/** The range of `snippet` (its nth occurrence) on 1-based line `line` of text. */
export function at(text: string, line: number, snippet: string, severity: string, code: string, nth = 0): string {
  const lineText = text.split('\n')[line - 1];
  let column = -1;
  for (let k = 0; k <= nth; k++) column = lineText.indexOf(snippet, column + 1);
  if (column < 0) throw new Error(`"${snippet}" is not on line ${line}: ${lineText}`);
  return `${line}:${column + 1}-${line}:${column + snippet.length + 1} ${severity} ${code}`;
}

/** The whole of 1-based line `line`. */
export function wholeLine(text: string, line: number, severity: string, code: string): string {
  return `${line}:1-${line}:${text.split('\n')[line - 1].length + 1} ${severity} ${code}`;
}
