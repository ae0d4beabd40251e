// Small step builders the three launch flows share: regions, numbers, labels, and the
// review with its request/curl/gcloud/spec actions.
import * as l10n from '@vscode/l10n';
import { curlCommand, type RestCall } from '../../../vertex/curlCommand';
import type { PickStep, TextStep } from '../../../ui/multiStepFlow';
import { reviewStep, type ReviewField } from '../../../ui/reviewStep';
import { displayNameProblem } from './fieldRules';
import { formatLabels, parseLabels } from '../../../common/labels';
import type { LaunchEnv } from './launchEnv';
import type { Launch, LaunchProblem } from './launchTypes';

export type Confirmable<L> = L & { readonly confirmed?: boolean };

export function regionStep<S extends { readonly region: string }>(env: LaunchEnv, extra: readonly string[] = []): PickStep<S, string> {
  return {
    kind: 'pick',
    id: 'region',
    title: l10n.t('Region'),
    placeholder: () => l10n.t('Where the job runs (and where its outputs live)'),
    options: () => [...new Set([...env.regions, ...extra])].map((r) => ({ label: r, value: r })),
    selected: (s) => [s.region],
    apply: (s, [region]) => ({ ...s, region }),
  };
}

export function displayNameStep<S extends { readonly displayName: string }>(title: string): TextStep<S> {
  return {
    kind: 'text',
    id: 'displayName',
    title,
    prompt: () => l10n.t('Up to 128 characters'),
    value: (s) => s.displayName,
    validate: (t) => displayNameProblem(t),
    apply: (s, displayName) => ({ ...s, displayName: displayName.trim() }),
  };
}

export function labelsStep<S extends { readonly labels: Readonly<Record<string, string>> }>(): TextStep<S> {
  return {
    kind: 'text',
    id: 'labels',
    title: l10n.t('Labels — optional'),
    prompt: () => l10n.t('key=value pairs separated by commas: lowercase letters, digits, _ and -'),
    placeholder: 'team=nlp, purpose=support-bot',
    value: (s) => formatLabels(s.labels),
    validate: (t) => {
      const parsed = parseLabels(t);
      return 'problem' in parsed ? parsed.problem : undefined;
    },
    apply: (s, t) => ({ ...s, labels: (parseLabels(t) as { labels: Record<string, string> }).labels }),
  };
}

/** A text step for one number; empty text means "unset" when `optional`. */
export function numberStep<S>(options: {
  id: string;
  title: string;
  prompt: string;
  skip?: (s: S) => boolean;
  get(s: S): number | undefined;
  set(s: S, value: number | undefined): S;
  problem(text: string, s: S): string | undefined;
  optional?: boolean;
}): TextStep<S> {
  return {
    kind: 'text',
    id: options.id,
    title: options.title,
    skip: options.skip,
    prompt: () => options.prompt,
    value: (s) => (options.get(s) === undefined ? '' : String(options.get(s))),
    validate: (t, s) => (options.optional && !t.trim() ? undefined : options.problem(t, s)),
    apply: (s, t) => options.set(s, t.trim() ? Number(t.trim()) : undefined),
  };
}

/** "The machine type: …" — a problem as the review and spec files say it. */
export function describeProblem(problem: LaunchProblem): string {
  return `${problem.path}: ${problem.message}`;
}

export function launchReview<L extends Launch>(options: {
  env: LaunchEnv;
  title: string;
  confirmLabel: string;
  fields(s: L): ReviewField[];
  problems(s: L): LaunchProblem[];
  rest(s: L): RestCall;
  gcloud?(s: L): string;
  /** The launch alone, without flow bookkeeping, for spec files. */
  launch(s: L): Launch;
}): PickStep<Confirmable<L>> {
  const { env } = options;
  return reviewStep<Confirmable<L>>({
    title: options.title,
    confirmLabel: options.confirmLabel,
    fields: options.fields,
    actions: [
      { label: l10n.t('$(json) Show request JSON'), detail: l10n.t('The body sent to Vertex AI'), run: (s) => env.show(JSON.stringify(options.rest(s).body, null, 2), 'json') },
      options.gcloud
        ? { label: l10n.t('$(terminal) Copy gcloud command'), run: (s) => env.copy(options.gcloud!(s), l10n.t('gcloud command')) }
        : { label: l10n.t('$(terminal) Copy curl command (REST only)'), detail: l10n.t('gcloud has no command that creates Gemini tuning jobs'), run: (s) => env.copy(curlCommand(options.rest(s)), l10n.t('curl command')) },
      ...(options.gcloud ? [{ label: l10n.t('$(terminal) Copy curl command'), run: (s: L) => env.copy(curlCommand(options.rest(s)), l10n.t('curl command')) }] : []),
      { label: l10n.t('$(save) Save as spec file…'), detail: l10n.t('Re-run this launch later from the workspace'), run: (s) => env.saveSpec(options.launch(s)) },
    ],
    validate: (s) => {
      const [first, ...rest] = options.problems(s);
      return first && `${describeProblem(first)}${rest.length ? ` (and ${rest.length} more)` : ''}`;
    },
    confirm: (s) => ({ ...s, confirmed: true }),
  });
}
