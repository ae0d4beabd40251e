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

  it('keeps the packages apart from the extension: no import of src/ or test/, another package only by name', async function () {
    this.timeout(60_000);
    const eslint = new ESLint({ cwd: root });
    const refused = async (file: string, code: string) => {
      const [result] = await eslint.lintText(code, { filePath: resolve(root, file) });
      return result.messages.some((m) => m.ruleId === 'no-restricted-imports');
    };
    assert.ok(await refused('packages/emulator/test/probe.ts', "export { ClientPool } from '../../../src/vertex/clients';\n"));
    assert.ok(await refused('packages/emulator/test/probe.ts', "export { testNow } from '../../../test/support/bench';\n"));
    assert.ok(await refused('packages/emulator/src/handlers/probe.ts', "export { quotas } from '../../../catalog/src/quotas';\n"));
    assert.ok(await refused('packages/catalog/src/probe.ts', "export { startEmulator } from '@vertex-genai-ops/emulator';\n"));
    assert.ok(!(await refused('packages/emulator/src/handlers/probe.ts', "export { parseQuotaSpec } from '@vertex-genai-ops/catalog/quotas';\nexport { DEMO_IDS } from '../seeds/demoIds';\n")));
    assert.ok(!(await refused('packages/emulator/test/probe.ts', "export { startEmulator } from '../src/server';\n")));
  });
});
