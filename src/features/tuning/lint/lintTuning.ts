// The tuning-data linter's entry points.
//
//   lintTuningText(text, options) → { diagnostics, summary }
//     Lints a whole JSONL file synchronously. Use it before uploading local training or
//     validation data: refuse to upload when summary.errors > 0 and show the first
//     diagnostics (0-based line/character; add 1 for people). Options:
//     maxTokensPerExample (default DEFAULT_MAX_TOKENS_PER_EXAMPLE) and epochs (the
//     summary's totalTokens = tokensPerEpoch × epochs).
//
//   The TuningLinter class does the same for editors. It mirrors the document's lines:
//   setText(text) once, then edit(range, newText) for each change as VS Code reports it,
//   so only the changed lines are parsed again. lint(options, cancellation) yields to
//   the event loop every few milliseconds and stops (undefined) when cancelled.
import * as l10n from '@vscode/l10n';
import { lineFacts, type LineFacts } from './lineFacts';
import { FORMAT_NAMES } from './exampleFormat';
import {
  DEFAULT_MAX_TOKENS_PER_EXAMPLE,
  type Cancellation,
  type ExampleFormat,
  type LintOptions,
  type LintResult,
  type QuickFix,
  type Range,
  type TuningDiagnostic,
} from './lintTypes';

export function lintTuningText(text: string, options: LintOptions = {}): LintResult {
  const linter = new TuningLinter();
  linter.setText(text);
  return linter.lintSync(options);
}

/** A yield point: the work so far took this many milliseconds or more. */
const SLICE_MS = 10;
const CHECK_EVERY = 256;

const splitLines = (text: string) => text.split(/\r?\n/);

export class TuningLinter {
  private lines: string[] = [''];
  /** Each line's facts; undefined until the next lint computes them. */
  private facts: (LineFacts | undefined)[] = [undefined];
  /** Small integers for duplicate keys, so the whole-file pass indexes a typed array. */
  private keyIds = new Map<string, number>();
  private lineKeyIds: number[] = [-1];

  get lineCount(): number {
    return this.lines.length;
  }

  /** Replaces the whole text; lines whose text did not change keep their facts. */
  setText(text: string): void {
    const known = new Map<string, LineFacts>();
    this.lines.forEach((line, i) => this.facts[i] && known.set(line, this.facts[i]));
    this.lines = splitLines(text);
    this.facts = this.lines.map((line) => known.get(line));
    this.lineKeyIds = this.lines.map(() => -1);
    this.keyIds.clear();
  }

  /** Replaces range with newText (ranges as VS Code reports a change: after the previous edits). */
  edit(range: Range, newText: string): void {
    const { start, end } = range;
    const before = this.lines[start.line]?.slice(0, start.character) ?? '';
    const after = this.lines[end.line]?.slice(end.character) ?? '';
    const replacement = splitLines(before + newText + after);
    const count = end.line - start.line + 1;
    this.lines = replace(this.lines, start.line, count, replacement);
    this.facts = replace(this.facts, start.line, count, new Array<undefined>(replacement.length).fill(undefined));
    this.lineKeyIds = replace(this.lineKeyIds, start.line, count, new Array<number>(replacement.length).fill(-1));
  }

  lintSync(options: LintOptions = {}): LintResult {
    const steps = this.steps(options);
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
    }
  }

  async lint(options: LintOptions = {}, cancellation?: Cancellation): Promise<LintResult | undefined> {
    const steps = this.steps(options);
    let sliceStart = performance.now();
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
      if (performance.now() - sliceStart < SLICE_MS) continue;
      await new Promise((resolve) => setImmediate(resolve));
      // Checked right after the pause: edits only arrive while we wait.
      if (cancellation?.isCancellationRequested) return undefined;
      sliceStart = performance.now();
    }
  }

  /** The lint as a generator that yields every CHECK_EVERY lines, so callers can pause it. */
  private *steps(options: LintOptions): Generator<void, LintResult> {
    const { lines, facts, lineKeyIds } = this;
    // Keys of edited-away lines pile up: start afresh when they outnumber the lines.
    if (this.keyIds.size > 2 * lines.length + 1024) {
      this.keyIds.clear();
      lineKeyIds.fill(-1);
    }
    for (let i = 0; i < lines.length; i++) {
      let f = facts[i];
      if (f === undefined) {
        f = facts[i] = lineFacts(lines[i]);
        if (i % 32 === 0) yield;
      }
      if (lineKeyIds[i] < 0 && f.duplicateKey !== undefined) {
        let id = this.keyIds.get(f.duplicateKey);
        if (id === undefined) this.keyIds.set(f.duplicateKey, (id = this.keyIds.size));
        lineKeyIds[i] = id;
      }
      if (i % CHECK_EVERY === 0) yield;
    }
    return yield* assemble(lines, facts as LineFacts[], lineKeyIds, this.keyIds.size, options);
  }
}

/** Splices in place, or copies when the items are too many to pass as arguments (a big paste). */
function replace<T>(array: T[], start: number, count: number, items: T[]): T[] {
  if (items.length < 10_000) {
    array.splice(start, count, ...items);
    return array;
  }
  return array.slice(0, start).concat(items, array.slice(start + count));
}

const shift = (range: Range, line: number): Range => ({
  start: { line, character: range.start.character },
  end: { line, character: range.end.character },
});

function shiftFixes(fixes: readonly QuickFix[] | undefined, line: number): QuickFix[] | undefined {
  return fixes?.map((fix) => ({ title: fix.title, edits: fix.edits.map((e) => ({ range: shift(e.range, line), newText: e.newText })) }));
}

/** The edit deleting line i with its line break. */
function deleteLine(lines: readonly string[], i: number): QuickFix['edits'] {
  const range: Range =
    i < lines.length - 1
      ? { start: { line: i, character: 0 }, end: { line: i + 1, character: 0 } }
      : i > 0
        ? { start: { line: i - 1, character: lines[i - 1].length }, end: { line: i, character: lines[i].length } }
        : { start: { line: i, character: 0 }, end: { line: i, character: lines[i].length } };
  return [{ range, newText: '' }];
}

/** Turns each line's facts into diagnostics: the rules that need the whole file run here. */
function* assemble(
  lines: readonly string[],
  facts: readonly LineFacts[],
  keyIds: readonly number[],
  keyCount: number,
  options: LintOptions,
): Generator<void, LintResult> {
  const maxTokens = options.maxTokensPerExample ?? DEFAULT_MAX_TOKENS_PER_EXAMPLE;
  const counts = new Map<ExampleFormat, number>();
  for (const f of facts) if (f.format && f.format !== 'unknown') counts.set(f.format, (counts.get(f.format) ?? 0) + 1);
  // Ties go to Gemini's own format: that is what the file should become.
  const majority = [...counts].sort((a, b) => b[1] - a[1] || (a[0] === 'gemini' ? -1 : b[0] === 'gemini' ? 1 : 0))[0];
  const known = [...counts.values()].reduce((a, b) => a + b, 0);

  const diagnostics: TuningDiagnostic[] = [];
  const firstLine = new Int32Array(keyCount).fill(-1);
  let examples = 0;
  let tokensPerEpoch = 0;
  let longest: { line: number; tokens: number } | undefined;
  const wholeLine = (i: number): Range => ({ start: { line: i, character: 0 }, end: { line: i, character: lines[i].length } });

  for (let i = 0; i < facts.length; i++) {
    if (i % CHECK_EVERY === 0) yield;
    const f = facts[i];
    if (f.kind === 'blank') continue;
    if (f.kind === 'whitespace') {
      diagnostics.push({
        range: wholeLine(i),
        severity: 'info',
        code: 'blank-line',
        message: l10n.t('This line holds only whitespace.'),
        fixes: [{ title: l10n.t('Remove the whitespace-only line'), edits: deleteLine(lines, i) }],
      });
      continue;
    }
    examples++;
    tokensPerEpoch += f.tokens;
    if (!longest || f.tokens > longest.tokens) longest = { line: i, tokens: f.tokens };
    for (const p of f.problems) {
      const fixes = shiftFixes(p.fixes, i);
      diagnostics.push({ ...p, range: shift(p.range, i), ...(fixes ? { fixes } : {}) });
    }
    if (f.format && f.format !== 'gemini' && f.format !== 'unknown') {
      const mixed = counts.size > 1 && majority[0] !== f.format;
      const message = mixed
        ? l10n.t('This line is in the {0} format, but the file is mostly {1} ({2} of {3} examples).', FORMAT_NAMES[f.format], FORMAT_NAMES[majority[0]], majority[1], known)
        : l10n.t('This line is in the {0} format; Gemini supervised tuning reads {1}.', FORMAT_NAMES[f.format], FORMAT_NAMES.gemini);
      const fixes = f.conversion ? [{ title: l10n.t('Convert to Gemini "contents"'), edits: [{ range: wholeLine(i), newText: f.conversion }] }] : undefined;
      diagnostics.push({ range: wholeLine(i), severity: 'error', code: mixed ? 'mixed-formats' : 'other-format', message, ...(fixes ? { fixes } : {}) });
    }
    const id = keyIds[i];
    if (id >= 0) {
      const first = firstLine[id];
      if (first < 0) firstLine[id] = i;
      else {
        diagnostics.push({
          range: wholeLine(i),
          severity: 'warning',
          code: 'duplicate',
          message: l10n.t('Duplicate of the example on line {0}.', first + 1),
          fixes: [{ title: l10n.t('Remove the duplicate example'), edits: deleteLine(lines, i) }],
        });
      }
    }
    if (f.tokens > maxTokens) {
      diagnostics.push({
        range: wholeLine(i),
        severity: 'error',
        code: 'too-many-tokens',
        message: l10n.t('About {0} tokens: over the limit of {1} input and output tokens per example.', f.tokens.toLocaleString('en-US'), maxTokens.toLocaleString('en-US')),
      });
    }
  }
  const epochs = options.epochs;
  return {
    diagnostics,
    summary: {
      examples,
      tokensPerEpoch,
      ...(epochs ? { epochs, totalTokens: tokensPerEpoch * epochs } : {}),
      ...(longest ? { longest } : {}),
      ...(majority ? { format: majority[0] } : {}),
      errors: diagnostics.filter((d) => d.severity === 'error').length,
      warnings: diagnostics.filter((d) => d.severity === 'warning').length,
    },
  };
}
