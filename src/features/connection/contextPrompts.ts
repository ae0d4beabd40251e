// The prompts shared by "Connect" and the context picker.
import * as vscode from 'vscode';
import { parseError } from '../../vertex/parseError';
import type { ProjectSummary } from '../../vertex/projects';
import { VERTEX_REGIONS, validateProjectId } from '../../vertex/regions';
import { answered, type InputSeam } from '../../ui/inputSeam';

type ProjectItem = vscode.QuickPickItem & { projectId?: string; typed?: boolean };

/**
 * Picks a project from those the credentials can see, or takes a typed id (the
 * list may be partial, or unavailable without resourcemanager.projects.list).
 * Its own quick pick, not the seam's: the list loads while the user types an id beside it.
 */
export function promptProject(current: string, load: () => Promise<readonly ProjectSummary[]>): Promise<string | undefined> {
  const pick = vscode.window.createQuickPick<ProjectItem>();
  pick.title = vscode.l10n.t('Google Cloud project');
  pick.placeholder = vscode.l10n.t('Pick a project or type its id');
  pick.ignoreFocusOut = true;
  pick.matchOnDescription = true;
  pick.busy = true;
  let projects: ProjectItem[] = [];
  const typed = (): ProjectItem[] => {
    const id = pick.value.trim();
    if (!id || projects.some((p) => p.projectId === id)) return [];
    const problem = validateProjectId(id);
    return [{ label: id, description: problem ?? vscode.l10n.t('use this project id'), typed: true, alwaysShow: true }];
  };
  const refresh = () => (pick.items = [...typed(), ...projects]);
  pick.onDidChangeValue(refresh);
  load().then(
    (list) => {
      projects = list.map((p) => ({ label: p.projectId, description: p.name === p.projectId ? undefined : p.name, detail: p.projectId === current ? vscode.l10n.t('current') : undefined, projectId: p.projectId }));
      pick.busy = false;
      refresh();
      const active = projects.find((p) => p.projectId === current);
      if (active) pick.activeItems = [active];
    },
    (error: unknown) => {
      pick.busy = false;
      pick.placeholder = vscode.l10n.t('Type a project id ({0})', parseError(error).message);
      refresh();
    },
  );
  refresh();
  pick.show();
  return new Promise((resolve) => {
    pick.onDidAccept(() => {
      const item = pick.selectedItems[0] ?? pick.activeItems[0];
      // The typed entry may lag behind fast typing: take what is in the box now.
      const id = item?.typed || !item ? pick.value.trim() : item.projectId;
      if (!id || validateProjectId(id)) return; // the typed entry's description says why; keep the picker open
      resolve(id);
      pick.hide();
    });
    pick.onDidHide(() => {
      resolve(undefined);
      pick.dispose();
    });
  });
}

export async function promptRegions(input: InputSeam, current: readonly string[]): Promise<string[] | undefined> {
  const known = [...new Set([...current, ...VERTEX_REGIONS])];
  const picked = await answered(input.pick({
    id: 'regions', title: vscode.l10n.t('Regions to show'), step: 1, totalSteps: 1, canGoBack: false, canPickMany: true,
    options: known.map((region) => ({ label: region, value: region })),
    selected: current,
  }));
  if (!picked) return undefined;
  return picked.length > 0 ? [...picked] : [...current];
}
