// What Vertex accepts as version aliases, labels and upload inputs, checked before
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

const LABEL_KEY = /^[\p{Ll}\p{Lo}][\p{Ll}\p{Lo}\p{N}_-]{0,62}$/u;
const LABEL_VALUE = /^[\p{Ll}\p{Lo}\p{N}_-]{0,63}$/u;

/** "team=support, env=prod" → labels, or what is wrong (Google's label rules). */
export function parseLabels(text: string): Record<string, string> | string {
  const labels: Record<string, string> = {};
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const eq = part.indexOf('=');
    const key = (eq < 0 ? part : part.slice(0, eq)).trim();
    const value = eq < 0 ? '' : part.slice(eq + 1).trim();
    if (!LABEL_KEY.test(key)) return l10n.t('Label key "{0}": start with a lowercase letter; up to 63 lowercase letters, digits, _ or -.', key);
    if (!LABEL_VALUE.test(value)) return l10n.t('Label "{0}": the value "{1}" may have up to 63 lowercase letters, digits, _ or -.', key, value);
    if (key in labels) return l10n.t('Label "{0}" is given twice.', key);
    labels[key] = value;
  }
  if (Object.keys(labels).length > 64) return l10n.t('At most 64 labels.');
  return labels;
}

export function formatLabels(labels: Record<string, string>): string {
  return Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(', ');
}

export function artifactUriProblem(uri: string): string | undefined {
  return /^gs:\/\/[a-z0-9][a-z0-9._-]{1,220}[a-z0-9](\/.*)?$/.test(uri.trim()) ? undefined : l10n.t('Enter the Cloud Storage folder of the model artifacts, e.g. gs://my-bucket/models/v4/.');
}

export function imageUriProblem(uri: string): string | undefined {
  return /^([a-z0-9-]+\.)*(gcr\.io|pkg\.dev)\/[a-z0-9._/-]+(:[\w.-]+|@sha256:[a-f0-9]{64})?$/.test(uri.trim())
    ? undefined
    : l10n.t('Enter a serving container image in Artifact Registry or Container Registry, e.g. us-docker.pkg.dev/vertex-ai/prediction/xgboost-cpu.1-7:latest.');
}
