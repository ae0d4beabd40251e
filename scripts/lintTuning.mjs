// `npm run lint-tuning -- FILE…`: builds the CLI when its sources are newer than
// dist/cli/lintTuning.js (a fresh clone has no dist/), then runs it.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(import.meta.url), '..', '..');
const cli = join(root, 'dist', 'cli', 'lintTuning.js');
const sources = ['src/features/tuning/lint'].flatMap((dir) =>
  readdirSync(join(root, dir), { recursive: true }).map((f) => join(root, dir, String(f))),
);
const built = existsSync(cli) ? statSync(cli).mtimeMs : 0;
if (sources.some((f) => statSync(f).mtimeMs > built)) {
  const { build } = await import('esbuild');
  const { cliBuild } = await import('./cliBuild.mjs');
  await build(cliBuild(root));
}
const r = spawnSync(process.execPath, [cli, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 2);
