// What a prompt to a model is and what comes back: the target, the request, the answer's
// figures. The client layer (generate, openChat, predictText, runPrompt) works in these, and
// the Playground's protocol re-exports them for its panel and webview. Types only.

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
