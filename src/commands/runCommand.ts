// Every command goes through here once: errors become one sentence with a next step.
import * as vscode from 'vscode';
import { parseError, SIGN_IN_COMMAND } from '../vertex/parseError';

export async function runCommand(log: vscode.LogOutputChannel, id: string, fn: () => Promise<unknown>, onShown?: (message: string) => void): Promise<unknown> {
  try {
    return await fn();
  } catch (error) {
    const parsed = parseError(error);
    if (parsed.code === 'CANCELLED') return undefined;
    log.error(`${id} failed:`, error instanceof Error ? (error.stack ?? error.message) : String(error));
    onShown?.(parsed.message);
    await showActionableError(parsed.message, parsed.action);
    return undefined;
  }
}

async function showActionableError(message: string, action: ReturnType<typeof parseError>['action']): Promise<void> {
  const copy = vscode.l10n.t('Copy Sign-in Command');
  const emulator = vscode.l10n.t('Try the Emulator');
  const choose = vscode.l10n.t('Choose Project or Region');
  const showLog = vscode.l10n.t('Show Log');
  const buttons =
    action === 'signIn' ? [copy, emulator] : action === 'chooseProject' ? [choose, showLog] : [showLog];
  const picked = await vscode.window.showErrorMessage(message, ...buttons);
  if (picked === copy) await vscode.env.clipboard.writeText(SIGN_IN_COMMAND);
  else if (picked === emulator) await vscode.commands.executeCommand('vertexGenAi.useEmulator');
  else if (picked === choose) await vscode.commands.executeCommand('vertexGenAi.pickContext');
  else if (picked === showLog) await vscode.commands.executeCommand('vertexGenAi.showLog');
}
