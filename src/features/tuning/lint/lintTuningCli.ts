// vertex-lint-tuning: the tuning-data linter for CI pipelines.
//   vertex-lint-tuning [--format text|json] [--max-tokens-per-example N] [--epochs N] FILE…
// Prints `file:line:column: severity: message [rule]` (1-based) and a summary per file.
// Exit code: 1 when any file has errors, 2 on a usage error or an unreadable file, else 0.
import * as l10n from '@vscode/l10n';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { lintTuningText } from './lintTuning';
import type { LintOptions, LintResult, TuningSummary } from './lintTypes';

const USAGE = l10n.t('usage: vertex-lint-tuning [--format text|json] [--max-tokens-per-example N] [--epochs N] FILE…');

class UsageError extends Error {}

function positiveInteger(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(l10n.t('--{0} must be a positive whole number, got "{1}".', name, value));
  return n;
}

function parse(argv: string[]): { files: string[]; json: boolean; options: LintOptions } {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        'max-tokens-per-example': { type: 'string' },
        epochs: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.format !== 'text' && values.format !== 'json') throw new UsageError(l10n.t('--format must be "text" or "json", got "{0}".', values.format));
  if (positionals.length === 0) throw new UsageError(l10n.t('no files given.'));
  return {
    files: positionals,
    json: values.format === 'json',
    options: {
      maxTokensPerExample: positiveInteger('max-tokens-per-example', values['max-tokens-per-example']),
      epochs: positiveInteger('epochs', values.epochs),
    },
  };
}

const n = (x: number) => x.toLocaleString('en-US');
const plural = (count: number, word: string) => `${n(count)} ${word}${count === 1 ? '' : 's'}`;

export function summaryLine(s: TuningSummary): string {
  const perEpoch = `~${plural(s.tokensPerEpoch, 'token')} per epoch`;
  const tokens = s.totalTokens === undefined ? perEpoch : `${perEpoch}, ~${n(s.totalTokens)} for ${plural(s.epochs!, 'epoch')}`;
  const longest = s.longest ? `, longest example on line ${s.longest.line + 1} (~${plural(s.longest.tokens, 'token')})` : '';
  return `${plural(s.examples, 'example')}, ${tokens}${longest}; ${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}`;
}

function textReport(file: string, result: LintResult): string[] {
  const lines = result.diagnostics.map(
    (d) => `${file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity}: ${d.message} [${d.code}]`,
  );
  return [...lines, `${file}: ${summaryLine(result.summary)}`];
}

function jsonReport(file: string, result: LintResult): unknown {
  return {
    file,
    diagnostics: result.diagnostics.map((d) => ({
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
      endLine: d.range.end.line + 1,
      endColumn: d.range.end.character + 1,
      severity: d.severity,
      code: d.code,
      message: d.message,
    })),
    summary: result.summary,
  };
}

export function main(argv: string[], out: (line: string) => void, err: (line: string) => void): number {
  if (argv.includes('--help') || argv.includes('-h')) {
    out(USAGE);
    return 0;
  }
  let args;
  try {
    args = parse(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    err(l10n.t('vertex-lint-tuning: {0}', error.message));
    err(USAGE);
    return 2;
  }
  const reports: unknown[] = [];
  let errors = 0;
  let unreadable = false;
  for (const file of args.files) {
    let text: string;
    try {
      // Editors hide a byte-order mark; so does the linter, or line 1 would not parse.
      text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    } catch (error) {
      err(l10n.t('{0}: cannot read it ({1}).', file, (error as NodeJS.ErrnoException).code ?? String(error)));
      unreadable = true;
      continue;
    }
    const result = lintTuningText(text, args.options);
    errors += result.summary.errors;
    if (args.json) reports.push(jsonReport(file, result));
    else textReport(file, result).forEach((line) => out(line));
  }
  if (args.json) out(JSON.stringify(reports, null, 2));
  return unreadable ? 2 : errors > 0 ? 1 : 0;
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2), (line) => process.stdout.write(`${line}\n`), (line) => process.stderr.write(`${line}\n`));
}
