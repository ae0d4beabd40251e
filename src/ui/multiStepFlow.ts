// Runs a flow of steps over an InputSeam: back navigation, validation at every
// step, answers kept in one state object so nothing typed is lost, and a
// summary step that can jump to any step and come straight back.
import * as l10n from '@vscode/l10n';
import type { InputSeam, PickOption } from './inputSeam';

interface StepBase<S> {
  readonly id: string;
  readonly title: string;
  /** Steps that do not apply to the current answers are skipped. */
  skip?(state: S): boolean;
}

export interface TextStep<S> extends StepBase<S> {
  readonly kind: 'text';
  prompt?(state: S): string;
  placeholder?: string;
  value(state: S): string;
  validate?(text: string, state: S): string | undefined | Promise<string | undefined>;
  /** Runs once when the text is accepted (a request to the cloud, not one per keystroke). */
  check?(text: string, state: S): Promise<string | undefined>;
  apply(state: S, text: string): S;
}

export interface PickStep<S, T = unknown> extends StepBase<S> {
  readonly kind: 'pick';
  placeholder?(state: S): string;
  options(state: S): readonly PickOption<T>[] | Promise<readonly PickOption<T>[]>;
  canPickMany?: boolean;
  selected?(state: S): readonly T[];
  validate?(values: readonly T[], state: S): string | undefined | Promise<string | undefined>;
  /** Returns the new state, or `{ goto }` to edit another step and come back here (its own id: show it again). */
  apply(state: S, values: readonly T[]): S | { readonly goto: string } | Promise<S | { readonly goto: string }>;
}

export type Step<S> = TextStep<S> | PickStep<S, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export type FlowResult<S> = { readonly status: 'done'; readonly state: S } | { readonly status: 'cancelled'; readonly state: S };

export async function runFlow<S>(seam: InputSeam, steps: readonly Step<S>[], initial: S): Promise<FlowResult<S>> {
  let state = initial;
  const history: number[] = [];
  let returnTo: number | undefined;
  let index = 0;
  while (index < steps.length) {
    const step = steps[index];
    if (step.skip?.(state)) {
      index++;
      continue;
    }
    const common = {
      id: step.id,
      title: step.title,
      ...counter(steps, index, state),
      canGoBack: history.length > 0,
    };
    let next: S | { readonly goto: string };
    if (step.kind === 'text') {
      const answer = await seam.text({
        ...common,
        prompt: step.prompt?.(state),
        placeholder: step.placeholder,
        value: step.value(state),
        validate: (text) => step.validate?.(text, state),
        check: step.check && ((text) => step.check!(text, state)),
      });
      if (answer.kind === 'cancel') return { status: 'cancelled', state };
      if (answer.kind === 'back') {
        index = history.pop() ?? index;
        continue;
      }
      next = step.apply(state, answer.value);
    } else {
      const answer = await seam.pick({
        ...common,
        placeholder: step.placeholder?.(state),
        options: await step.options(state),
        canPickMany: step.canPickMany,
        selected: step.selected?.(state),
        validate: step.validate && ((values) => step.validate!(values, state)),
      });
      if (answer.kind === 'cancel') return { status: 'cancelled', state };
      if (answer.kind === 'back') {
        index = history.pop() ?? index;
        continue;
      }
      next = await step.apply(state, answer.value);
    }
    if (isGoto(next)) {
      const target = steps.findIndex((s) => s.id === next.goto);
      if (target < 0) throw new Error(l10n.t('No step {0}', next.goto));
      if (target === index) continue;
      history.push(index);
      returnTo = index;
      index = target;
      continue;
    }
    history.push(index);
    state = next;
    if (returnTo !== undefined) {
      index = returnTo;
      returnTo = undefined;
    } else {
      index++;
    }
  }
  return { status: 'done', state };
}

/**
 * The step's number among the steps asked so far, and the total only when it
 * cannot change: a later step that may be skipped depends on answers not yet
 * given, so a total counted now could jump (3/10 → 4/11).
 */
function counter<S>(steps: readonly Step<S>[], index: number, state: S): { step: number; totalSteps: number | undefined } {
  const asked = steps.slice(0, index + 1).filter((s) => !s.skip?.(state)).length;
  const later = steps.slice(index + 1);
  return { step: asked, totalSteps: later.some((s) => s.skip) ? undefined : asked + later.length };
}

function isGoto(value: unknown): value is { readonly goto: string } {
  return typeof value === 'object' && value !== null && 'goto' in value && typeof (value as { goto: unknown }).goto === 'string';
}
