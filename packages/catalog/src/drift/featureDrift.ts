// Drift of one feature between a baseline and a current sample, as a Vertex AI model
// monitoring job reports it: the distance (L-infinity for categorical features and
// Jensen-Shannon for numeric ones unless DataDriftSpec picks another) and both
// distributions in ModelMonitoringStats' shape (histogram buckets or category counts).
// Pure: the emulator computes its monitoring stats with it, the extension its
// generative-endpoint drift, so both give the same number for the same rows.
import { categoricalJensenShannon, categoryCounts, histogram, jensenShannonDivergence, lInfinityDistance, quantileEdges } from './divergence';

export const L_INFINITY = 'l_infinity';
export const JENSEN_SHANNON = 'jensen_shannon_divergence';

export interface Bucket {
  /** Unset on the underflow bucket. */
  low?: number;
  /** Unset on the overflow bucket. */
  high?: number;
  count: number;
}

export interface CategoryCount {
  value: string;
  count: number;
}

/** DataDriftSpec distribution: one of the two. */
export interface Distribution {
  histogram?: { buckets: Bucket[] };
  categories?: CategoryCount[];
}

export interface MeasuredDrift {
  algorithm: string;
  score: number;
  baseline: Distribution;
  current: Distribution;
}

export function categoricalDrift(baseline: readonly string[], current: readonly string[], algorithm = L_INFINITY): MeasuredDrift {
  return categoricalCountsDrift(categoryCounts(baseline), categoryCounts(current), algorithm);
}

/** From counts already aggregated (say, by a GROUP BY in BigQuery). */
export function categoricalCountsDrift(p: Readonly<Record<string, number>>, q: Readonly<Record<string, number>>, algorithm = L_INFINITY): MeasuredDrift {
  const score = algorithm === JENSEN_SHANNON ? categoricalJensenShannon(p, q) : lInfinityDistance(p, q);
  const distribution = (counts: Readonly<Record<string, number>>): Distribution => ({
    categories: Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)).map(([value, count]) => ({ value, count })),
  });
  return { algorithm, score: round(score), baseline: distribution(p), current: distribution(q) };
}

export function numericDrift(baseline: readonly number[], current: readonly number[]): MeasuredDrift {
  const edges = quantileEdges(baseline);
  if (!edges.length) return { algorithm: JENSEN_SHANNON, score: 0, baseline: { histogram: { buckets: [] } }, current: { histogram: { buckets: [] } } };
  return numericCountsDrift(edges, histogram(baseline, edges), histogram(current, edges));
}

/** From bucket counts over `edges` (edges.length + 1 counts, see divergence.histogram). */
export function numericCountsDrift(edges: readonly number[], p: readonly number[], q: readonly number[]): MeasuredDrift {
  // Bucket i spans [edges[i-1], edges[i]); the outer buckets are open-ended.
  const buckets = (counts: readonly number[]): Distribution => ({
    histogram: { buckets: counts.map((count, i) => ({ ...(i > 0 ? { low: edges[i - 1] } : {}), ...(i < edges.length ? { high: edges[i] } : {}), count })) },
  });
  return { algorithm: JENSEN_SHANNON, score: round(jensenShannonDivergence(p, q)), baseline: buckets(p), current: buckets(q) };
}

/** 6 decimals: enough for thresholds, and stable across the wire. */
function round(score: number): number {
  return Math.round(score * 1e6) / 1e6;
}
