// The filter a user types above a tree: `state:running label:team=nlp chat`.
// Words match the display name or id; `state:` the job state; `label:k=v` (or `label:k`)
// a label. Labels also go to the server as an AIP-160 filter, so paging stays right.
// Pure: no vscode.
import * as l10n from '@vscode/l10n';
import type { JobState } from '../../vertex/types';

export interface TreeFilter {
  readonly text: string;
  readonly words: readonly string[];
  readonly states: readonly JobState[];
  readonly labels: readonly { readonly key: string; readonly value?: string }[];
}

export const FILTER_STATES: readonly JobState[] = ['pending', 'running', 'succeeded', 'failed', 'cancelling', 'cancelled', 'paused'];
const LABEL_KEY = /^[a-z][a-z0-9_-]{0,62}$/;

/** The filter, or the one sentence saying what is wrong with the text. */
export function parseTreeFilter(text: string, allowState = true): TreeFilter | { error: string } {
  const words: string[] = [];
  const states: JobState[] = [];
  const labels: { key: string; value?: string }[] = [];
  for (const token of text.trim().split(/\s+/).filter(Boolean)) {
    const [, prefix, rest] = /^(state|label):(.*)$/i.exec(token) ?? [];
    if (!prefix) {
      words.push(token.toLowerCase());
    } else if (prefix.toLowerCase() === 'state') {
      const state = rest.toLowerCase() as JobState;
      if (!allowState) return { error: l10n.t('Only jobs have a state: remove "state:" from the filter.') };
      if (!FILTER_STATES.includes(state)) return { error: l10n.t('Unknown state "{0}": use one of {1}.', rest, FILTER_STATES.join(', ')) };
      states.push(state);
    } else {
      const [key, ...value] = rest.split('=');
      if (!LABEL_KEY.test(key)) return { error: l10n.t('"{0}" is not a label: write label:key=value or label:key (lowercase key).', rest) };
      labels.push(value.length ? { key, value: value.join('=') } : { key });
    }
  }
  return { text: text.trim(), words, states, labels };
}

export interface Filterable {
  readonly id: string;
  readonly displayName: string;
  readonly labels?: Record<string, string>;
  readonly state?: JobState;
}

export function matchesTreeFilter(item: Filterable, filter: TreeFilter): boolean {
  const name = `${item.displayName} ${item.id}`.toLowerCase();
  if (!filter.words.every((w) => name.includes(w))) return false;
  if (filter.states.length > 0 && !(item.state && filter.states.includes(item.state))) return false;
  const labels = item.labels ?? {};
  return filter.labels.every(({ key, value }) => (value === undefined ? key in labels : labels[key] === value));
}

/** The labels part as Vertex's list filter: `labels.team="nlp" AND labels.stage:*`. */
export function serverFilter(filter: TreeFilter | undefined): string | undefined {
  const terms = (filter?.labels ?? []).map(({ key, value }) => (value === undefined ? `labels.${key}:*` : `labels.${key}=${JSON.stringify(value)}`));
  return terms.length > 0 ? terms.join(' AND ') : undefined;
}
