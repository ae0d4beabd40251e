// The `tuning` chunk: loaded by the activation entry when the first tuning JSONL document
// opens. Diagnostics while typing, quick fixes, and the summary in the status bar.
import '../../../core/l10nBundle';
import * as vscode from 'vscode';
import { TuningCodeActions } from './tuningCodeActions';
import { TuningDiagnostics } from './tuningDiagnostics';
import { createTuningStatusBar } from './tuningStatusBar';

export function startTuningEditor(log: vscode.LogOutputChannel): vscode.Disposable {
  const diagnostics = new TuningDiagnostics(log);
  return vscode.Disposable.from(
    diagnostics,
    vscode.languages.registerCodeActionsProvider('*', new TuningCodeActions(diagnostics), TuningCodeActions.metadata),
    createTuningStatusBar(diagnostics),
  );
}
