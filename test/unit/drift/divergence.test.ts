// The divergence math against cases computed by hand (the working is in the comments).
import * as assert from 'node:assert/strict';
import {
  categoricalJensenShannon, histogram, histogramEdges, jensenShannonDivergence, lInfinityDistance, quantileEdges,
} from '@vertex-genai-ops/catalog/drift/divergence';
import { categoricalCountsDrift, numericCountsDrift, numericDrift } from '@vertex-genai-ops/catalog/drift/featureDrift';
import { computeDrift } from '@vertex-genai-ops/emulator/handlers/monitoringStats';

const close = (actual: number, expected: number, tolerance = 1e-9) => assert.ok(Math.abs(actual - expected) < tolerance, `${actual} ≠ ${expected}`);

describe('drift: divergence math', () => {
  it('Jensen-Shannon divergence of small histograms, in bits', () => {
    close(jensenShannonDivergence([3, 3], [3, 3]), 0);
    // Disjoint supports: M = (½, ½); KL(P‖M) = 1·log2(1/½) = 1, same for Q: JS = 1, the maximum.
    close(jensenShannonDivergence([1, 0], [0, 1]), 1);
    // P = (½, ½), Q = (1, 0), M = (¾, ¼):
    // KL(P‖M) = ½·log2(½/¾) + ½·log2(½/¼) = ½·(−0.5849625) + ½·1 = 0.2075187…
    // KL(Q‖M) = 1·log2(1/¾) = 0.4150375…; JS = (0.2075187 + 0.4150375) / 2 = 0.3112781…
    close(jensenShannonDivergence([5, 5], [8, 0]), 0.31127812445913283);
    // Symmetric, unlike KL.
    close(jensenShannonDivergence([1, 2, 7], [4, 4, 2]), jensenShannonDivergence([4, 4, 2], [1, 2, 7]));
    assert.throws(() => jensenShannonDivergence([1], [1, 2]), /differ in length/);
  });

  it('empty bins need no smoothing: a bin empty on both sides adds nothing', () => {
    // Same as the (½,½) vs (1,0) case with an extra bin empty on both sides.
    close(jensenShannonDivergence([5, 5, 0], [8, 0, 0]), 0.31127812445913283);
  });

  it('L-infinity distance of categorical distributions over the union of categories', () => {
    // (.5, .3, .2, 0) vs (.2, .3, .4, .1): |differences| .3, 0, .2, .1 → max .3.
    close(lInfinityDistance({ a: 5, b: 3, c: 2 }, { a: 2, b: 3, c: 4, d: 1 }), 0.3);
    // No category in common: (1, 0) vs (0, 1) → 1.
    close(lInfinityDistance({ x: 1 }, { y: 7 }), 1);
    close(categoricalJensenShannon({ x: 1 }, { y: 1 }), 1);
  });

  it('puts numeric bucket edges at the baseline deciles, merging ties', () => {
    // 1..11: the i/10 quantile is sorted[⌊i · 10/10⌋] = i + 1.
    assert.deepEqual(quantileEdges([11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1]), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    // Mostly zeros: sorted[0..6] are 0, sorted[7..10] 5, 6, 7, 8 → edges 0, 5, 6, 7, 8.
    // 20 values 10..200, quartiles: sorted[⌊i·19/4⌋] = sorted[0, 4, 9, 14, 19].
    assert.deepEqual(quantileEdges(Array.from({ length: 20 }, (_, i) => 10 * (i + 1)), 4), [10, 50, 100, 150, 200]);
    assert.deepEqual(quantileEdges([0, 0, 0, 0, 0, 0, 0, 5, 6, 7, 8]), [0, 5, 6, 7, 8]);
    // A constant baseline: one edge, two buckets (< 4) and [4, ∞).
    assert.deepEqual(quantileEdges([4, 4, 4]), [4]);
    assert.deepEqual(histogram([3, 4, 4, 5], [4]), [1, 3]);
  });

  it('numbers buckets as RANGE_BUCKET: the count of edges ≤ the value', () => {
    const edges = histogramEdges([0, 10], 2);
    assert.deepEqual(edges, [0, 5, 10]);
    // −1 → (−∞,0); 0, 4.9 → [0,5); 5, 9.9 → [5,10); 10, 11, 12 → [10,∞).
    assert.deepEqual(histogram([-1, 0, 4.9, 5, 9.9, 10, 11, 12], edges), [1, 2, 2, 3]);
  });

  it('scores a numeric feature from aggregated counts exactly as from raw values', () => {
    // Baseline 1..11 → edges 1..11: 12 buckets; 1..10 one each in [1,2)…[10,11), 11 in
    // [11,∞). A current sample 0, 0, 0 lands all in (−∞,1): disjoint supports, JS = 1.
    const baseline = Array.from({ length: 11 }, (_, i) => i + 1);
    const raw = numericDrift(baseline, [0, 0, 0]);
    close(raw.score, 1);
    // Current 11, 11: all in [11,∞), where the baseline has 1/11.
    // P = (0, 1/11 ×10, 1/11), Q = (0, 0 ×10, 1); M = (0, 1/22 ×10, 6/11).
    // KL(P‖M) = 10·(1/11)·log2(2) + (1/11)·log2((1/11)/(6/11)) = 10/11 − (1/11)·log2 6
    // KL(Q‖M) = log2(11/6); JS = (10/11 − log2(6)/11 + log2(11/6)) / 2 = (0.90909 − 0.23500 + 0.87447) / 2 = 0.77428
    close(numericDrift(baseline, [11, 11]).score, (10 / 11 - Math.log2(6) / 11 + Math.log2(11 / 6)) / 2, 1e-6);
    const edges = quantileEdges(baseline);
    const counts = numericCountsDrift(edges, histogram(baseline, edges), histogram([0, 0, 0], edges));
    assert.deepEqual(counts, raw);
    assert.deepEqual(raw.current.histogram?.buckets[0], { high: 1, count: 3 });
    assert.deepEqual(raw.baseline.histogram?.buckets.at(-1), { low: 11, count: 1 });
  });

  it('reports categorical distributions as sorted category counts', () => {
    const drift = categoricalCountsDrift({ b: 1, a: 3 }, { a: 1, c: 1 });
    // (a .75, b .25, c 0) vs (a .5, b 0, c .5): max |diff| = .5 (c).
    assert.equal(drift.score, 0.5);
    assert.equal(drift.algorithm, 'l_infinity');
    assert.deepEqual(drift.baseline.categories, [{ value: 'a', count: 3 }, { value: 'b', count: 1 }]);
  });

  it('flags only the drifted feature against its threshold', () => {
    const fields = [{ name: 'age', dataType: 'float' }, { name: 'plan', dataType: 'categorical' }];
    const baseline = { age: [20, 30, 40, 50], plan: ['a', 'a', 'b', 'b'] };
    // plan: (.5, .5) vs (.25, .75) → L∞ .25 > .2; age unchanged → JS 0.
    const target = { age: [20, 30, 40, 50], plan: ['a', 'b', 'b', 'b'] };
    const drift = computeDrift(fields, baseline, target, { defaultCategoricalAlertCondition: { threshold: 0.2 }, defaultNumericAlertCondition: { threshold: 0.1 } });
    assert.deepEqual(drift.map((d) => [d.feature, d.algorithm, d.score, d.anomaly]), [
      ['age', 'jensen_shannon_divergence', 0, false],
      ['plan', 'l_infinity', 0.25, true],
    ]);
  });
});
