// What Vertex accepts as version aliases and upload inputs, checked before
// anything is sent, worded for the person typing. Pure.
import * as l10n from '@vscode/l10n';

/** Alias rules from Model.version_aliases: [a-z][a-zA-Z0-9-]{0,126}[a-z0-9], not a number. */
export function aliasProblem(alias: string): string | undefined {
  const a = alias.trim();
  if (!a) return l10n.t('Enter an alias, e.g. prod.');
  if (!/^[a-z][a-zA-Z0-9-]{0,126}[a-z0-9]$/.test(a)) return l10n.t('An alias starts with a lowercase letter, ends with a lowercase letter or digit, and has 2–128 letters, digits or hyphens.');
  return undefined;
}

/** Why an alias cannot be removed from a version, or undefined. */
export function removeAliasProblem(alias: string): string | undefined {
  return alias === 'default' ? l10n.t('The default alias cannot be removed, only moved: add "default" to another version instead.') : undefined;
}

export function artifactUriProblem(uri: string): string | undefined {
  return /^gs:\/\/[a-z0-9][a-z0-9._-]{1,220}[a-z0-9](\/.*)?$/.test(uri.trim()) ? undefined : l10n.t('Enter the Cloud Storage folder of the model artifacts, e.g. gs://my-bucket/models/v4/.');
}

export function imageUriProblem(uri: string): string | undefined {
  return /^([a-z0-9-]+\.)*(gcr\.io|pkg\.dev)\/[a-z0-9._/-]+(:[\w.-]+|@sha256:[a-f0-9]{64})?$/.test(uri.trim())
    ? undefined
    : l10n.t('Enter a serving container image in Artifact Registry or Container Registry, e.g. us-docker.pkg.dev/vertex-ai/prediction/xgboost-cpu.1-7:latest.');
}
