// Every command goes through here once: errors become one sentence with a next step.
import * as vscode from 'vscode';
import { parseError, type ActionableError } from '../vertex/parseError';

export async function runCommand(log: vscode.LogOutputChannel, id: string, fn: () => Promise<unknown>, onShown?: (message: string) => void): Promise<unknown> {
  try {
    return await fn();
  } catch (error) {
    const parsed = parseError(error);
    if (parsed.code === 'CANCELLED') return undefined;
    log.error(`${id} failed:`, error instanceof Error ? (error.stack ?? error.message) : String(error));
    onShown?.(parsed.message);
    await showActionableError(parsed);
    return undefined;
  }
}

async function showActionableError({ message, action, url }: ActionableError): Promise<void> {
  const signIn = vscode.l10n.t('Sign in with gcloud');
  const emulator = vscode.l10n.t('Try the Emulator');
  const choose = vscode.l10n.t('Choose Project or Region');
  const enable = vscode.l10n.t('Enable the API');
  const proxy = vscode.l10n.t('Open Proxy Settings');
  const showLog = vscode.l10n.t('Show Log');
  const buttons =
    action === 'signIn'
      ? [signIn, emulator]
      : action === 'chooseProject'
        ? [choose, showLog]
        : action === 'enableApi'
          ? [enable, showLog]
          : action === 'networkSettings'
            ? [proxy, showLog]
            : [showLog];
  const picked = await vscode.window.showErrorMessage(message, ...buttons);
  if (picked === signIn) await vscode.commands.executeCommand('vertexGenAi.signIn');
  else if (picked === enable && url) await vscode.env.openExternal(vscode.Uri.parse(url));
  else if (picked === proxy) await vscode.commands.executeCommand('workbench.action.openSettings', 'http.proxy');
  else if (picked === emulator) await vscode.commands.executeCommand('vertexGenAi.useEmulator');
  else if (picked === choose) await vscode.commands.executeCommand('vertexGenAi.pickContext');
  else if (picked === showLog) await vscode.commands.executeCommand('vertexGenAi.showLog');
}
