// Messages between the Playground panel (host) and its webview. Types only:
// no vscode, no DOM, so both sides import them with `import type`.

export interface PlaygroundTarget {
  /** Full endpoint resource name. */
  readonly endpoint: string;
  readonly displayName: string;
  readonly region: string;
}

export interface AnswerFigures {
  readonly totalMs: number;
  readonly promptTokens?: number;
  readonly outputTokens?: number;
  readonly finishReason?: string;
}

export type HostMessage =
  | { readonly type: 'targets'; readonly targets: readonly PlaygroundTarget[]; readonly selected?: string; readonly error?: string }
  | { readonly type: 'answer'; readonly id: string; readonly text: string; readonly figures: AnswerFigures }
  | { readonly type: 'answerError'; readonly id: string; readonly message: string };

export type WebviewMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'send'; readonly id: string; readonly endpoint: string; readonly prompt: string }
  | { readonly type: 'stop'; readonly id: string };
