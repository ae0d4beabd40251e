// Traffic arithmetic a user relies on: splits always add up to 100, the rest keeps its
// proportions, typed splits are refused with a reason, rollback goes to the previous one.
import * as assert from 'node:assert/strict';
import { apportion, deploymentsOf, formatSplit, parseSplit, rollbackPlan, splitForNew, splitWith, splitWithout } from '../../../src/features/deploy/trafficMath';

const endpoint = {
  deployedModels: [
    { id: '30', displayName: 'bot-v3', model: 'projects/p/locations/l/models/m', modelVersionId: '3', createTime: '2026-11-20T00:00:00Z' },
    { id: '20', displayName: 'bot-v2', model: 'projects/p/locations/l/models/m', modelVersionId: '2', createTime: { seconds: '1760000000', nanos: 0 } },
    { id: '10', displayName: 'bot-v1', model: 'projects/p/locations/l/models/m', modelVersionId: '1', createTime: '2025-01-01T00:00:00Z' },
  ],
  trafficSplit: { '10': 0, '20': 90, '30': 10 },
};

describe('traffic math', () => {
  const deployments = deploymentsOf(endpoint);

  it('orders deployments oldest first and reads their share', () => {
    assert.deepEqual(deployments.map((d) => [d.label, d.percent, d.version.split('@')[1]]), [['bot-v1', 0, '1'], ['bot-v2', 90, '2'], ['bot-v3', 10, '3']]);
  });

  it('apportions integers that add up exactly, largest remainders first', () => {
    assert.deepEqual(apportion({ a: 1, b: 1, c: 1 }, 100), { a: 34, b: 33, c: 33 });
    assert.deepEqual(apportion({ a: 90, b: 10 }, 75), { a: 68, b: 7 });
    for (const total of [0, 1, 7, 99, 100]) {
      const parts = apportion({ a: 3, b: 5, c: 11, d: 0 }, total);
      assert.equal(Object.values(parts).reduce((x, y) => x + y, 0), total);
    }
  });

  it('gives a new deployment its share and rescales the rest', () => {
    assert.deepEqual(splitForNew({ '20': 90, '30': 10 }, 25), { '20': 68, '30': 7, '0': 25 });
    assert.deepEqual(splitForNew({}, 40), { '0': 100 }, 'the only deployment takes all traffic');
  });

  it('canary: N% to one deployment, the others keep their proportions', () => {
    assert.deepEqual(splitWith(deployments, '30', 20), { '10': 0, '20': 80, '30': 20 });
  });

  it('undeploying spreads the removed share over the others', () => {
    assert.deepEqual(splitWithout(deployments, '20'), { '10': 0, '30': 100 });
  });

  it('parses a typed split and says exactly what is wrong', () => {
    assert.deepEqual(parseSplit('bot-v2=80, bot-v3=20', deployments), { '10': 0, '20': 80, '30': 20 });
    assert.equal(parseSplit('bot-v2=80, bot-v3=10', deployments), 'The split adds up to 90%; it must add up to 100%.');
    assert.match(String(parseSplit('bot-v9=100', deployments)), /"bot-v9" is not deployed here; use one of bot-v1, bot-v2, bot-v3/);
    assert.match(String(parseSplit('bot-v2=50.5, bot-v3=49.5', deployments)), /not a whole percentage/);
    assert.equal(formatSplit({ '10': 0, '20': 90, '30': 10 }, deployments), 'bot-v1=0, bot-v2=90, bot-v3=10');
  });

  it('plans a rollback to the deployment made before the newest', () => {
    const plan = rollbackPlan(deployments);
    assert.ok(typeof plan !== 'string');
    assert.equal(plan.from.label, 'bot-v3');
    assert.equal(plan.to.label, 'bot-v2');
    assert.deepEqual(plan.after, { '10': 0, '20': 100, '30': 0 });
    assert.match(String(rollbackPlan(deployments.slice(0, 1))), /nothing to roll back to/);
  });
});
