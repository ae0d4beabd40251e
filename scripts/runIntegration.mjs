// Runs the integration suite through @vscode/test-electron's runTests, with
// scripts/vscode-launcher.mjs standing in for the VS Code executable (it cannot
// be downloaded here). Set VSCODE_EXECUTABLE to run on a desktop VS Code instead.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const root = resolve(fileURLToPath(import.meta.url), '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'vgo-integration-'));
try {
  await runTests({
    vscodeExecutablePath: process.env.VSCODE_EXECUTABLE || join(root, 'scripts', 'vscode-launcher.mjs'),
    extensionDevelopmentPath: root,
    extensionTestsPath: join(root, 'dist', 'test', 'integration', 'index.js'),
    launchArgs: [join(dir, 'workspace'), `--user-data-dir=${join(dir, 'user-data')}`, `--extensions-dir=${join(dir, 'extensions')}`],
    extensionTestsEnv: { VGO_RESULTS_FILE: process.env.VGO_RESULTS_FILE ?? '' },
  });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
