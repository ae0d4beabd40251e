// The last step of a launch flow: every answer on one list (pick one to change
// it and come straight back), the actions that show or keep the request, and
// the one that sends it. Nothing is sent before the user picks that one.
import * as l10n from '@vscode/l10n';
import type { PickOption } from './inputSeam';
import type { PickStep } from './multiStepFlow';

export interface ReviewField {
  readonly label: string;
  readonly value: string;
  /** The step that edits this field. */
  readonly step: string;
}

export interface ReviewAction<S> {
  readonly label: string;
  readonly detail?: string;
  /** Runs, then the review shows again (e.g. copy the gcloud command, open the REST request). */
  run(state: S): Promise<void>;
}

type Choice = { readonly kind: 'confirm' } | { readonly kind: 'edit'; readonly step: string } | { readonly kind: 'action'; readonly index: number };

export function reviewStep<S>(options: {
  readonly id?: string;
  readonly title: string;
  readonly confirmLabel: string;
  fields(state: S): readonly ReviewField[];
  readonly actions: readonly ReviewAction<S>[];
  /** Marks the state as confirmed. */
  confirm(state: S): S;
  /** A last check across fields; a message keeps the review open. */
  validate?(state: S): string | undefined | Promise<string | undefined>;
}): PickStep<S, Choice> {
  const id = options.id ?? 'review';
  return {
    kind: 'pick',
    id,
    title: options.title,
    placeholder: () => l10n.t('Review: pick a line to change it, or confirm'),
    options: (state) => [
      { label: l10n.t('$(rocket) {0}', options.confirmLabel), value: { kind: 'confirm' } },
      ...options.actions.map((a, index): PickOption<Choice> => ({ label: a.label, detail: a.detail, value: { kind: 'action', index } })),
      ...options.fields(state).map((f): PickOption<Choice> => ({ label: l10n.t('$(edit) {0}', f.label), description: f.value, value: { kind: 'edit', step: f.step } })),
    ],
    validate: async ([choice], state) => (choice?.kind === 'confirm' ? options.validate?.(state) : undefined),
    apply: async (state, [choice]) => {
      if (choice.kind === 'confirm') return options.confirm(state);
      if (choice.kind === 'edit') return { goto: choice.step };
      // Actions run here so the flow stays on the review afterwards.
      await options.actions[choice.index].run(state);
      return { goto: id };
    },
  };
}
