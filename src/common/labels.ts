// Resource labels as a person types them ("team=nlp, stage=prod"), with Google's
// label rules checked before anything is sent. Pure.
import * as l10n from '@vscode/l10n';

/** "key=value, key2=value2" → labels, or the first rule broken. */
export function parseLabels(text: string): { labels: Record<string, string> } | { problem: string } {
  const labels: Record<string, string> = {};
  const parts = text.split(',').map((p) => p.trim()).filter(Boolean);
  if (parts.length > 64) return { problem: l10n.t('A resource takes at most 64 labels; this has {0}.', parts.length) };
  for (const part of parts) {
    const eq = part.indexOf('=');
    const [key, value] = eq < 0 ? [part, ''] : [part.slice(0, eq).trim(), part.slice(eq + 1).trim()];
    const problem = labelProblem(key, value);
    if (problem) return { problem };
    if (key in labels) return { problem: l10n.t('Label "{0}" is given twice.', key) };
    labels[key] = value;
  }
  return { labels };
}
export function labelProblem(key: string, value: string): string | undefined {
  // Lowercase letters (international ones too), digits, underscores and dashes; keys start with a letter.
  const allowed = /^[\p{Ll}\p{Lo}0-9_-]*$/u;
  if (!key) return l10n.t('Each label needs a key before "=".');
  if ([...key].length > 63) return l10n.t('Label key "{0}" is longer than 63 characters.', key);
  if (!/^[\p{Ll}\p{Lo}]/u.test(key)) return l10n.t('Label key "{0}" must start with a lowercase letter.', key);
  if (!allowed.test(key)) return l10n.t('Label key "{0}" may use only lowercase letters, digits, underscores and dashes.', key);
  if ([...value].length > 63) return l10n.t('The value of label "{0}" is longer than 63 characters.', key);
  if (!allowed.test(value)) return l10n.t('The value of label "{0}" may use only lowercase letters, digits, underscores and dashes.', key);
  return undefined;
}

export function formatLabels(labels: Readonly<Record<string, string>>): string {
  return Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(', ');
}
