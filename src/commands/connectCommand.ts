// "Connect to Google Cloud": checks for credentials at once, then asks for the project and regions.
import * as vscode from 'vscode';
import { findAdcFile } from '../vertex/auth';
import { NotSignedInError } from '../vertex/parseError';
import { readSettings, updateSetting } from '../settings';
import { promptProject, promptRegions } from './contextPrompts';

export async function connectCommand(): Promise<void> {
  if (!findAdcFile()) throw new NotSignedInError();
  const current = vscode.workspace.getConfiguration('vertexGenAi').get<string>('project', '');
  const project = await promptProject(current);
  if (project === undefined) return;
  const regions = await promptRegions(readSettings().regions);
  if (regions === undefined) return;
  await updateSetting('project', project);
  await updateSetting('regions', regions);
  await updateSetting('backend', 'cloud');
}
