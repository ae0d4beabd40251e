// Messages between the Playground panel (host) and its webview, and the shapes both
// sides share. Types only: no vscode, no DOM, so both sides import them with `import type`.

/** How a target is called: Gemini's generateContent, an open model's OpenAI chat body through rawPredict, or predict with JSON instances. */
export type TargetKind = 'gemini' | 'openChat' | 'predict';

export interface PlaygroundTarget {
  /** Endpoint or publisher model resource name. */
  readonly name: string;
  readonly displayName: string;
  readonly region: string;
  readonly kind: TargetKind;
  /** Deployed models of an endpoint (empty for publisher models). */
  readonly deployed: readonly DeployedTarget[];
}

export interface DeployedTarget {
  readonly id: string;
  readonly displayName: string;
  readonly trafficPercent: number;
  /** `…/models/ID@N`: what a generateContent answer names as its modelVersion. */
  readonly version?: string;
}

export interface GenerationParams {
  readonly temperature?: number;
  readonly topP?: number;
  readonly topK?: number;
  readonly maxOutputTokens?: number;
  readonly stopSequences?: readonly string[];
  readonly seed?: number;
  readonly candidateCount?: number;
}

export interface ChatMessage {
  readonly role: 'user' | 'model';
  readonly text: string;
}

/** Everything one call needs besides the target: the exact request Copy as code reproduces. */
export interface PromptRequest {
  readonly system?: string;
  /** Earlier turns, oldest first. */
  readonly history: readonly ChatMessage[];
  readonly prompt: string;
  readonly params: GenerationParams;
}

export interface SafetyRatingView {
  readonly category: string;
  readonly probability: string;
  readonly blocked?: boolean;
}

export interface AnswerFigures {
  /** Time to first token (streamed answers). */
  readonly ttftMs?: number;
  readonly totalMs: number;
  readonly tokensPerSecond?: number;
  readonly promptTokens?: number;
  readonly outputTokens?: number;
  readonly finishReason?: string;
  readonly safety?: readonly SafetyRatingView[];
  /** The model version that answered, as the response names it (modelVersion, model@version). */
  readonly servedBy?: string;
  /** The endpoint's deployed model that answered (predict's deployedModelId, rawPredict's header). */
  readonly deployedModelId?: string;
}

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
