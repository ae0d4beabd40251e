// The one place a launch calls the tuning-data linter (src/tuning/lint): errors stop
// the flow, warnings are counted in the review. Messages say line:column for people.
import { readFile } from 'node:fs/promises';
import { lintTuningText } from '../lint/lintTuning';
import type { LintSummary } from './launchEnv';

export async function lintTuningFile(path: string): Promise<LintSummary> {
  return summarize(await readFile(path, 'utf8'));
}

export function summarize(text: string): LintSummary {
  const { diagnostics } = lintTuningText(text);
  const said = (severity: string) =>
    diagnostics.filter((d) => d.severity === severity).map((d) => `line ${d.range.start.line + 1}, column ${d.range.start.character + 1}: ${d.message}`);
  return { errors: said('error'), warnings: said('warning') };
}
