// Drift of a generative endpoint (text in, text out) from its request-response log in
// BigQuery: a baseline window against each day of a current window. The histograms and
// category counts are aggregated in BigQuery (sql/*.sql); only the final divergence of
// those small aggregates runs here, with the same math as Model Monitoring
// (Jensen-Shannon for numeric metrics, L-infinity for categorical ones). No vscode.
import * as l10n from '@vscode/l10n';
import type { ClientPool } from '../../vertex/clients';
import { runQuery } from '../../vertex/bigquery';
import { categoricalCountsDrift, numericCountsDrift, type Distribution } from '@vertex-genai-ops/catalog/drift/featureDrift';
import categoricalSql from './sql/generativeCategorical.sql';
import numericSql from './sql/generativeNumeric.sql';

export interface GenerativeDriftWindow {
  readonly baselineStart: Date;
  readonly baselineEnd: Date;
  readonly currentStart: Date;
  readonly currentEnd: Date;
}

export interface GenerativeMetricPoint {
  /** The day (UTC, YYYY-MM-DD) of the current window. */
  readonly day: string;
  readonly score: number;
  readonly anomaly: boolean;
  readonly baseline: Distribution;
  readonly current: Distribution;
}

export interface GenerativeMetric {
  readonly metric: string;
  readonly kind: 'numeric' | 'categorical';
  readonly algorithm: string;
  readonly threshold: number;
  readonly points: readonly GenerativeMetricPoint[];
}

/** Default alert thresholds per metric kind (Vertex's default for both is 0.3). */
export const GENERATIVE_THRESHOLDS = { numeric: 0.3, categorical: 0.3 } as const;

/** `bq://project.dataset.table` or `project.dataset.table` → a quoted table for the SQL. */
export function tableReference(uri: string): string {
  const m = /^(?:bq:\/\/)?([a-z0-9-]+)[.:]([A-Za-z0-9_]+)\.([A-Za-z0-9_$-]+)$/.exec(uri.trim());
  if (!m) throw new Error(l10n.t('"{0}" is not a BigQuery table (bq://project.dataset.table).', uri));
  return `\`${m[1]}.${m[2]}.${m[3]}\``;
}

/** The SQL as sent, with the table filled in (for tests and for "show the query"). */
export function generativeDriftSql(table: string): { numeric: string; categorical: string } {
  const ref = tableReference(table);
  return { numeric: numericSql.replaceAll('{{table}}', ref), categorical: categoricalSql.replaceAll('{{table}}', ref) };
}

export async function generativeDrift(
  pool: ClientPool,
  table: string,
  endpoint: string,
  window: GenerativeDriftWindow,
  options: { signal?: AbortSignal; thresholds?: { numeric: number; categorical: number } } = {},
): Promise<GenerativeMetric[]> {
  const sql = generativeDriftSql(table);
  // Logged names carry the project number, the caller's may carry the id: match on the endpoint id.
  const params = {
    endpoint_id: endpoint.slice(endpoint.lastIndexOf('/') + 1),
    baseline_start: window.baselineStart,
    baseline_end: window.baselineEnd,
    current_start: window.currentStart,
    current_end: window.currentEnd,
  };
  const [numeric, categorical] = await Promise.all([
    runQuery(pool, sql.numeric, { params, signal: options.signal, pageSize: 10_000 }),
    runQuery(pool, sql.categorical, { params, signal: options.signal, pageSize: 10_000 }),
  ]);
  const thresholds = options.thresholds ?? GENERATIVE_THRESHOLDS;
  return [...numericMetrics(numeric.items, thresholds.numeric), ...categoricalMetrics(categorical.items, thresholds.categorical)];
}

type Row = Record<string, unknown>;

/** Rows (metric, window_name, bucket, n, boundaries) → per metric, per day, JS divergence. */
export function numericMetrics(rows: readonly Row[], threshold: number): GenerativeMetric[] {
  const byMetric = groupBy(rows, (r) => String(r.metric));
  return [...byMetric].map(([metric, metricRows]) => {
    const edges = ((metricRows[0].boundaries as unknown[]) ?? []).map(Number);
    const counts = (windowName: string) => {
      const c = new Array<number>(edges.length + 1).fill(0);
      for (const r of metricRows) if (r.window_name === windowName) c[Number(r.bucket)] += Number(r.n);
      return c;
    };
    const baseline = counts('baseline');
    const points = days(metricRows).map((day) => {
      const drift = numericCountsDrift(edges, baseline, counts(day));
      return { day, score: drift.score, anomaly: drift.score > threshold, baseline: drift.baseline, current: drift.current };
    });
    return { metric, kind: 'numeric' as const, algorithm: 'jensen_shannon_divergence', threshold, points };
  });
}

/** Rows (metric, window_name, category, n) → per metric, per day, L-infinity distance. */
export function categoricalMetrics(rows: readonly Row[], threshold: number): GenerativeMetric[] {
  const byMetric = groupBy(rows, (r) => String(r.metric));
  return [...byMetric].map(([metric, metricRows]) => {
    const counts = (windowName: string) =>
      Object.fromEntries(metricRows.filter((r) => r.window_name === windowName).map((r) => [String(r.category), Number(r.n)]));
    const baseline = counts('baseline');
    const points = days(metricRows).map((day) => {
      const drift = categoricalCountsDrift(baseline, counts(day));
      return { day, score: drift.score, anomaly: drift.score > threshold, baseline: drift.baseline, current: drift.current };
    });
    return { metric, kind: 'categorical' as const, algorithm: 'l_infinity', threshold, points };
  });
}

function days(rows: readonly Row[]): string[] {
  return [...new Set(rows.map((r) => String(r.window_name)).filter((w) => w !== 'baseline'))].sort();
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}
