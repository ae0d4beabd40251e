// Signing in from the signed-out state: gcloud in a terminal (its credentials file is
// noticed by SignInState), or a key file chosen here.
import * as vscode from 'vscode';
import { readFile } from 'node:fs/promises';
import type { CommandHandlers, FeatureContext } from '../../core/contracts';
import { gcloudOnPath } from './signInSettings';
import { SIGN_IN_COMMAND } from '../../vertex/parseError';

export const GCLOUD_INSTALL_URL = 'https://cloud.google.com/sdk/docs/install';

/** Credential file types the auth library reads (the `type` field of the JSON). */
const CREDENTIAL_TYPES = ['service_account', 'authorized_user', 'external_account', 'impersonated_service_account', 'external_account_authorized_user'];

export function signInCommands(ctx: FeatureContext): CommandHandlers {
  return {
    'vertexGenAi.signIn': async () => {
      if (!gcloudOnPath()) {
        const install = vscode.l10n.t('Install gcloud');
        const picked = await vscode.window.showWarningMessage(
          vscode.l10n.t('The gcloud CLI is not on your PATH: install it and sign in, or use a service-account key file.'),
          install,
          vscode.l10n.t('Use a Key File…'),
        );
        if (picked === install) await vscode.env.openExternal(vscode.Uri.parse(GCLOUD_INSTALL_URL));
        else if (picked) await vscode.commands.executeCommand('vertexGenAi.useKeyFile');
        return;
      }
      ctx.host.watchForSignIn();
      const terminal = vscode.window.createTerminal({ name: vscode.l10n.t('Google Cloud sign-in'), iconPath: new vscode.ThemeIcon('account') });
      terminal.show();
      // A constant: nothing from settings or the workspace goes into it.
      terminal.sendText(SIGN_IN_COMMAND);
    },
    'vertexGenAi.useKeyFile': async (target?: unknown) => {
      const uri =
        target instanceof vscode.Uri
          ? target
          : (await vscode.window.showOpenDialog({ canSelectMany: false, filters: { [vscode.l10n.t('Key file')]: ['json'] }, title: vscode.l10n.t('Service-account key file') }))?.[0];
      if (!uri) return;
      const problem = await credentialFileProblem(uri.fsPath);
      if (problem) throw new Error(problem);
      // Machine-scoped: a workspace cannot choose whose credentials are read.
      await vscode.workspace.getConfiguration('vertexGenAi').update('keyFile', uri.fsPath, vscode.ConfigurationTarget.Global);
    },
  };
}

/** One sentence when the file is not a credentials file the auth library can use. */
export async function credentialFileProblem(path: string): Promise<string | undefined> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    return vscode.l10n.t('{0} is not a readable JSON key file ({1}); download a key from the Cloud console (IAM → Service accounts → Keys).', path, (error as Error).message);
  }
  const type = (json as { type?: unknown } | null)?.type;
  if (typeof type !== 'string' || !CREDENTIAL_TYPES.includes(type)) {
    return vscode.l10n.t('{0} is not a Google credentials file (its "type" should be service_account); download a key from the Cloud console (IAM → Service accounts → Keys).', path);
  }
  const key = json as { client_email?: unknown; private_key?: unknown };
  if (type === 'service_account' && (typeof key.client_email !== 'string' || typeof key.private_key !== 'string')) {
    return vscode.l10n.t('{0} lacks client_email or private_key; download a new key from the Cloud console.', path);
  }
  return undefined;
}
