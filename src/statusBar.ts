import * as vscode from 'vscode';
import { describeContext, isConfigured, type ConnectionSettings } from './settings';

/** Shows backend · project · region; clicking opens the context picker. */
export function createContextStatusBar(): {
  item: vscode.StatusBarItem;
  update(settings: ConnectionSettings): void;
} {
  const item = vscode.window.createStatusBarItem('vertexGenAi.context', vscode.StatusBarAlignment.Left, 10);
  item.name = vscode.l10n.t('Vertex GenAI context');
  item.command = 'vertexGenAi.pickContext';
  const update = (settings: ConnectionSettings) => {
    const icon = settings.backend === 'emulator' ? '$(beaker)' : '$(cloud)';
    if (settings.problem) {
      item.text = `$(error) ${vscode.l10n.t('Vertex: {0} is invalid; nothing is sent', settings.problem.setting)}`;
      item.tooltip = settings.problem.message;
      item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
      item.show();
      return;
    }
    item.backgroundColor = undefined;
    item.text = isConfigured(settings) ? `${icon} ${describeContext(settings)}` : `${icon} ${vscode.l10n.t('Vertex: not connected')}`;
    // Plain text: Markdown here was read out (and shown by some hosts) as literal asterisks.
    const sentence = vscode.l10n.t(
      'Vertex GenAI: backend {0}, project {1}, regions {2}. Click to change.',
      settings.backend,
      settings.project || '—',
      settings.regions.join(', '),
    );
    item.tooltip = sentence;
    item.accessibilityInformation = { label: sentence, role: 'button' };
    item.show();
  };
  return { item, update };
}
