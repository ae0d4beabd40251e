// `npm run emulator -- --port 8790 --seed demo`: the local Vertex AI + BigQuery
// emulator on its own, for demos, workshops and scripts.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDependencies } from './toolchain.mjs';

const root = resolve(fileURLToPath(import.meta.url), '..', '..');
const script = join(root, 'dist', 'emulator.js');
if (!existsSync(script)) {
  ensureDependencies(root);
  spawnSync(process.execPath, [join(root, 'esbuild.mjs')], { cwd: root, stdio: 'inherit' });
}
const r = spawnSync(process.execPath, [script, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
