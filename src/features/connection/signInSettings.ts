// The sign-in settings, validated: they decide whose credentials are read.
import * as vscode from 'vscode';
import { existsSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';

export interface SignInSettings {
  /** `vertexGenAi.keyFile`: an absolute path to a credentials JSON file, or undefined. */
  readonly keyFile?: string;
  /** `vertexGenAi.impersonateServiceAccount`: a service-account email, or undefined. */
  readonly impersonate?: string;
}

/** name@project.iam.gserviceaccount.com, and the older …@developer.gserviceaccount.com forms. */
const SERVICE_ACCOUNT = /^[\w.-]+@[\w-]+(\.[\w-]+)*\.gserviceaccount\.com$/;

/** Values that fail validation are ignored here; `signInSettingProblems` names them. */
export function readSignInSettings(): SignInSettings {
  const { keyFile, impersonate } = rawSettings();
  return {
    keyFile: keyFile && isAbsolute(keyFile) ? keyFile : undefined,
    impersonate: impersonate && SERVICE_ACCOUNT.test(impersonate) ? impersonate : undefined,
  };
}

/** One sentence per invalid setting, for the log and the status bar tooltip. */
export function signInSettingProblems(): string[] {
  const { keyFile, impersonate } = rawSettings();
  const problems: string[] = [];
  if (keyFile && !isAbsolute(keyFile)) problems.push(vscode.l10n.t('vertexGenAi.keyFile must be an absolute path; it is ignored.'));
  if (impersonate && !SERVICE_ACCOUNT.test(impersonate)) {
    problems.push(vscode.l10n.t('vertexGenAi.impersonateServiceAccount must be a service-account email (name@project.iam.gserviceaccount.com); it is ignored.'));
  }
  return problems;
}

function rawSettings(): { keyFile: string; impersonate: string } {
  const config = vscode.workspace.getConfiguration('vertexGenAi');
  return { keyFile: config.get<string>('keyFile', '').trim(), impersonate: config.get<string>('impersonateServiceAccount', '').trim() };
}

/** Whether the gcloud CLI is on PATH (no process is started: a file check per PATH entry). */
export function gcloudOnPath(env: NodeJS.ProcessEnv = process.env, exists: (p: string) => boolean = existsSync): boolean {
  const names = process.platform === 'win32' ? ['gcloud.cmd', 'gcloud.exe', 'gcloud'] : ['gcloud'];
  const dirs = (env.PATH ?? env.Path ?? '').split(process.platform === 'win32' ? ';' : ':').filter(Boolean);
  return dirs.some((dir) => names.some((name) => exists(join(dir, name))));
}
