// The Drift webview's pure parts: feature rows in the order a person scans them,
// shares of a distribution for the histogram, and synthetic data for the render bench.
import * as l10n from '@vscode/l10n';
import type { Distribution } from '@vertex-genai-ops/catalog/drift/featureDrift';
import type { DriftView, FeatureSeries } from '../../src/features/drift/protocol';

export interface FeatureRow {
  readonly feature: string;
  readonly kind: string;
  readonly algorithm: string;
  readonly latest?: number;
  readonly threshold?: number;
  /** Points over the threshold. */
  readonly alerts: number;
  /** The latest point is over the threshold. */
  readonly drifting: boolean;
}

/** Drifting now first, then by how many alerts, then by latest score. */
export function featureRows(series: readonly FeatureSeries[]): FeatureRow[] {
  return series
    .map((s) => {
      const last = s.points[s.points.length - 1];
      let alerts = 0;
      for (const p of s.points) if (p.anomaly) alerts++;
      return { feature: s.feature, kind: s.kind, algorithm: s.algorithm, latest: last?.score, threshold: s.threshold, alerts, drifting: Boolean(last?.anomaly) };
    })
    .sort((a, b) => Number(b.drifting) - Number(a.drifting) || b.alerts - a.alerts || (b.latest ?? 0) - (a.latest ?? 0) || a.feature.localeCompare(b.feature));
}

export interface Bars {
  readonly labels: string[];
  readonly baseline: number[];
  readonly current: number[];
}

/** Both sides as shares (they may count different numbers of rows), over the same buckets or categories. */
export function distributionBars(baseline: Distribution | undefined, current: Distribution | undefined): Bars {
  const share = (counts: number[]) => {
    const total = counts.reduce((a, b) => a + b, 0);
    return counts.map((c) => (total ? c / total : 0));
  };
  const buckets = baseline?.histogram?.buckets ?? current?.histogram?.buckets;
  if (buckets) {
    const labels = buckets.map((b) => (b.low === undefined ? `< ${fmt(b.high)}` : b.high === undefined ? `≥ ${fmt(b.low)}` : `${fmt(b.low)} – ${fmt(b.high)}`));
    const counts = (d: Distribution | undefined) => buckets.map((_, i) => d?.histogram?.buckets[i]?.count ?? 0);
    return { labels, baseline: share(counts(baseline)), current: share(counts(current)) };
  }
  const categories = [...new Set([...(baseline?.categories ?? []), ...(current?.categories ?? [])].map((c) => c.value))].sort();
  const counts = (d: Distribution | undefined) => categories.map((v) => d?.categories?.find((c) => c.value === v)?.count ?? 0);
  return { labels: categories, baseline: share(counts(baseline)), current: share(counts(current)) };
}

function fmt(n: number | undefined): string {
  if (n === undefined) return '';
  return Math.abs(n) >= 100 ? n.toFixed(0) : Number(n.toPrecision(3)).toString();
}

/** `features` × `days` daily points, a few features drifting: what the render bench draws. */
export function syntheticView(features: number, days: number, start = Date.UTC(2026, 0, 1)): DriftView {
  const series: FeatureSeries[] = Array.from({ length: features }, (_, f) => {
    const drifts = f % 17 === 0;
    return {
      feature: `feature_${String(f).padStart(3, '0')}`,
      kind: f % 3 === 0 ? 'categorical' : 'numeric',
      algorithm: f % 3 === 0 ? 'l_infinity' : 'jensen_shannon_divergence',
      threshold: 0.3,
      points: Array.from({ length: days }, (_, d) => {
        const score = Math.round((0.05 + 0.04 * Math.sin((d + f) / 7) + (drifts ? (0.4 * d) / days : 0)) * 1e6) / 1e6;
        return { t: start + d * 86_400_000, score, anomaly: score > 0.3 };
      }),
    };
  });
  return { source: 'bench', title: l10n.t('{0} features × {1} days', features, days), series, alerts: [] };
}
