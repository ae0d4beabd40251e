import * as assert from 'node:assert/strict';
import { countTokens, detokenize, tokenPieces, tokenize } from '../../src/models/tokenizer';

describe('emulator models: tokenizer', () => {
  it('splits words, numbers, punctuation and line breaks', () => {
    assert.deepEqual(tokenize("The Wolf's right to eat him: 3.5 kg, won't it?\nYes!"), [
      'The', "Wolf's", 'right', 'to', 'eat', 'him', ':', '3.5', 'kg', ',', "won't", 'it', '?', '\n', 'Yes', '!',
    ]);
    assert.deepEqual(tokenize('Apple-Tree--they'), ['Apple-Tree', '-', '-', 'they']);
    assert.equal(countTokens('  '), 0);
  });

  it('tells opening from closing double quotes by what precedes them', () => {
    assert.deepEqual(tokenize('He said: "No," and left.'), ['He', 'said', ':', '``', 'No', ',', "''", 'and', 'left', '.']);
  });

  it('puts the text back together', () => {
    for (const text of [
      'He said: "No, good sir," replied the Lamb, "I have not yet tasted grass."',
      'Open Settings (the gear icon) and choose Reset; it takes 2.5 minutes.',
      'Look too, at my feathers--they are not the least like those of a Crane.\nBirds of a feather flock together.',
    ]) {
      assert.equal(detokenize(tokenize(text)), text);
    }
  });

  it('streams: the pieces of a prefix are a prefix of the pieces', () => {
    const tokens = tokenize('"Why," said he, "do you (really) stand there?"');
    const whole = tokenPieces(tokens);
    for (let n = 0; n <= tokens.length; n++) assert.deepEqual(tokenPieces(tokens.slice(0, n)), whole.slice(0, n));
    assert.equal(whole.join(''), detokenize(tokens));
  });
});
