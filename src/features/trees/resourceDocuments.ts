// Read-only JSON documents of Vertex AI resources, under vertex-genai:/<resource name>.json,
// so a user can search, fold and copy a resource as Google returns it.
import * as vscode from 'vscode';
import type { ClientPool } from '../../vertex/clients';
import { getResourceJson } from '../../vertex/resourceJson';
import { abortOnCancel } from '../../ui/progress';

export const DETAILS_SCHEME = 'vertex-genai';

export function detailsUri(resourceName: string): vscode.Uri {
  return vscode.Uri.from({ scheme: DETAILS_SCHEME, path: `/${resourceName}.json` });
}

function resourceNameOf(uri: vscode.Uri): string {
  return uri.path.replace(/^\//, '').replace(/\.json$/, '');
}

/** Text we made ourselves (a request body), shown read-only so no dirty Untitled editor is left behind. */
const madeHere = new Map<string, string>();

export function readOnlyTextUri(fileName: string, content: string): vscode.Uri {
  const uri = vscode.Uri.from({ scheme: DETAILS_SCHEME, path: `/local/${madeHere.size + 1}/${fileName}` });
  madeHere.set(uri.path, content);
  return uri;
}

export async function resourceDocument(pool: ClientPool, uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
  const made = madeHere.get(uri.path);
  if (made !== undefined) return made;
  const cancel = abortOnCancel(token);
  try {
    return await getResourceJson(pool, resourceNameOf(uri), cancel.signal);
  } finally {
    cancel.dispose();
  }
}
