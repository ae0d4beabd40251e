// The status-bar picker: backend, project, regions.
import * as vscode from 'vscode';
import { listProjects } from '../../vertex/projects';
import type { ClientPool } from '../../vertex/clients';
import { projectSettingKey, readSettings, updateSetting } from '../../core/settings';
import { answered, type InputSeam, type PickOption } from '../../ui/inputSeam';
import { promptProject, promptRegions } from './contextPrompts';

export async function pickContextCommand(input: InputSeam, pool: () => Promise<ClientPool>): Promise<void> {
  const s = readSettings();
  type Run = () => Promise<unknown>;
  const options: PickOption<Run>[] = [
    {
      label: `$(cloud) ${vscode.l10n.t('Google Cloud')}`,
      description: s.backend === 'cloud' ? vscode.l10n.t('current backend') : undefined,
      value: async () => vscode.commands.executeCommand('vertexGenAi.connect'),
    },
    {
      label: `$(beaker) ${vscode.l10n.t('Local emulator')}`,
      description: s.backend === 'emulator' ? vscode.l10n.t('current backend') : undefined,
      value: () => updateSetting('backend', 'emulator'),
    },
    {
      label: `$(project) ${vscode.l10n.t('Project: {0}', s.project || '—')}`,
      value: async () => {
        const project = await promptProject(s.project, async () => (await listProjects(await pool())).items);
        if (project !== undefined) await updateSetting(projectSettingKey(s.backend), project);
      },
    },
    {
      label: `$(globe) ${vscode.l10n.t('Regions: {0}', s.regions.join(', '))}`,
      value: async () => {
        const regions = await promptRegions(input, s.regions);
        if (regions) await updateSetting('regions', regions);
      },
    },
  ];
  // Opens on the current backend, not on the first row.
  const [run] = (await answered(input.pick({
    id: 'context', title: vscode.l10n.t('Vertex GenAI: backend, project and regions'), step: 1, totalSteps: 1, canGoBack: false,
    options,
    selected: [options[s.backend === 'emulator' ? 1 : 0].value],
  }))) ?? [];
  await run?.();
}
