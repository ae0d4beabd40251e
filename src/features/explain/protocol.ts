// Messages between the Explainability panel (host) and its webview. Types only.

export interface ExplainTarget {
  readonly endpoint: string;
  readonly label: string;
  readonly deployedModels: readonly { readonly id: string; readonly label: string }[];
}

export interface ExplanationView {
  readonly deployedModelId?: string;
  readonly label: string;
  readonly outputName?: string;
  readonly outputDisplayName?: string;
  readonly instanceOutput: number;
  readonly baselineOutput: number;
  readonly approximationError: number;
  readonly features: readonly { readonly feature: string; readonly attribution: number; readonly value?: string; readonly baseline?: string }[];
  readonly tokens?: readonly { readonly token: string; readonly attribution: number }[];
  readonly prediction?: string;
  readonly error?: string;
}

export type ExplainHostMessage =
  | { readonly type: 'targets'; readonly targets: readonly ExplainTarget[]; readonly selected?: string; readonly instance?: string; readonly error?: string }
  | { readonly type: 'instance'; readonly instance: string; readonly origin: string }
  | { readonly type: 'busy' }
  | { readonly type: 'results'; readonly results: readonly ExplanationView[] }
  | { readonly type: 'error'; readonly message: string };

export type ExplainWebviewMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'explain'; readonly endpoint: string; readonly instance: string; readonly deployedModelIds: readonly string[] }
  | { readonly type: 'loadFile' }
  | { readonly type: 'loadLogged' }
  | { readonly type: 'cancel' };

export interface ExplainProtocol {
  readonly commands: ExplainWebviewMessage;
  readonly notifications: ExplainHostMessage;
  readonly requests: Record<never, never>;
  readonly hostRequests: Record<never, never>;
}
