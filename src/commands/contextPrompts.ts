// The prompts shared by "Connect" and the context picker.
import * as vscode from 'vscode';
import { VERTEX_REGIONS, validateProjectId } from '../vertex/regions';

export async function promptProject(value: string): Promise<string | undefined> {
  const project = await vscode.window.showInputBox({
    title: vscode.l10n.t('Google Cloud project'),
    prompt: vscode.l10n.t('The id of the project whose Vertex AI resources to show'),
    placeHolder: 'my-project-id',
    value,
    ignoreFocusOut: true,
    validateInput: (v) => validateProjectId(v.trim()),
  });
  return project?.trim();
}

export async function promptRegions(current: readonly string[]): Promise<string[] | undefined> {
  const known = [...new Set([...current, ...VERTEX_REGIONS])];
  const picked = await vscode.window.showQuickPick(
    known.map((region) => ({ label: region, picked: current.includes(region) })),
    { title: vscode.l10n.t('Regions to show'), canPickMany: true, ignoreFocusOut: true },
  );
  if (!picked) return undefined;
  return picked.length > 0 ? picked.map((p) => p.label) : [...current];
}
