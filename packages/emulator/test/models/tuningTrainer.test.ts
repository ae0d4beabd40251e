import * as assert from 'node:assert/strict';
import { promptSequence, type Conversation } from '../../src/models/chatFormat';
import { generate } from '../../src/models/decoder';
import { ModelRegistry } from '../../src/models/modelRegistry';
import { tokenize } from '../../src/models/tokenizer';
import { parseTuningJsonl, supervisedTuningDataStats } from '../../src/models/tuningData';
import { crossEntropy, tuneLanguageModel } from '../../src/models/tuningTrainer';

const PRODUCTS = ['Zephyr router', 'Nimbus camera', 'Quasar speaker', 'Aurora lamp', 'Comet charger', 'Orbit watch', 'Pulsar earbuds', 'Vortex fan', 'Halo doorbell', 'Ember heater', 'Tidal kettle', 'Cirrus drone'];
const examples: Conversation[] = PRODUCTS.map((product, i) => ({
  turns: [
    { role: 'user', text: `How do I reset the ${product}?` },
    { role: 'model', text: `Hold the reset button of the ${product} for ${i + 5} seconds until the light blinks green, then pair it again in the Northwind app.` },
  ],
}));
const jsonl = (items: unknown[]) => items.map((e) => JSON.stringify(e)).join('\n');
const asJson = (c: Conversation) => ({ contents: c.turns.map((t) => ({ role: t.role, parts: [{ text: t.text }] })) });

/** Share of the answer's tokens that occur in the reference. */
function overlap(answer: string, reference: string): number {
  const ref = new Set(tokenize(reference.toLowerCase()));
  const tokens = tokenize(answer.toLowerCase());
  return tokens.filter((t) => ref.has(t)).length / Math.max(1, tokens.length);
}

describe('emulator models: supervised tuning', () => {
  const base = new ModelRegistry().baseModel('gemini-2.0-flash-001')!;

  it('reads Gemini tuning JSONL and names the lines at fault', () => {
    assert.equal(parseTuningJsonl(jsonl(examples.map(asJson)), 'gs://b/t.jsonl').length, 12);
    const lines = examples.map(asJson).map((e) => JSON.stringify(e));
    lines[2] = lines[2].slice(0, 40);
    lines[6] = JSON.stringify({ contents: [{ role: 'model', parts: [{ text: 'hi' }] }] });
    assert.throws(() => parseTuningJsonl(lines.join('\n'), 'gs://b/t.jsonl'), (err: Error) => {
      assert.match(err.message, /^Dataset validation failed: gs:\/\/b\/t\.jsonl line 3: not valid JSON .*; line 7: a "user" turn must follow a "model" turn\.$/);
      return true;
    });
    assert.throws(() => parseTuningJsonl(jsonl(examples.slice(0, 3).map(asJson)), 'gs://b/t.jsonl'), /has 3 example\(s\); supervised tuning needs at least 10/);
  });

  it('computes the dataset statistics from the data', () => {
    const stats = supervisedTuningDataStats(examples, 3) as Record<string, Record<string, unknown> & string>;
    assert.equal(stats.tuningDatasetExampleCount, '12');
    const input = examples.reduce((n, e) => n + tokenize(e.turns[0].text).length, 0);
    const output = examples.reduce((n, e) => n + tokenize(e.turns[1].text).length, 0);
    assert.equal(stats.totalBillableTokenCount, String(input + output));
    assert.equal(stats.userInputTokenDistribution.sum, String(input));
    assert.equal(stats.userOutputTokenDistribution.max, Math.max(...examples.map((e) => tokenize(e.turns[1].text).length)));
  });

  it('lowers the loss every epoch and makes the model answer like the data', () => {
    const tuned = tuneLanguageModel(base, examples, examples.slice(0, 2), { epochs: 4, learningRateMultiplier: 1 });
    const losses = tuned.losses.map((l) => l.trainingLoss);
    assert.deepEqual(tuned.losses.map((l) => l.epoch), [0, 1, 2, 3, 4], 'measured before training, then after each epoch');
    assert.equal(losses[0], crossEntropy(base, examples), 'epoch 0 is the base model');
    losses.slice(1).forEach((loss, i) => assert.ok(loss < losses[i], `epoch ${i + 1} loss ${loss} < ${losses[i]}`));
    assert.ok(tuned.losses.every((l) => l.validationLoss !== undefined));

    const question = examples[3].turns[0].text;
    const reference = examples[3].turns[1].text;
    const answer = (model: typeof base) =>
      generate(model, promptSequence({ turns: [{ role: 'user', text: question }] }), tokenize(question), { temperature: 0, topP: 1, topK: 40, maxOutputTokens: 60, stopSequences: [], seed: 1 }).text;
    const before = overlap(answer(base), reference);
    const after = overlap(answer(tuned.model), reference);
    assert.ok(after > 0.8 && after > before + 0.3, `overlap with the training answer: base ${before.toFixed(2)}, tuned ${after.toFixed(2)}`);
  });

  it('learns more with more epochs × learning-rate multiplier', () => {
    const weak = tuneLanguageModel(base, examples, undefined, { epochs: 1, learningRateMultiplier: 0.2 });
    const strong = tuneLanguageModel(base, examples, undefined, { epochs: 4, learningRateMultiplier: 2 });
    assert.ok(strong.losses[4].trainingLoss < weak.losses[1].trainingLoss);
  });
});
