// The borders between layers (.dependency-cruiser.cjs) bite: a probe tree that breaks
// each rule once is refused rule by rule, what the rules allow passes, and the real tree
// has no violation.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { ICruiseOptions, ICruiseResult } from 'dependency-cruiser';

const root = resolve(__dirname, '..', '..', '..', '..');

async function depcruise(files: string[], baseDir: string): Promise<ICruiseResult> {
  const { cruise } = await import('dependency-cruiser');
  const { default: extractDepcruiseOptions } = await import('dependency-cruiser/config-utl/extract-depcruise-options');
  const options: ICruiseOptions = { ...(await extractDepcruiseOptions(join(root, '.dependency-cruiser.cjs'))), baseDir };
  // The probe tree has no tsconfig.json; TypeScript's defaults parse it the same.
  if (baseDir !== root) delete options.tsConfig;
  const { output } = await cruise(files, options);
  return output as ICruiseResult;
}

const violationsOf = (result: ICruiseResult) =>
  result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.cycle ? v.cycle.map((c) => c.name).join(' → ') : v.to}`).sort();

describe('dependency rules', function () {
  this.timeout(180_000);

  it('refuse each border crossing in a probe tree, and allow what they allow', async () => {
    const probe = mkdtempSync(join(tmpdir(), 'vgo-borders-'));
    const files: Record<string, string> = {
      // Allowed: the files the probes import.
      'src/features/trees/treeNodes.ts': 'export interface TreeNode { id: string }\n',
      'src/features/trees/api.ts': "export type { TreeNode } from './treeNodes';\n",
      'src/features/jobs/protocol.ts': "import type { TreeNode } from '../trees/api';\nexport type JobView = TreeNode;\n",
      'src/features/jobs/jobPanel.ts': 'export const jobPanel = 1;\n',
      'src/features/playground/panel.ts': 'export type Panel = { open(): void };\n',
      'src/ui/widget.ts': 'export const widget = 1;\n',
      'src/vertex/client.ts': 'export const client = 1;\n',
      'packages/emulator/src/main.ts': 'export const emulator = 1;\n',
      'packages/catalog/src/quotas.ts': 'export const quotas = 1;\n',
      // Allowed crossings.
      'src/features/deploy/ok.ts': "import type { TreeNode } from '../trees/api';\nexport type Node = TreeNode;\n",
      'src/core/features.ts': "import type { TreeNode } from '../features/trees/treeNodes';\nexport type Root = TreeNode;\n",
      'src/vertex/ok.ts': "import { quotas } from '../../packages/catalog/src/quotas';\nexport const q = quotas;\n",
      'webview-ui/job/ok.ts': "import type { JobView } from '../../src/features/jobs/protocol';\nexport type View = JobView;\n",
      // One crossing per rule.
      'src/vertex/probe.ts': "import type { Panel } from '../features/playground/panel';\nexport type P = Panel;\n",
      'src/features/registry/probe.ts': "import type { TreeNode } from '../trees/treeNodes';\nexport type N = TreeNode;\n",
      'src/common/a.ts': "import type { B } from './b';\nexport type A = { b?: B };\n",
      'src/common/b.ts': "import type { A } from './a';\nexport type B = { a?: A };\n",
      'src/common/probe.ts': "import { widget } from '../ui/widget';\nexport const w = widget;\n",
      'packages/catalog/src/probe.ts':
        "import { emulator } from '../../emulator/src/main';\nimport { client } from '../../../src/vertex/client';\nimport * as vscode from 'vscode';\nexport const all = [emulator, client, vscode];\n",
      'src/ui/probe.ts': "import type { TreeNode } from '../features/trees/api';\nexport type N = TreeNode;\n",
      'src/features/monitoring/probe.ts': "import type { Root } from '../../core/features';\nexport type R = Root;\n",
      'src/core/probe.ts':
        "import type { TreeNode } from '../features/trees/treeNodes';\nimport { emulator } from '../../packages/emulator/src/main';\nexport const e: TreeNode | number = emulator;\n",
      'webview-ui/job/probe.ts':
        "import { jobPanel } from '../../src/features/jobs/jobPanel';\nimport * as protocol from '../../src/features/jobs/protocol';\nexport const all = [jobPanel, protocol];\n",
      'src/features/explain/protocol.ts': "import { client } from '../../vertex/client';\nexport const c = client;\n",
    };
    try {
      for (const [file, text] of Object.entries(files)) {
        mkdirSync(dirname(join(probe, file)), { recursive: true });
        writeFileSync(join(probe, file), text);
      }
      const result = await depcruise(['src', 'packages', 'webview-ui'], probe);
      assert.deepEqual(violationsOf(result), [
        'catalog-imports-emulator: packages/catalog/src/probe.ts → packages/emulator/src/main.ts',
        'common-outside-itself: src/common/probe.ts → src/ui/widget.ts',
        'composition-root-imported: src/features/monitoring/probe.ts → src/core/features.ts',
        'core-private-feature-file: src/core/probe.ts → src/features/trees/treeNodes.ts',
        'feature-private-file: src/features/registry/probe.ts → src/features/trees/treeNodes.ts',
        'no-circular: src/common/a.ts → src/common/b.ts → src/common/a.ts',
        'package-imports-product: packages/catalog/src/probe.ts → src/vertex/client.ts',
        'package-imports-product: packages/catalog/src/probe.ts → vscode',
        'product-imports-emulator: src/core/probe.ts → packages/emulator/src/main.ts',
        'protocol-imports-values: src/features/explain/protocol.ts → src/vertex/client.ts',
        'ui-imports-feature: src/ui/probe.ts → src/features/trees/api.ts',
        'vertex-above-its-layer: src/vertex/probe.ts → src/features/playground/panel.ts',
        'webview-imports-host: webview-ui/job/probe.ts → src/features/jobs/jobPanel.ts',
        'webview-imports-values: webview-ui/job/probe.ts → src/features/jobs/jobPanel.ts',
        'webview-imports-values: webview-ui/job/probe.ts → src/features/jobs/protocol.ts',
      ]);
    } finally {
      rmSync(probe, { recursive: true, force: true });
    }
  });

  it('find no violation in the project', async () => {
    const result = await depcruise(['src', 'packages', 'webview-ui', 'test', 'scripts'], root);
    assert.deepEqual(violationsOf(result), []);
    // The cruise saw the tree: the layers' files are all in it.
    const sources = new Set(result.modules.map((m) => m.source));
    for (const file of ['src/core/extension.ts', 'src/core/contracts.ts', 'src/vertex/clients.ts', 'packages/emulator/src/main.ts', 'webview-ui/job/main.ts']) {
      assert.ok(sources.has(file), `${file} was not cruised`);
    }
  });
});
