import * as assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { ESLint } from 'eslint';

const root = resolve(__dirname, '..', '..', '..', '..');

describe('lint rules', () => {
  it('refuses a vscode import in src/vertex, src/common and the packages, and allows it in a feature', async function () {
    this.timeout(60_000);
    const eslint = new ESLint({ cwd: root });
    const code = "import * as vscode from 'vscode';\nexport const w = vscode.window;\n";
    for (const file of ['src/vertex/probe.ts', 'src/common/probe.ts', 'packages/emulator/src/probe.ts', 'packages/catalog/src/probe.ts']) {
      const [result] = await eslint.lintText(code, { filePath: resolve(root, file) });
      assert.ok(result.messages.some((m) => m.ruleId === 'no-restricted-imports'), `${file} was allowed to import vscode`);
    }
    const [ok] = await eslint.lintText(code, { filePath: resolve(root, 'src/features/trees/probe.ts') });
    assert.deepEqual(ok.messages.filter((m) => m.ruleId === 'no-restricted-imports'), []);
  });
});
