// Explain through the vertex/ layer against the emulator: exact tabular attributions and
// leave-one-out word attributions of a language model.
import * as assert from 'node:assert/strict';
import { generateFraudRows } from '@vertex-genai-ops/emulator/models/fraudData';
import { DEMO_IDS } from '@vertex-genai-ops/emulator/seeds/demoIds';
import { ClientPool } from '../../../src/vertex/clients';
import { explainInstance } from '../../../src/vertex/explain';
import { parseError } from '../../../src/vertex/parseError';
import { rejection, US_PARENT, useEmulator } from '@vertex-genai-ops/emulator/harness';

const CHURN = `${US_PARENT}/endpoints/${DEMO_IDS.endpoints.churnScoring}`;
const GEMMA = `${US_PARENT}/endpoints/${DEMO_IDS.endpoints.gemmaLoraGpu}`;
const D = DEMO_IDS.deployedModels;

describe('vertex explain (against the emulator)', function () {
  this.timeout(60_000);
  const h = useEmulator({ tokenDelayMs: 0 });
  let pool: ClientPool;
  before(() => {
    pool = new ClientPool({ backend: 'emulator', project: 'genai-demo', regions: ['us-central1'], emulatorUrl: h.emulator.url });
  });
  after(() => pool.dispose());

  it('tabular: attributions sum to the instance output minus the baseline output', async () => {
    const { transaction_id: _id, is_fraud: _label, ...instance } = generateFraudRows(5, 7)[4];
    const result = await explainInstance(pool, CHURN, instance, { deployedModelId: D.churnV1 });
    assert.equal(result.deployedModelId, D.churnV1);
    assert.deepEqual(result.features.map((f) => f.feature).sort(), ['amount', 'card_present', 'distance_from_home_km', 'hour_of_day', 'merchant_category']);
    const sum = result.features.reduce((a, f) => a + f.attribution, 0);
    assert.ok(Math.abs(sum - (result.instanceOutput - result.baselineOutput)) < 1e-9, `${sum} vs ${result.instanceOutput - result.baselineOutput}`);
    assert.equal(result.approximationError, 0);
    assert.equal(result.features.find((f) => f.feature === 'amount')?.value, instance.amount);
    // Largest magnitude first: what the bar chart shows on top.
    const magnitudes = result.features.map((f) => Math.abs(f.attribution));
    assert.deepEqual(magnitudes, [...magnitudes].sort((a, b) => b - a));
  });

  it('language model: one leave-one-out attribution per word, consistent with the model', async () => {
    const prompt = 'The fox saw the grapes hanging high above the vine';
    const result = await explainInstance(pool, GEMMA, { prompt });
    const words = prompt.split(' ');
    assert.deepEqual(result.tokens?.items.map((t) => t.token), words);
    assert.equal(result.tokens?.feature, 'prompt');
    assert.equal(result.outputName, 'answer_logprob');
    assert.ok(result.instanceOutput <= 0 && result.baselineOutput <= 0, 'log probabilities');
    // The answer explained is the model's greedy answer to the same prompt.
    assert.equal(typeof result.prediction, 'string');
    // Consistent: leaving out every word is the baseline (empty prompt); leaving out a word
    // the answer's topic depends on lowers the answer's probability.
    const items = result.tokens?.items ?? [];
    assert.ok(items.some((t) => t.attribution > 0), JSON.stringify(items));
    const sum = items.reduce((a, t) => a + t.attribution, 0);
    const gap = Math.abs(sum - (result.instanceOutput - result.baselineOutput)) / Math.abs(result.instanceOutput - result.baselineOutput);
    assert.ok(Math.abs(gap - result.approximationError) < 1e-9, 'approximation error = relative completeness gap');
    // Deterministic: the same instance explains the same way.
    const again = await explainInstance(pool, GEMMA, { prompt });
    assert.deepEqual(again.tokens, result.tokens);
  });

  it('rejects a text instance without a prompt with a precise message', async () => {
    const err = await rejection(explainInstance(pool, GEMMA, { text: 'hello' }));
    assert.match(parseError(err).message, /prompt/);
  });
});
