// Messages between the Monitoring panel (host) and its webview. Types only: no vscode,
// no DOM, so both sides import them with `import type`.

export type TimeRange = '1h' | '24h' | '7d' | '30d';
export type StatusFilter = 'all' | 'ok' | 'error';

export interface MonitoringTarget {
  /** Full endpoint resource name, as Vertex returns it (project number). */
  readonly endpoint: string;
  readonly displayName: string;
  readonly deployedModels: readonly { readonly id: string; readonly displayName: string }[];
  /** `project.dataset.table` of the request-response log, when logging is on. */
  readonly logTable?: string;
}

export interface MetricsFilter {
  readonly range: TimeRange;
  /** '' = every deployed model. */
  readonly deployedModelId: string;
}

export interface MetricsFigures {
  readonly requests: number;
  readonly errors: number;
  readonly p50Ms: number | null;
  readonly p95Ms: number | null;
  readonly p99Ms: number | null;
  readonly inputTokens: number;
  readonly outputTokens: number;
}

export interface MetricsPoint extends MetricsFigures {
  /** Bucket start, ms since the epoch. */
  readonly t: number;
}

export interface Metrics {
  readonly filter: MetricsFilter;
  readonly startMs: number;
  readonly endMs: number;
  readonly bucketSeconds: number;
  readonly summary: MetricsFigures;
  readonly series: readonly MetricsPoint[];
}

export interface LogListItem {
  readonly requestId: string;
  /** ISO time. */
  readonly loggingTime: string;
  readonly deployedModelId: string;
  readonly apiMethod: string;
  readonly statusCode: number;
  readonly latencyMs: number;
}

export interface LogFilter extends MetricsFilter {
  readonly status: StatusFilter;
}

export interface LogPage {
  readonly filter: LogFilter;
  readonly items: readonly LogListItem[];
  /** 0-based page number. */
  readonly page: number;
  readonly totalRows: number;
  readonly hasNext: boolean;
}

/** A state the panel shows instead of data: one sentence and the next step. */
export interface Problem {
  readonly message: string;
  readonly action?: { readonly label: string; readonly command: 'enableLogging' | 'retry' | 'signIn' };
}

export type HostMessage =
  | { readonly type: 'target'; readonly target: MonitoringTarget; readonly metricsFilter: MetricsFilter; readonly logFilter: LogFilter }
  | { readonly type: 'loading'; readonly what: 'metrics' | 'logs' }
  | { readonly type: 'metrics'; readonly metrics: Metrics }
  | { readonly type: 'logs'; readonly page: LogPage }
  | { readonly type: 'problem'; readonly what: 'metrics' | 'logs'; readonly problem: Problem }
  | { readonly type: 'exported'; readonly rows: number; readonly file: string };

export type WebviewMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'metricsFilter'; readonly filter: MetricsFilter }
  | { readonly type: 'logFilter'; readonly filter: LogFilter; readonly page: number }
  | { readonly type: 'openEntry'; readonly requestId: string }
  | { readonly type: 'export'; readonly filter: LogFilter; readonly format: 'csv' | 'jsonl' }
  | { readonly type: 'action'; readonly command: 'enableLogging' | 'retry' | 'signIn' };

export interface MonitoringProtocol {
  readonly commands: WebviewMessage;
  readonly notifications: HostMessage;
  readonly requests: Record<never, never>;
  readonly hostRequests: Record<never, never>;
}
