import * as assert from 'node:assert/strict';
import { backingOf } from '../../src/models/modelBacking';
import { trainingCurve } from '../../src/models/trainingCurve';
import { createState } from '../../src/server';
import { DEMO_IDS, US } from '../../src/seeds/demoIds';

describe('emulator models: training curves and what backs the demo models', () => {
  const state = createState({ seed: 'demo' });
  const job = `${US}/tuningJobs/${DEMO_IDS.tuningJobs.supportBotV2Succeeded}`;

  it('re-derives a seeded tuning job’s per-epoch losses from its data', () => {
    const curve = trainingCurve(state, job);
    assert.deepEqual(curve?.map((p) => p.epoch), [0, 1, 2, 3], 'the base model, then one point per epoch of the job');
    curve?.slice(1).forEach((point, i) => assert.ok(point.trainingLoss < curve[i].trainingLoss));
    assert.ok(curve?.slice(1).every((p) => p.validationLoss !== undefined && p.validationLoss > p.trainingLoss), 'after tuning, held-out conversations are harder');
    assert.deepEqual(trainingCurve(state, `${US}/models/${DEMO_IDS.models.supportBot}@2`), curve);
  });

  it('has no curve for a job that did not train', () => {
    assert.equal(trainingCurve(state, `${US}/tuningJobs/${DEMO_IDS.tuningJobs.summarizerFailed}`), undefined);
    assert.equal(trainingCurve(state, `${US}/tuningJobs/404`), undefined);
  });

  it('backs Gemini tunings and vLLM models with language models, other containers with the classifier', () => {
    const version = (key: keyof typeof DEMO_IDS.models, v: string) => state.store.get(`${US}/models/${DEMO_IDS.models[key]}@${v}`)!.data;
    assert.equal(backingOf(state, version('supportBot', '3')).kind, 'language');
    assert.equal(backingOf(state, version('gemmaLora', '1')).kind, 'language');
    assert.equal(backingOf(state, version('churnClassifier', '1')).kind, 'tabular');
    const v1 = backingOf(state, version('churnClassifier', '1'));
    const v2 = backingOf(state, version('churnClassifier', '2'));
    assert.ok(v1.kind === 'tabular' && v2.kind === 'tabular' && v1.classifier.weights.join() !== v2.classifier.weights.join(), 'versions are trained apart');
  });
});
