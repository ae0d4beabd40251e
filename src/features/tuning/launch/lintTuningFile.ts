// The one place a launch calls the tuning-data linter (src/tuning/lint): errors stop
// the flow, warnings are counted in the review. Messages say line:column for people.
import * as l10n from '@vscode/l10n';
import { readFile } from 'node:fs/promises';
import { lintTuningText } from '../lint/lintTuning';
import type { ClientPool } from '../../../vertex/clients';
import { parseError } from '../../../vertex/parseError';
import { readObjectStart } from '../../../vertex/storage';
import type { LintSummary } from './launchEnv';

/** How much of a gs:// dataset is read and linted before a launch: enough for most datasets, bounded for all. */
export const GCS_LINT_BYTES = 32 * 1024 * 1024;

export async function lintTuningFile(path: string): Promise<LintSummary> {
  return summarize(await readFile(path, 'utf8'));
}

/**
 * A gs:// dataset before a launch: it must exist (else `refused` says so in one sentence), and
 * its first GCS_LINT_BYTES are linted like a local file (a cut-off last line is left out).
 */
export async function lintTuningObject(pool: ClientPool, uri: string, maxBytes = GCS_LINT_BYTES): Promise<LintSummary> {
  let read: Awaited<ReturnType<typeof readObjectStart>>;
  try {
    read = await readObjectStart(pool, uri, maxBytes);
  } catch (error) {
    const parsed = parseError(error);
    const missing = parsed.code === 'NOT_FOUND' || (error as { code?: unknown }).code === 404;
    return { errors: [], warnings: [], refused: missing ? l10n.t('{0} does not exist: upload the file there, or choose another dataset.', uri) : l10n.t('{0} could not be read: {1}', uri, parsed.message) };
  }
  let text = read.bytes.toString('utf8');
  if (read.truncated) text = text.slice(0, text.lastIndexOf('\n') + 1);
  const summary = summarize(text);
  if (!read.truncated) return summary;
  const mib = Math.round(maxBytes / (1024 * 1024));
  return { ...summary, warnings: [...summary.warnings, l10n.t('only the first {0} MiB of {1} were checked', mib, uri)] };
}

export function summarize(text: string): LintSummary {
  const { diagnostics } = lintTuningText(text);
  const said = (severity: string) =>
    diagnostics.filter((d) => d.severity === severity).map((d) => l10n.t('line {0}, column {1}: {2}', d.range.start.line + 1, d.range.start.character + 1, d.message));
  return { errors: said('error'), warnings: said('warning') };
}
