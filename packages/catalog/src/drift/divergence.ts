// Distribution distances of Vertex AI Model Monitoring (ThresholdConfig, DataDriftSpec):
// by default L-infinity for categorical features and Jensen-Shannon divergence for
// numeric ones. Pure functions over counts (inputs need not be normalized), shared by
// the extension (drift of generative endpoints, from histograms aggregated in BigQuery)
// and the emulator (monitoring stats): imports nothing, so both may use it.
//
// Choices, so that a score can be recomputed by hand:
// - log base 2: JS divergence lies in [0, 1] (1 = disjoint supports).
// - no smoothing: JS compares each side with the mixture M = (P+Q)/2, which is > 0
//   wherever either side is, so empty bins need no pseudo-counts and add 0.
// - numeric bins: edges at the baseline's deciles (quantileEdges; BigQuery's
//   APPROX_QUANTILES(x, 10) approximates the same), so each bucket holds about a tenth of
//   the baseline even for skewed features (amounts, lengths); buckets numbered as
//   BigQuery's RANGE_BUCKET does, with open ends for values the baseline never saw.

/** Jensen-Shannon divergence in bits (log base 2), so it lies in [0, 1]. */
export function jensenShannonDivergence(p: readonly number[], q: readonly number[]): number {
  if (p.length !== q.length) throw new Error(`Histograms differ in length: ${p.length} and ${q.length}.`);
  const [pn, qn] = [normalize(p), normalize(q)];
  const m = pn.map((pi, i) => (pi + qn[i]) / 2);
  return (klDivergence(pn, m) + klDivergence(qn, m)) / 2;
}

/** Largest absolute difference between two categorical distributions (missing categories count as 0). */
export function lInfinityDistance(p: Readonly<Record<string, number>>, q: Readonly<Record<string, number>>): number {
  const keys = categoryUnion(p, q);
  const [pn, qn] = [normalize(keys.map((k) => p[k] ?? 0)), normalize(keys.map((k) => q[k] ?? 0))];
  return keys.reduce((max, _, i) => Math.max(max, Math.abs(pn[i] - qn[i])), 0);
}

/** Jensen-Shannon divergence of two categorical distributions, over the union of categories. */
export function categoricalJensenShannon(p: Readonly<Record<string, number>>, q: Readonly<Record<string, number>>): number {
  const keys = categoryUnion(p, q);
  return jensenShannonDivergence(keys.map((k) => p[k] ?? 0), keys.map((k) => q[k] ?? 0));
}

/**
 * Bucket edges at the baseline's `bins`-quantiles (sorted[⌊i·(n−1)/bins⌋], as the emulator's APPROX_QUANTILES),
 * ascending and distinct: ties (integer features) merge buckets rather than leave empty ones.
 */
export function quantileEdges(baseline: readonly number[], bins = 10): number[] {
  if (!baseline.length) return [];
  const sorted = [...baseline].sort((a, b) => a - b);
  const edges: number[] = [];
  for (let i = 0; i <= bins; i++) {
    const edge = sorted[Math.floor((i * (sorted.length - 1)) / bins)];
    if (edges[edges.length - 1] !== edge) edges.push(edge);
  }
  return edges;
}

/** `bins` equal-width bucket edges over the baseline's range (bins + 1 edges). */
export function histogramEdges(baseline: readonly number[], bins = 10): number[] {
  const min = Math.min(...baseline);
  const max = Math.max(...baseline);
  const width = (max - min) / bins || 1;
  return Array.from({ length: bins + 1 }, (_, i) => min + i * width);
}

/**
 * Counts per bucket, as BigQuery's RANGE_BUCKET numbers them (so a histogram aggregated
 * in SQL and one made here agree): bucket i holds the values with exactly i edges ≤ v,
 * i.e. (−∞, e0), [e0, e1), …, [e_last, +∞): edges.length + 1 counts. The open ends keep
 * values the baseline never saw.
 */
export function histogram(values: readonly number[], edges: readonly number[]): number[] {
  const counts = new Array<number>(edges.length + 1).fill(0);
  for (const v of values) counts[upperBound(edges, v)]++;
  return counts;
}

export function categoryCounts(values: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
}

function categoryUnion(p: Readonly<Record<string, number>>, q: Readonly<Record<string, number>>): string[] {
  return [...new Set([...Object.keys(p), ...Object.keys(q)])];
}

function normalize(counts: readonly number[]): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  return total > 0 ? counts.map((c) => c / total) : counts.map(() => 0);
}

function klDivergence(p: readonly number[], m: readonly number[]): number {
  return p.reduce((sum, pi, i) => (pi > 0 ? sum + pi * Math.log2(pi / m[i]) : sum), 0);
}

/** Number of edges ≤ v (edges ascending). */
function upperBound(edges: readonly number[], v: number): number {
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (edges[mid] <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
