// One logged request/response pair as a read-only JSON document (`vertex-genai-log:`
// documents come from a content provider, so they cannot be saved back).
import * as vscode from 'vscode';

export const LOG_ENTRY_SCHEME = 'vertex-genai-log';
const entries = new Map<string, string>();
let registered: vscode.Disposable | undefined;

export async function showLogEntry(requestId: string, entry: Record<string, unknown>): Promise<vscode.TextEditor> {
  registered ??= vscode.workspace.registerTextDocumentContentProvider(LOG_ENTRY_SCHEME, {
    provideTextDocumentContent: (uri) => entries.get(uri.path) ?? vscode.l10n.t('This logged request is no longer open; open it again from the Monitoring panel.'),
  });
  const uri = vscode.Uri.from({ scheme: LOG_ENTRY_SCHEME, path: `/request-${requestId}.json` });
  entries.set(uri.path, `${JSON.stringify(entry, null, 2)}\n`);
  // The .json path gives the document the JSON language: folding, search, copy.
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: true });
}
