import * as vscode from 'vscode';
import { describeContext, isConfigured, type ConnectionSettings } from './settings';

/** Shows backend · project · region; clicking opens the context picker. */
export function createContextStatusBar(): {
  item: vscode.StatusBarItem;
  update(settings: ConnectionSettings, impersonate?: string): void;
} {
  const item = vscode.window.createStatusBarItem('vertexGenAi.context', vscode.StatusBarAlignment.Left, 10);
  item.name = vscode.l10n.t('Vertex GenAI context');
  item.command = 'vertexGenAi.pickContext';
  const update = (settings: ConnectionSettings, impersonate?: string) => {
    const icon = settings.backend === 'emulator' ? '$(beaker)' : '$(cloud)';
    if (settings.problem) {
      item.text = `$(error) ${vscode.l10n.t('Vertex: {0} is invalid; nothing is sent', settings.problem.setting)}`;
      item.tooltip = settings.problem.message;
      item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
      item.show();
      return;
    }
    item.backgroundColor = undefined;
    // Impersonation only applies to Google; shown so nobody forgets whose rights they use.
    const as = impersonate && settings.backend === 'cloud' ? ` $(person) ${impersonate.split('@')[0]}` : '';
    item.text = isConfigured(settings) ? `${icon} ${describeContext(settings)}${as}` : `${icon} ${vscode.l10n.t('Vertex: not connected')}`;
    // Plain text: Markdown here was read out (and shown by some hosts) as literal asterisks.
    const sentence = vscode.l10n.t(
      'Vertex GenAI: backend {0}, project {1}, regions {2}. Click to change.',
      settings.backend,
      settings.project || '—',
      settings.regions.join(', '),
    ) + (as ? ' ' + vscode.l10n.t('Acting as service account {0}.', impersonate!) : '');
    item.tooltip = sentence;
    item.accessibilityInformation = { label: sentence, role: 'button' };
    item.show();
  };
  return { item, update };
}
