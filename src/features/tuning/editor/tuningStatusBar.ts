// The summary of the active tuning document in the status bar: examples, estimated tokens
// per epoch (and in total for the configured epochs), the longest example.
import * as vscode from 'vscode';
import type { TuningSummary } from '../lint/lintTypes';
import type { TuningDiagnostics } from './tuningDiagnostics';

const n = (x: number) => x.toLocaleString();

export function summaryText(s: TuningSummary): string {
  return vscode.l10n.t('{0} examples · ~{1} tokens per epoch', n(s.examples), n(s.tokensPerEpoch));
}

export function summaryTooltip(s: TuningSummary): vscode.MarkdownString {
  const lines = [
    vscode.l10n.t('**Tuning data**: {0} examples', n(s.examples)),
    vscode.l10n.t('Estimated tokens per epoch: ~{0} (about 4 characters a token)', n(s.tokensPerEpoch)),
    ...(s.totalTokens !== undefined ? [vscode.l10n.t('For {0} epochs: ~{1} tokens', n(s.epochs ?? 1), n(s.totalTokens))] : []),
    ...(s.longest ? [vscode.l10n.t('Longest example: line {0}, ~{1} tokens', n(s.longest.line + 1), n(s.longest.tokens))] : []),
    vscode.l10n.t('{0} errors, {1} warnings. Click to open Problems.', n(s.errors), n(s.warnings)),
  ];
  return new vscode.MarkdownString(lines.join('\n\n'));
}

export function createTuningStatusBar(diagnostics: TuningDiagnostics): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('vertexGenAi.tuningSummary', vscode.StatusBarAlignment.Right, 100);
  item.name = vscode.l10n.t('Tuning data summary');
  item.command = 'workbench.actions.view.problems';
  const update = () => {
    const document = vscode.window.activeTextEditor?.document;
    const summary = document && diagnostics.current(document)?.lint.summary;
    if (!summary) {
      item.hide();
      return;
    }
    const icon = summary.errors > 0 ? '$(error)' : summary.warnings > 0 ? '$(warning)' : '$(pass)';
    item.text = `${icon} ${summaryText(summary)}`;
    item.tooltip = summaryTooltip(summary);
    item.show();
  };
  const subscriptions = [vscode.window.onDidChangeActiveTextEditor(update), diagnostics.onDidLint(update)];
  update();
  return vscode.Disposable.from(item, ...subscriptions);
}
