// Messages between the Playground panel (host) and its webview, and the shapes both
// sides share (the prompt shapes are the client layer's, src/vertex/promptTypes.ts). Types only:
// no vscode, no DOM, so both sides import them with `import type`.

import type { AnswerFigures, GenerationParams, PlaygroundTarget, PromptRequest } from '../../vertex/promptTypes';

export type { AnswerFigures, ChatMessage, DeployedTarget, GenerationParams, PlaygroundTarget, PromptRequest, SafetyRatingView, TargetKind } from '../../vertex/promptTypes';

/** One answer of one target to one prompt. */
export interface Answer {
  readonly id: string;
  readonly target: string;
  readonly status: 'streaming' | 'done' | 'error' | 'stopped';
  /** Candidate texts; the first is the answer the conversation continues from. */
  readonly candidates: readonly string[];
  readonly figures?: AnswerFigures;
  readonly error?: string;
}

/** A prompt and the answers of each target it went to (several when comparing). */
export interface Turn {
  readonly id: string;
  readonly prompt: string;
  readonly system?: string;
  readonly params: GenerationParams;
  readonly answers: readonly Answer[];
  readonly at: number;
}

export interface Conversation {
  readonly id: string;
  readonly title: string;
  readonly turns: readonly Turn[];
}

export type HostMessage =
  | { readonly type: 'targets'; readonly targets: readonly PlaygroundTarget[]; readonly selected?: string; readonly error?: string }
  | { readonly type: 'restore'; readonly conversation: Conversation }
  | { readonly type: 'delta'; readonly id: string; readonly candidate: number; readonly text: string }
  /** `sent`: how many delta messages the host posted for this answer. */
  | { readonly type: 'answer'; readonly id: string; readonly candidates: readonly string[]; readonly figures: AnswerFigures; readonly sent?: number }
  | { readonly type: 'answerError'; readonly id: string; readonly message: string; readonly stopped?: boolean };

export type WebviewMessage =
  | { readonly type: 'ready' }
  /** One prompt to 1–4 targets; answer ids are `${turn.id}:${index}`. */
  | { readonly type: 'send'; readonly turn: Turn; readonly requests: readonly PromptRequest[] }
  | { readonly type: 'retry'; readonly id: string; readonly target: string; readonly request: PromptRequest }
  | { readonly type: 'stop' }
  | { readonly type: 'clear' }
  | { readonly type: 'export'; readonly format: 'markdown' | 'json' }
  | { readonly type: 'saveEvalCase'; readonly turnId: string; readonly answerId: string }
  | { readonly type: 'copyAsCode'; readonly target: string; readonly request: PromptRequest }
  | { readonly type: 'openLink'; readonly href: string };

export interface PlaygroundProtocol {
  readonly commands: WebviewMessage;
  readonly notifications: HostMessage;
  readonly requests: Record<never, never>;
  readonly hostRequests: Record<never, never>;
}
