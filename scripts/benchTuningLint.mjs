// Bench lines for the tuning-data linter, in plain Node: a full lint of 100,000 lines and
// a re-lint after a one-line edit (the editor's path: the linter's line cache is warm).
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const LINES = 100_000;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function benchTuningLint(root, row) {
  const dir = mkdtempSync(join(tmpdir(), 'vgo-bench-lint-'));
  try {
    const outfile = join(dir, 'lint.js');
    await build({
      entryPoints: [join(root, 'src/features/tuning/lint/lintTuning.ts')],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      logLevel: 'warning',
      alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
    });
    const { TuningLinter } = createRequire(import.meta.url)(outfile);
    const example = (i, role = 'model') =>
      JSON.stringify({ contents: [{ role: 'user', parts: [{ text: `How do I reset the password of account ${i}?` }] }, { role, parts: [{ text: `Open Settings, choose Security, then Reset for account ${i}.` }] }] });
    const lines = Array.from({ length: LINES }, (_, i) => example(i));
    const text = lines.join('\n');

    const full = [];
    const edit = [];
    for (let run = 0; run < 3; run++) {
      const linter = new TuningLinter();
      let t = performance.now();
      linter.setText(text);
      await linter.lint();
      full.push(performance.now() - t);
      for (let k = 0; k < 3; k++) {
        // Typing over one role, as the editor reports it.
        const line = 50_000 + k;
        const at = lines[line].lastIndexOf('"model"');
        t = performance.now();
        linter.edit({ start: { line, character: at }, end: { line, character: at + 7 } }, '"assistant"');
        const result = await linter.lint();
        edit.push(performance.now() - t);
        if (result.diagnostics.length !== k + 1) throw new Error(`expected ${k + 1} diagnostics after the edit, got ${result.diagnostics.length}`);
      }
    }
    row(`tuning lint: full lint of ${LINES.toLocaleString('en-US')} lines (median of 3)`, `${median(full).toFixed(0)} ms`);
    row('tuning lint: re-lint after a one-line edit (median of 9)', `${median(edit).toFixed(0)} ms`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// `node scripts/benchTuningLint.mjs`: these lines alone.
if (process.argv[1]?.endsWith('benchTuningLint.mjs')) {
  const { fileURLToPath } = await import('node:url');
  const { resolve } = await import('node:path');
  await benchTuningLint(resolve(fileURLToPath(import.meta.url), '..', '..'), (metric, value) => console.log(`${metric}: ${value}`));
}
