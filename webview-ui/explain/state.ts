// The Explainability webview's pure parts: the figures line of a result and the shade
// of each word in the heat map.
import type { ExplanationView } from '../../src/features/explain/protocol';

/** "logit: 1.234 (baseline −2.000, difference 3.234) · attributions sum to 3.234 · approximation error 0". */
export function figures(r: ExplanationView): string {
  const sum = [...r.features.map((f) => f.attribution), ...(r.tokens ?? []).map((t) => t.attribution)].reduce((a, b) => a + b, 0);
  const name = r.outputName ?? 'output';
  return [
    `${name}: ${num(r.instanceOutput)} (baseline ${num(r.baselineOutput)}, difference ${num(r.instanceOutput - r.baselineOutput)})`,
    `attributions sum to ${num(sum)}`,
    `approximation error ${num(r.approximationError)}`,
  ].join(' · ');
}

/** How strongly to colour a word: 0–80 (percent of the theme colour), by |attribution| relative to the largest. */
export function shade(attribution: number, largest: number): number {
  if (!largest) return 0;
  return Math.round((Math.min(1, Math.abs(attribution) / largest)) * 80);
}

export function num(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  return Math.abs(n) >= 1000 ? n.toFixed(0) : Number(n.toPrecision(4)).toString().replace('-', '−');
}
