// Messages between the job panel (host) and its webview. Types only.

export interface JobView {
  readonly name: string;
  readonly kind: 'tuning' | 'custom' | 'hyperparameterTuning';
  readonly displayName: string;
  readonly state: string;
  /** Base model, or container image, or machine: what the job runs. */
  readonly subject: string;
  readonly timeline: readonly { readonly label: string; readonly time: string }[];
  readonly stats: readonly { readonly label: string; readonly value: string }[];
  readonly error?: { readonly message: string; readonly code: string };
  readonly trials: readonly { readonly id: string; readonly state: string; readonly parameters: Readonly<Record<string, string | number>>; readonly value?: number }[];
  readonly metric?: { readonly id: string; readonly goal: 'MAXIMIZE' | 'MINIMIZE' };
  readonly bestTrialId?: string;
  /** Set once a tuning job has produced a model: the panel then offers Playground and Deploy. */
  readonly tunedModel?: { readonly model: string; readonly endpoint: string };
  readonly terminal: boolean;
}

export interface CurveView {
  readonly run: string;
  readonly metric: string;
  readonly points: readonly { readonly step: number; readonly value: number }[];
}

export type JobHostMessage =
  | { readonly type: 'job'; readonly job: JobView }
  | { readonly type: 'curves'; readonly curves: readonly CurveView[]; readonly error?: string }
  | { readonly type: 'loadError'; readonly message: string };

export type JobWebviewMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'refresh' }
  | { readonly type: 'openPlayground' }
  | { readonly type: 'deploy' }
  | { readonly type: 'showDetails' }
  | { readonly type: 'cancelJob' }
  | { readonly type: 'clone' }
  | { readonly type: 'openDataset'; readonly uri: string; readonly line: number };

export interface JobProtocol {
  readonly commands: JobWebviewMessage;
  readonly notifications: JobHostMessage;
  readonly requests: Record<never, never>;
  readonly hostRequests: Record<never, never>;
}
