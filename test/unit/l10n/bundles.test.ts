import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '..', '..', '..', '..');
const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;

describe('l10n bundles', () => {
  it('l10n/bundle.l10n.json holds exactly the strings the code translates (npm run l10n rewrites it)', function () {
    this.timeout(300_000);
    const out = mkdtempSync(join(tmpdir(), 'vgo-l10n-'));
    try {
      const cli = join(root, 'node_modules', '@vscode', 'l10n-dev', 'dist', 'cli.js');
      execFileSync(process.execPath, [cli, 'export', '--outDir', out, './src', './webview-ui'], { cwd: root, stdio: 'pipe' });
      const exported = readJson(join(out, 'bundle.l10n.json'));
      const committed = readJson(join(root, 'l10n', 'bundle.l10n.json'));
      const missing = Object.keys(exported).filter((key) => !(key in committed));
      const stale = Object.keys(committed).filter((key) => !(key in exported));
      assert.deepEqual({ missing, stale }, { missing: [], stale: [] }, 'run `npm run l10n` and commit l10n/bundle.l10n.json');
      assert.ok(Object.keys(exported).length > 300, 'the export found the strings');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it("every %key% in package.json has its English text in package.nls.json", () => {
    const manifest = readFileSync(join(root, 'package.json'), 'utf8');
    const nls = readJson(join(root, 'package.nls.json'));
    const keys = [...manifest.matchAll(/"%([^"%]+)%"/g)].map((m) => m[1]);
    assert.ok(keys.length > 20);
    assert.deepEqual(keys.filter((key) => !(key in nls)), []);
  });
});
