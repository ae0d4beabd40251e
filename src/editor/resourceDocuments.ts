// Read-only JSON documents of Vertex AI resources, under vertex-genai:/<resource name>.json,
// so a user can search, fold and copy a resource as Google returns it.
import * as vscode from 'vscode';
import type { ClientPool } from '../vertex/clients';
import { getResourceJson } from '../vertex/resourceJson';

export const DETAILS_SCHEME = 'vertex-genai';

export function detailsUri(resourceName: string): vscode.Uri {
  return vscode.Uri.from({ scheme: DETAILS_SCHEME, path: `/${resourceName}.json` });
}

function resourceNameOf(uri: vscode.Uri): string {
  return uri.path.replace(/^\//, '').replace(/\.json$/, '');
}

export async function resourceDocument(pool: ClientPool, uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
  const abort = new AbortController();
  const listener = token.onCancellationRequested(() => abort.abort());
  try {
    return await getResourceJson(pool, resourceNameOf(uri), abort.signal);
  } finally {
    listener.dispose();
  }
}
