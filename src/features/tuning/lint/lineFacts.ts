// Everything the linter learns from one line on its own. It depends only on the line's
// text, never on its number or neighbours, so it is cached by text: re-linting after an
// edit recomputes only the lines that changed.
import * as l10n from '@vscode/l10n';
import { checkGemini } from './geminiSchema';
import { columns, LineLocator, parseLine } from './jsonLine';
import { detectFormat, isObject, toGemini } from './exampleFormat';
import { estimateTokens } from './tokenEstimate';
import type { ExampleFormat, TuningDiagnostic } from './lintTypes';

export interface LineFacts {
  readonly kind: 'blank' | 'whitespace' | 'example';
  /** The example's format; undefined when the line is not a JSON object. */
  readonly format?: ExampleFormat;
  /** Diagnostics on line 0 that need no other line. */
  readonly problems: readonly TuningDiagnostic[];
  /** Equal keys mean duplicate examples. */
  readonly duplicateKey?: string;
  readonly tokens: number;
  /** The line rewritten in the Gemini format, for lines in another format. */
  readonly conversion?: string;
}

const NONE: readonly TuningDiagnostic[] = [];
const BLANK: LineFacts = { kind: 'blank', problems: NONE, tokens: 0 };
const WHITESPACE: LineFacts = { kind: 'whitespace', problems: NONE, tokens: 0 };

export function lineFacts(text: string): LineFacts {
  if (text === '') return BLANK;
  if (text.trim() === '') return WHITESPACE;
  const parsed = parseLine(text);
  if ('diagnostics' in parsed) return { kind: 'example', problems: parsed.diagnostics, tokens: 0 };
  const value = parsed.value;
  if (!isObject(value)) {
    const what = Array.isArray(value) ? l10n.t('an array') : value === null ? 'null' : `a ${typeof value}`;
    const message = l10n.t('Each line must be one example, a JSON object {"contents": […]}; this line is {0}.', what);
    return { kind: 'example', problems: [{ range: columns(0, text.length), severity: 'error', code: 'not-object', message }], tokens: 0 };
  }
  const format = detectFormat(value);
  const tokens = estimateTokens(value, format);
  if (format === 'gemini') {
    const found = checkGemini(value, text, new LineLocator(text));
    const problems = found.length ? found.sort((a, b) => a.range.start.character - b.range.start.character) : NONE;
    return { kind: 'example', format, problems, tokens, duplicateKey: `g${JSON.stringify([value.systemInstruction, value.contents])}` };
  }
  if (format === 'unknown') {
    const message = l10n.t('No "contents": each line is one example {"contents": [{"role": "user", …}, {"role": "model", …}]}.');
    return { kind: 'example', format, problems: [{ range: columns(0, text.length), severity: 'error', code: 'missing-contents', message }], tokens };
  }
  const converted = toGemini(value, format);
  const key = format === 'chat' ? value.messages : [value.input_text, value.output_text];
  return {
    kind: 'example',
    format,
    problems: NONE,
    tokens,
    duplicateKey: `${format}${JSON.stringify(key)}`,
    conversion: converted && JSON.stringify(converted),
  };
}

