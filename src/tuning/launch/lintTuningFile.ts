// The one place a launch calls the tuning-data linter. Until the full linter (branch
// `lint`: lintTuningText) lands, a minimal check stands in: each line is JSON holding
// a Gemini `contents` array. Swapping is one line in lintTuningFile().
import { readFile } from 'node:fs/promises';
import type { LintSummary } from './launchEnv';

export async function lintTuningFile(path: string): Promise<LintSummary> {
  return minimalLint(await readFile(path, 'utf8'));
}

export function minimalLint(text: string): LintSummary {
  const errors: string[] = [];
  const warnings: string[] = [];
  const lines = text.split(/\r?\n/);
  let examples = 0;
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    examples++;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (err) {
      errors.push(`line ${i + 1}: invalid JSON (${(err as Error).message})`);
      return;
    }
    const contents = (value as { contents?: unknown }).contents;
    if (!Array.isArray(contents) || !contents.length) errors.push(`line ${i + 1}: an example needs a non-empty "contents" array`);
    else if ((contents.at(-1) as { role?: string }).role !== 'model') warnings.push(`line ${i + 1}: the last turn should be the model's answer`);
  });
  if (!examples) errors.push('line 1: the file has no examples');
  return { errors, warnings };
}
