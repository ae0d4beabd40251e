import * as assert from 'node:assert/strict';
import {
  categoricalJensenShannon, histogram, histogramEdges, jensenShannonDivergence, lInfinityDistance,
} from '../../../src/emulator/handlers/monitoringDivergence';
import { computeDrift } from '../../../src/emulator/handlers/monitoringStats';

const close = (actual: number, expected: number) => assert.ok(Math.abs(actual - expected) < 1e-9, `${actual} ≠ ${expected}`);

describe('emulator monitoring: divergence math', () => {
  it('Jensen-Shannon divergence of small histograms, in bits', () => {
    close(jensenShannonDivergence([3, 3], [3, 3]), 0);
    close(jensenShannonDivergence([1, 0], [0, 1]), 1);
    // P = (½, ½), Q = (1, 0), M = (¾, ¼):
    // KL(P‖M) = ½·log2(⅔) + ½·log2(2) = 0.2075187…, KL(Q‖M) = log2(4/3) = 0.4150375…; JS = their mean.
    close(jensenShannonDivergence([5, 5], [8, 0]), (0.5 * Math.log2(2 / 3) + 0.5 + Math.log2(4 / 3)) / 2);
    close(jensenShannonDivergence([5, 5], [8, 0]), 0.31127812445913283);
    // Symmetric, unlike KL.
    close(jensenShannonDivergence([1, 2, 7], [4, 4, 2]), jensenShannonDivergence([4, 4, 2], [1, 2, 7]));
  });

  it('L-infinity distance of categorical distributions, missing categories counting as 0', () => {
    // (.5, .3, .2, 0) vs (.2, .3, .4, .1): differences .3, 0, .2, .1.
    close(lInfinityDistance({ a: 5, b: 3, c: 2 }, { a: 2, b: 3, c: 4, d: 1 }), 0.3);
    close(lInfinityDistance({ x: 1 }, { y: 7 }), 1);
    close(categoricalJensenShannon({ x: 1 }, { y: 1 }), 1);
  });

  it('buckets on the baseline, keeping out-of-range values in open-ended buckets', () => {
    const edges = histogramEdges([0, 10], 2);
    assert.deepEqual(edges, [0, 5, 10]);
    assert.deepEqual(histogram([-1, 0, 4.9, 5, 10, 11, 12], edges), [1, 2, 2, 2]);
  });

  it('flags only the drifted feature against its threshold', () => {
    const fields = [{ name: 'age', dataType: 'float' }, { name: 'plan', dataType: 'categorical' }];
    const baseline = { age: [20, 30, 40, 50], plan: ['a', 'a', 'b', 'b'] };
    const target = { age: [20, 30, 40, 50], plan: ['a', 'b', 'b', 'b'] };
    const drift = computeDrift(fields, baseline, target, { defaultCategoricalAlertCondition: { threshold: 0.2 }, defaultNumericAlertCondition: { threshold: 0.1 } });
    assert.deepEqual(drift.map((d) => [d.feature, d.algorithm, d.score, d.anomaly]), [
      ['age', 'jensen_shannon_divergence', 0, false],
      ['plan', 'l_infinity', 0.25, true],
    ]);
  });
});
