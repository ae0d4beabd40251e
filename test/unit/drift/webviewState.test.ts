// The pure parts of the Drift and Explainability webviews.
import * as assert from 'node:assert/strict';
import { distributionBars, featureRows, syntheticView } from '../../../webview-ui/drift/state';
import { figures, shade } from '../../../webview-ui/explain/state';

describe('drift: webview state', () => {
  it('lists features drifting now first, then by alerts, then by latest score', () => {
    const p = (score: number, anomaly = false) => ({ t: 0, score, anomaly });
    const rows = featureRows([
      { feature: 'calm', kind: 'numeric', algorithm: 'jensen_shannon_divergence', threshold: 0.3, points: [p(0.1), p(0.2)] },
      { feature: 'was', kind: 'numeric', algorithm: 'jensen_shannon_divergence', threshold: 0.3, points: [p(0.5, true), p(0.1)] },
      { feature: 'now', kind: 'categorical', algorithm: 'l_infinity', threshold: 0.3, points: [p(0.1), p(0.4, true)] },
    ]);
    assert.deepEqual(rows.map((r) => [r.feature, r.drifting, r.alerts, r.latest]), [['now', true, 1, 0.4], ['was', false, 1, 0.1], ['calm', false, 0, 0.2]]);
  });

  it('shows both distributions as shares over the same buckets or categories', () => {
    const numeric = distributionBars({ histogram: { buckets: [{ high: 1, count: 1 }, { low: 1, high: 2, count: 3 }, { low: 2, count: 0 }] } }, { histogram: { buckets: [{ high: 1, count: 0 }, { low: 1, high: 2, count: 1 }, { low: 2, count: 1 }] } });
    assert.deepEqual(numeric, { labels: ['< 1', '1 – 2', '≥ 2'], baseline: [0.25, 0.75, 0], current: [0, 0.5, 0.5] });
    const categorical = distributionBars({ categories: [{ value: 'b', count: 1 }] }, { categories: [{ value: 'a', count: 3 }, { value: 'b', count: 1 }] });
    assert.deepEqual(categorical, { labels: ['a', 'b'], baseline: [0, 1], current: [0.75, 0.25] });
  });

  it('makes the bench view: 200 features × 365 days, some over the threshold', () => {
    const view = syntheticView(200, 365);
    assert.equal(view.series.length, 200);
    assert.ok(view.series.every((s) => s.points.length === 365));
    assert.ok(view.series.some((s) => s.points.some((p) => p.anomaly)));
  });

  it('explain: figures say the attributions sum and the error; shade grows with |attribution|', () => {
    const text = figures({ label: 'v1', outputName: 'logit', instanceOutput: 1, baselineOutput: -2, approximationError: 0, features: [{ feature: 'a', attribution: 2 }, { feature: 'b', attribution: 1 }] });
    assert.equal(text, 'logit: 1 (baseline −2, difference 3) · attributions sum to 3 · approximation error 0');
    assert.deepEqual([shade(0, 2), shade(1, 2), shade(-2, 2), shade(5, 0)], [0, 40, 80, 0]);
  });
});
