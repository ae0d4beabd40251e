// The one seam every multi-step flow asks its questions through. The real
// implementation shows VS Code's quick input; tests answer through a scripted
// one. Both receive the same requests, validation included, so a scripted run
// exercises exactly what the user sees. No vscode import: flows are unit-testable.

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
  readonly options: readonly PickOption<T>[];
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

export interface InputSeam {
  pick<T>(request: PickRequest<T>): Promise<Answer<readonly T[]>>;
  text(request: TextRequest): Promise<Answer<string>>;
}
