// "Connect to Google Cloud": checks for credentials at once, then asks for the project and regions.
import * as vscode from 'vscode';
import { findAdcFile } from '../../vertex/auth';
import { ClientPool } from '../../vertex/clients';
import { NotSignedInError } from '../../vertex/parseError';
import { listProjects } from '../../vertex/projects';
import { readSettings, updateSetting } from '../../core/settings';
import { settingValue } from '../../core/settingTrust';
import { validateProjectId } from '../../vertex/regions';
import { promptProject, promptRegions } from './contextPrompts';
import type { InputSeam } from '../../ui/inputSeam';

export async function connectCommand(input: InputSeam): Promise<void> {
  if (!findAdcFile()) throw new NotSignedInError();
  // The cloud project as the user (or a trusted workspace) set it; an invalid one is just not offered.
  const config = vscode.workspace.getConfiguration('vertexGenAi');
  const value = settingValue('project', config.get<unknown>('project'), config.inspect<unknown>('project'), vscode.workspace.isTrusted);
  const current = typeof value === 'string' && !validateProjectId(value) ? value : '';
  const pool = new ClientPool({ backend: 'cloud', project: current, regions: [] });
  try {
    const project = await promptProject(current, async () => (await listProjects(pool)).items);
    if (project === undefined) return;
    const regions = await promptRegions(input, readSettings().regions);
    if (regions === undefined) return;
    await updateSetting('project', project);
    await updateSetting('regions', regions);
    await updateSetting('backend', 'cloud');
  } finally {
    void pool.dispose();
  }
}
