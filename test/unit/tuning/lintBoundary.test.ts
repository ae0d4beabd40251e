import * as assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { ESLint } from 'eslint';

const root = resolve(__dirname, '..', '..', '..', '..');

describe('tuning lint: runs outside the editor', () => {
  it('refuses a vscode import in src/features/tuning/lint, where the CLI lives too', async function () {
    this.timeout(60_000);
    const eslint = new ESLint({ cwd: root });
    const code = "import * as vscode from 'vscode';\nexport const w = vscode.window;\n";
    for (const file of ['src/features/tuning/lint/probe.ts', 'src/features/tuning/lint/lintTuningCliProbe.ts']) {
      const [result] = await eslint.lintText(code, { filePath: resolve(root, file) });
      assert.ok(result.messages.some((m) => m.ruleId === 'no-restricted-imports'), `${file} was allowed to import vscode`);
    }
  });
});
