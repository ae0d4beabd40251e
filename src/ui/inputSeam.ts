// The one seam every question goes through: multi-step flows, single picks and the
// confirmation of a destructive action. The real implementation shows VS Code's quick
// input and modal dialog; tests hand in a scripted one (test/support). Both receive
// the same requests, validation included, so a scripted run exercises exactly what
// the user sees. No vscode import: flows are unit-testable.

export interface PickOption<T> {
  readonly label: string;
  readonly value: T;
  readonly description?: string;
  readonly detail?: string;
  readonly picked?: boolean;
}

interface RequestBase {
  /** Stable id of the step, for scripts and transcripts. */
  readonly id: string;
  readonly title: string;
  readonly step: number;
  /** Left out when the flow cannot yet tell how many steps it will ask. */
  readonly totalSteps?: number;
  /** Whether a Back button is offered. */
  readonly canGoBack: boolean;
}

export interface PickRequest<T> extends RequestBase {
  readonly placeholder?: string;
  /** A promise shows the pick at once, busy, until the options arrive; its rejection is the pick's. */
  readonly options: readonly PickOption<T>[] | Promise<readonly PickOption<T>[]>;
  readonly canPickMany?: boolean;
  /** The current answer, preselected. */
  readonly selected?: readonly T[];
  /** Returns a message when the choice cannot be accepted. */
  validate?(values: readonly T[]): string | undefined | Promise<string | undefined>;
}

export interface TextRequest extends RequestBase {
  readonly prompt?: string;
  readonly placeholder?: string;
  /** The current answer, so going back or fixing one field loses nothing. */
  readonly value: string;
  readonly password?: boolean;
  /** Runs as the user types; a message blocks accepting the value. */
  validate(text: string): string | undefined | Promise<string | undefined>;
  /** Runs once on accept, after validate passed (checks that cost a request); a message blocks it too. */
  check?(text: string): Promise<string | undefined>;
}

export type Answer<T> = { readonly kind: 'value'; readonly value: T } | { readonly kind: 'back' } | { readonly kind: 'cancel' };

/** A single question's value; undefined when the user cancelled it. */
export async function answered<T>(question: Promise<Answer<T>>): Promise<T | undefined> {
  const answer = await question;
  return answer.kind === 'value' ? answer.value : undefined;
}

/** A destructive (or billed) action asks first, in a modal dialog: its button or Cancel. */
export interface ConfirmRequest {
  /** The question, e.g. "Delete endpoint churn?". */
  readonly message: string;
  /** What will happen, under the question. */
  readonly detail?: string;
  /** The button that goes ahead, e.g. "Delete". */
  readonly action: string;
}

export interface InputSeam {
  pick<T>(request: PickRequest<T>): Promise<Answer<readonly T[]>>;
  text(request: TextRequest): Promise<Answer<string>>;
  /** True when the user chose the action; false when they cancelled or closed the dialog. */
  confirm(request: ConfirmRequest): Promise<boolean>;
}

/** A seam a test hands the extension: it answers until its script is used up. */
export interface ScriptableInput extends InputSeam {
  readonly finished: boolean;
}
