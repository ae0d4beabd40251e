// Part of the activation entry, so it stays tiny: it only decides whether an open document
// is tuning data (the vertexGenAi.tuning.files glob) and loads the linter chunk on the first.
import * as vscode from 'vscode';

export const DEFAULT_TUNING_FILES = '**/{*tuning*,*train*,*valid*,*eval*,*val}.jsonl';

/** Whether the document is tuning data by the user's glob. */
export function isTuningDocument(document: vscode.TextDocument): boolean {
  if (document.uri.scheme === 'git' || document.uri.scheme === 'output') return false;
  const glob = vscode.workspace.getConfiguration('vertexGenAi', document.uri).get<string>('tuning.files')?.trim() || DEFAULT_TUNING_FILES;
  return vscode.languages.match({ pattern: glob }, document) > 0;
}

/** Calls start() once, when the first tuning document is open (now or later). */
export function startWithFirstTuningDocument(context: vscode.ExtensionContext, start: () => void): void {
  const listeners: vscode.Disposable[] = [];
  const check = () => {
    if (!vscode.workspace.textDocuments.some(isTuningDocument)) return;
    listeners.forEach((l) => l.dispose());
    start();
  };
  listeners.push(
    vscode.workspace.onDidOpenTextDocument(check),
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('vertexGenAi.tuning.files') && check()),
  );
  context.subscriptions.push(...listeners);
  check();
}
