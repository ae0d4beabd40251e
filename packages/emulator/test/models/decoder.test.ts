import * as assert from 'node:assert/strict';
import { promptSequence } from '../../src/models/chatFormat';
import { generate, type DecodingOptions } from '../../src/models/decoder';
import { ModelRegistry } from '../../src/models/modelRegistry';
import { tokenize } from '../../src/models/tokenizer';

describe('emulator models: decoding', () => {
  const model = new ModelRegistry().baseModel('gemini-2.0-flash-001')!;
  const options: DecodingOptions = { temperature: 0, topP: 0.95, topK: 40, maxOutputTokens: 200, stopSequences: [], seed: 1 };
  const ask = (text: string, overrides: Partial<DecodingOptions> = {}) =>
    generate(model, promptSequence({ turns: [{ role: 'user', text }] }), tokenize(text), { ...options, ...overrides });

  it('is greedy and deterministic at temperature 0, whatever the seed', () => {
    const a = ask('Tell me about the fox.', { seed: 1 });
    const b = ask('Tell me about the fox.', { seed: 2 });
    assert.equal(a.text, b.text);
    assert.ok(a.text.length > 0);
  });

  it('conditions on the prompt', () => {
    assert.match(ask('Tell me about the fox.').text, /\bfox\b/i);
    assert.match(ask('Tell me about the dog.').text, /\bdog\b/i);
  });

  it('samples reproducibly from a seed, and differently from another seed', () => {
    const sampled = (seed: number) => ask('A story about a lion, please.', { temperature: 1, seed }).text;
    assert.equal(sampled(7), sampled(7));
    assert.ok(new Set([7, 8, 9, 10].map(sampled)).size > 1, 'other seeds give other answers');
  });

  it('stops at maxOutputTokens with MAX_TOKENS', () => {
    const short = ask('Tell me about the fox.', { maxOutputTokens: 5 });
    assert.equal(short.finishReason, 'MAX_TOKENS');
    assert.equal(short.pieces.length, 5);
    assert.ok(ask('Tell me about the fox.').text.startsWith(short.text));
  });

  it('stops before a stop sequence with STOP', () => {
    const full = ask('Tell me about the fox.');
    const words = full.text.split(' ');
    const stop = words[4];
    const stopped = ask('Tell me about the fox.', { stopSequences: [stop] });
    assert.equal(stopped.finishReason, 'STOP');
    assert.equal(stopped.text, full.text.slice(0, full.text.indexOf(stop)));
    assert.equal(stopped.pieces.join(''), stopped.text);
  });
});
