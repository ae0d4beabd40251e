// The editor side of a launch flow: workspace JSONL files, the file dialog, the linter,
// buckets, the clipboard, read-only documents, and saving spec files (its path is asked
// through the same input seam, so tests script it too).
import * as vscode from 'vscode';
import { writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join } from 'node:path';
import { readOnlyTextUri } from '../../trees/api';
import type { FeatureContext } from '../../../core/contracts';
import type { LaunchEnv } from './launchEnv';
import { lintTuningFile, lintTuningObject } from './lintTuningFile';
import { writeSpec } from '../spec/specFile';
import { listBuckets } from '../../../vertex/storage';

export function tuningLaunchEnv(ctx: FeatureContext): LaunchEnv {
  const settings = ctx.host.settings();
  const root = () => vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  return {
    project: settings.project,
    regions: settings.regions,
    localJsonl: async () => (await vscode.workspace.findFiles('**/*.jsonl', '**/node_modules/**', 50)).map((u) => u.fsPath).sort(),
    browseJsonl: async () => {
      const picked = await vscode.window.showOpenDialog({ canSelectMany: false, filters: { [vscode.l10n.t('JSON Lines')]: ['jsonl'] }, title: vscode.l10n.t('Tuning data (JSONL)') });
      return picked?.[0]?.fsPath;
    },
    lint: async (path) => (path.startsWith('gs://') ? lintTuningObject(await ctx.pool(), path) : lintTuningFile(path)),
    buckets: async () => (await listBuckets(await ctx.pool())).items.map((b) => b.name),
    copy: async (text, what) => {
      await vscode.env.clipboard.writeText(text);
      vscode.window.setStatusBarMessage(vscode.l10n.t('Copied the {0}', what), 4000);
    },
    show: async (content, language) => {
      const document = await vscode.workspace.openTextDocument(readOnlyTextUri(`request.${language === 'shellscript' ? 'sh' : language}`, content));
      await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: true });
    },
    saveSpec: async (launch) => {
      const folder = root();
      const answer = await ctx.input().text({
        id: 'specPath',
        title: vscode.l10n.t('Save as spec file'),
        step: 1,
        totalSteps: 1,
        canGoBack: false,
        prompt: vscode.l10n.t('A path in the workspace ending in .tuning.yaml or .tuning.json'),
        value: `${slug(launch.displayName) || launch.kind}.tuning.yaml`,
        validate: (t) => (/\.tuning\.(ya?ml|json)$/.test(t.trim()) ? undefined : vscode.l10n.t('The name must end in .tuning.yaml or .tuning.json so "Run Tuning Spec" finds it.')),
      });
      if (answer.kind !== 'value') return;
      const path = isAbsolute(answer.value.trim()) || !folder ? answer.value.trim() : join(folder, answer.value.trim());
      await vscode.workspace.fs.createDirectory(vscode.Uri.file(dirname(path)));
      await writeFile(path, writeSpec(launch, /\.json$/.test(path) ? 'json' : 'yaml', dirname(path)), 'utf8');
      vscode.window.setStatusBarMessage(vscode.l10n.t('Saved {0}', path), 4000);
    },
  };
}

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
}
