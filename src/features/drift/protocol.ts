// Messages between the Drift panel (host) and its webview. Types only.
import type { Distribution } from '@vertex-genai-ops/catalog/drift/featureDrift';
import type { IpcRequestType } from '../../common/ipc';

export interface MonitorOption {
  readonly name: string;
  readonly label: string;
}

export interface SeriesPoint {
  /** Epoch ms. */
  readonly t: number;
  readonly score: number;
  readonly anomaly: boolean;
}

export interface FeatureSeries {
  readonly feature: string;
  readonly kind: 'numeric' | 'categorical';
  readonly algorithm: string;
  readonly threshold?: number;
  /** Oldest first. */
  readonly points: readonly SeriesPoint[];
}

export interface AlertRow {
  readonly feature: string;
  readonly time: string;
  readonly score?: number;
  readonly threshold?: number;
  readonly summary: string;
}

export interface HistogramView {
  readonly feature: string;
  readonly time: string;
  readonly baseline?: Distribution;
  readonly current?: Distribution;
}

/** What the panel shows for one source: a Model Monitoring monitor or a generative endpoint's log. */
export interface DriftView {
  readonly source: string;
  readonly title: string;
  /** How the numbers were made, one line (e.g. "computed in BigQuery from …"). */
  readonly note?: string;
  readonly series: readonly FeatureSeries[];
  readonly alerts: readonly AlertRow[];
  /** Set for monitors: Create / Run now apply. */
  readonly monitor?: boolean;
}

export type DriftHostMessage =
  | { readonly type: 'sources'; readonly sources: readonly MonitorOption[]; readonly selected?: string; readonly error?: string }
  | { readonly type: 'view'; readonly view: DriftView }
  | { readonly type: 'histogram'; readonly histogram: HistogramView }
  | { readonly type: 'busy'; readonly message?: string }
  | { readonly type: 'error'; readonly message: string };

export type DriftWebviewMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'select'; readonly source: string }
  | { readonly type: 'feature'; readonly feature: string; readonly time?: number }
  | { readonly type: 'refresh' }
  | { readonly type: 'createMonitor' }
  | { readonly type: 'runJob' }
  | { readonly type: 'cancel' };

/** Median of three renders, and the first (which also creates the chart). */
export interface BenchResult {
  readonly ms: number;
  readonly firstMs: number;
  readonly features: number;
  readonly points: number;
}

export interface DriftProtocol {
  readonly commands: DriftWebviewMessage;
  readonly notifications: DriftHostMessage;
  readonly requests: Record<never, never>;
  /** Renders synthetic data (features × days) and answers with the time it took. */
  readonly hostRequests: { readonly bench: IpcRequestType<{ readonly features: number; readonly days: number }, BenchResult> };
}
