import * as assert from 'node:assert/strict';
import { BOS, EOS, NgramModel } from '../../src/models/ngramModel';

const sum = (p: Float64Array) => p.reduce((a, b) => a + b, 0);

describe('emulator models: n-gram model (interpolated Witten-Bell)', () => {
  // Vocabulary: <s> </s> <turn> a b c → 6 types.
  const model = new NgramModel(2);
  model.train([BOS, 'a', 'b', 'a', 'c', EOS]);

  it('computes Witten-Bell probabilities by hand', () => {
    const V = model.vocabularySize;
    assert.equal(V, 6);
    // Unigrams: 5 tokens, 4 types (a a b c </s>): P1(w) = (c(w) + 4/6) / (5 + 4).
    const p1 = (c: number) => (c + 4 / V) / 9;
    // After "a": followers b, c once each: T=2, c(a)=2: P(w|a) = (c(a,w) + 2·P1(w)) / 4.
    const a = model.idOf('a');
    const b = model.idOf('b');
    assert.ok(Math.abs(model.probability([a], b) - (1 + 2 * p1(1)) / 4) < 1e-12);
    assert.ok(Math.abs(model.probability([a], a) - (0 + 2 * p1(2)) / 4) < 1e-12);
    // A context never seen (nothing follows </s>) backs off to the unigram level.
    assert.ok(Math.abs(model.probability([model.idOf(EOS)], a) - p1(2)) < 1e-12);
  });

  it('gives a proper distribution that matches probability()', () => {
    for (const history of [[], [model.idOf('a')], [model.idOf(BOS)], [-1]]) {
      const p = model.distribution(history);
      assert.ok(Math.abs(sum(p) - 1) < 1e-12, `sums to 1 after ${history.join(' ')}`);
      p.forEach((v, w) => assert.ok(Math.abs(v - model.probability(history, w)) < 1e-12));
    }
  });

  it('weights counts, and a clone trains without touching the original', () => {
    const copy = model.clone();
    const before = model.probability([model.idOf('a')], model.idOf('c'));
    copy.train([BOS, 'a', 'c', EOS], 5);
    assert.equal(model.probability([model.idOf('a')], model.idOf('c')), before);
    const after = copy.probability([copy.idOf('a')], copy.idOf('c'));
    // Unigrams now a:7 b:1 c:6 </s>:6 (N=20, T=4); after "a": b:1 c:6 (c=7, T=2).
    const p1c = (6 + 4 / 6) / 24;
    assert.ok(Math.abs(after - (6 + 2 * p1c) / 9) < 1e-12, `P(c|a) after weighting: ${after}`);
    assert.ok(after > before);
  });
});
