import * as assert from 'node:assert/strict';
import { generateFraudRows } from '../../src/models/fraudData';
import { parseFraudInstance } from '../../src/models/fraudInstance';
import { FraudClassifier } from '../../src/models/logisticRegression';

describe('emulator models: fraud table and logistic regression', () => {
  const rows = generateFraudRows(3000, 11);
  const classifier = FraudClassifier.train(rows);

  it('generates the same table for the same seed', () => {
    assert.deepEqual(generateFraudRows(50, 3), generateFraudRows(50, 3));
    assert.notDeepEqual(generateFraudRows(50, 3), generateFraudRows(50, 4));
    const rate = rows.filter((r) => r.is_fraud).length / rows.length;
    assert.ok(rate > 0.02 && rate < 0.15, `fraud rate ${rate}`);
  });

  it('learns: the loss falls and held-out fraud ranks above legitimate transactions', () => {
    const losses = classifier.trainingLoss;
    assert.ok(losses[losses.length - 1] < losses[0]);
    const test = generateFraudRows(2000, 12).map((r) => ({ p: classifier.probability(r), y: r.is_fraud }));
    const fraud = test.filter((t) => t.y);
    const legit = test.filter((t) => !t.y);
    let wins = 0;
    for (const f of fraud) for (const l of legit) wins += f.p > l.p ? 1 : f.p === l.p ? 0.5 : 0;
    const auc = wins / (fraud.length * legit.length);
    assert.ok(auc > 0.7, `AUC ${auc}`);
  });

  it('explains exactly: attributions add up to logit(instance) − logit(baseline)', () => {
    for (const row of rows.slice(0, 20)) {
      const e = classifier.explain(row);
      const total = Object.values(e.attributions).reduce((a, b) => a + b, 0);
      assert.ok(Math.abs(total - (e.instanceLogit - e.baselineLogit)) < 1e-9);
      assert.ok(Math.abs(1 / (1 + Math.exp(-e.instanceLogit)) - classifier.probability(row)) < 1e-12);
    }
    assert.ok(Object.values(classifier.explain(classifier.baseline).attributions).every((a) => a === 0));
  });

  it('reads instances and names each bad field', () => {
    assert.deepEqual(parseFraudInstance({ amount: '12.5', hour_of_day: 3, distance_from_home_km: 1, merchant_category: 'gas_station', card_present: 'true' }, 0).features, {
      amount: 12.5, hour_of_day: 3, distance_from_home_km: 1, merchant_category: 'gas_station', card_present: true,
    });
    const bad = parseFraudInstance({ amount: 'lots', hour_of_day: 3, merchant_category: 7, card_present: 'maybe' }, 2);
    assert.equal(bad.features, undefined);
    assert.deepEqual(bad.violations.map((v) => v.field), ['instances[2].amount', 'instances[2].distance_from_home_km', 'instances[2].merchant_category', 'instances[2].card_present']);
    assert.match(bad.violations[1].description, /missing the required feature "distance_from_home_km"/);
  });
});
