// CodeLens on prompt files: "Run on <target>" and "Compare" above the prompt.
import * as vscode from 'vscode';
import { parsePromptFile } from './promptFile';

export function promptCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
  const file = parsePromptFile(document.getText(), document.uri.path);
  const top = new vscode.Range(0, 0, 0, 0);
  const lenses = [
    new vscode.CodeLens(top, {
      title: file.target ? vscode.l10n.t('$(play) Run on {0}', file.target) : vscode.l10n.t('$(play) Run… (choose a target)'),
      command: 'vertexGenAi.runPromptFile',
      arguments: [document.uri],
    }),
    new vscode.CodeLens(top, {
      title: file.compare.length > 1 ? vscode.l10n.t('$(split-horizontal) Compare {0} targets', file.compare.length) : vscode.l10n.t('$(split-horizontal) Compare…'),
      command: 'vertexGenAi.comparePromptFile',
      arguments: [document.uri],
    }),
  ];
  if (file.errors.length) {
    lenses.push(new vscode.CodeLens(top, { title: `$(warning) ${file.errors[0]}`, command: '' }));
  }
  return lenses;
}
