// Quick fixes for tuning diagnostics: the pure linter computed each fix as plain edits
// for the document version it linted; here they become WorkspaceEdits.
import * as vscode from 'vscode';
import { fixKey, toRange, type TuningDiagnostics } from './tuningDiagnostics';

export class TuningCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly diagnostics: TuningDiagnostics) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const current = this.diagnostics.current(document);
    if (!current) return [];
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      const fixes = current.fixes.get(fixKey(diagnostic.code, diagnostic.range)) ?? [];
      for (const fix of fixes) {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.diagnostics = [diagnostic];
        action.isPreferred = fixes.length === 1;
        action.edit = new vscode.WorkspaceEdit();
        for (const edit of fix.edits) action.edit.replace(document.uri, toRange(edit.range), edit.newText);
        actions.push(action);
      }
    }
    return actions;
  }
}
