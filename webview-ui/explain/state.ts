// The Explainability webview's pure parts: the figures line of a result and the shade
// of each word in the heat map.
import * as l10n from '@vscode/l10n';
import type { ExplanationView } from '../../src/features/explain/protocol';

/** "logit: 1.234 (baseline −2.000, difference 3.234) · attributions sum to 3.234 · approximation error 0". */
export function figures(r: ExplanationView): string {
  const sum = [...r.features.map((f) => f.attribution), ...(r.tokens ?? []).map((t) => t.attribution)].reduce((a, b) => a + b, 0);
  const name = r.outputName ?? 'output';
  return [
    l10n.t('{0}: {1} (baseline {2}, difference {3})', name, num(r.instanceOutput), num(r.baselineOutput), num(r.instanceOutput - r.baselineOutput)),
    l10n.t('attributions sum to {0}', num(sum)),
    l10n.t('approximation error {0}', num(r.approximationError)),
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
