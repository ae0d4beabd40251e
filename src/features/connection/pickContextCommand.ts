// The status-bar picker: backend, project, regions.
import * as vscode from 'vscode';
import { listProjects } from '../../vertex/projects';
import type { ClientPool } from '../../vertex/clients';
import { projectSettingKey, readSettings, updateSetting } from '../../core/settings';
import { promptProject, promptRegions } from './contextPrompts';

export async function pickContextCommand(pool: () => Promise<ClientPool>): Promise<void> {
  const s = readSettings();
  type Item = vscode.QuickPickItem & { run: () => Promise<unknown> };
  const items: Item[] = [
    {
      label: `$(cloud) ${vscode.l10n.t('Google Cloud')}`,
      description: s.backend === 'cloud' ? vscode.l10n.t('current backend') : undefined,
      run: async () => vscode.commands.executeCommand('vertexGenAi.connect'),
    },
    {
      label: `$(beaker) ${vscode.l10n.t('Local emulator')}`,
      description: s.backend === 'emulator' ? vscode.l10n.t('current backend') : undefined,
      run: () => updateSetting('backend', 'emulator'),
    },
    { label: '', kind: vscode.QuickPickItemKind.Separator, run: async () => undefined },
    {
      label: `$(project) ${vscode.l10n.t('Project: {0}', s.project || '—')}`,
      run: async () => {
        const project = await promptProject(s.project, async () => (await listProjects(await pool())).items);
        if (project !== undefined) await updateSetting(projectSettingKey(s.backend), project);
      },
    },
    {
      label: `$(globe) ${vscode.l10n.t('Regions: {0}', s.regions.join(', '))}`,
      run: async () => {
        const regions = await promptRegions(s.regions);
        if (regions) await updateSetting('regions', regions);
      },
    },
  ];
  const picked = await pickWithActive(items, items[s.backend === 'emulator' ? 1 : 0], vscode.l10n.t('Vertex GenAI: backend, project and regions'));
  await picked?.run();
}

/** A quick pick that opens on the current choice instead of the first row. */
function pickWithActive<T extends vscode.QuickPickItem>(items: T[], active: T, title: string): Promise<T | undefined> {
  const qp = vscode.window.createQuickPick<T>();
  qp.title = title;
  qp.items = items;
  qp.activeItems = [active];
  return new Promise((resolve) => {
    let chosen: T | undefined;
    qp.onDidAccept(() => {
      chosen = qp.activeItems[0];
      qp.hide();
    });
    qp.onDidHide(() => {
      qp.dispose();
      resolve(chosen);
    });
    qp.show();
  });
}
