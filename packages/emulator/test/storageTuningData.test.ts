import * as assert from 'node:assert/strict';
import { CRC32C } from '@google-cloud/storage';
import { createState } from '../src/server';
import { crc32c } from '../src/storage/crc32c';
import { readGcsText } from '../src/storage/readGcsText';

interface Example {
  contents: { role: string; parts: { text: string }[] }[];
}

describe('emulator storage: seeded tuning data', () => {
  const state = createState({ seed: 'demo' });

  const examples = (uri: string): Example[] => {
    const text = readGcsText(state, uri);
    assert.ok(text, `${uri} is seeded`);
    return text.trim().split('\n').map((line) => JSON.parse(line) as Example);
  };

  it('holds Gemini supervised-tuning JSONL for support-chat: alternating user/model turns with text', () => {
    const train = examples('gs://genai-demo-tuning/support-chat/train.jsonl');
    const validation = examples('gs://genai-demo-tuning/support-chat/validation.jsonl');
    assert.ok(train.length >= 20, `train has ${train.length} examples`);
    assert.ok(validation.length >= 3, `validation has ${validation.length} examples`);
    for (const example of [...train, ...validation]) {
      assert.ok(example.contents.length >= 2 && example.contents.length % 2 === 0);
      example.contents.forEach((turn, i) => {
        assert.equal(turn.role, i % 2 === 0 ? 'user' : 'model');
        assert.ok(turn.parts[0].text.length > 10);
      });
    }
    const trainPrompts = new Set(train.map((e) => e.contents[0].parts[0].text));
    assert.ok(validation.every((e) => !trainPrompts.has(e.contents[0].parts[0].text)), 'validation is held out');
  });

  it('has a dataset with exactly one malformed line', () => {
    const lines = readGcsText(state, 'gs://genai-demo-tuning/bad/train.jsonl')!.trim().split('\n');
    const broken = lines.map((line, i) => ({ line, i })).filter(({ line }) => {
      try {
        JSON.parse(line);
        return false;
      } catch {
        return true;
      }
    });
    assert.deepEqual(broken.map((b) => b.i + 1), [3]);
  });

  it('answers undefined for absent objects, buckets and malformed URIs', () => {
    assert.equal(readGcsText(state, 'gs://genai-demo-tuning/support-chat/missing.jsonl'), undefined);
    assert.equal(readGcsText(state, 'gs://no-such-bucket/support-chat/train.jsonl'), undefined);
    assert.equal(readGcsText(state, 'https://storage.googleapis.com/genai-demo-tuning/support-chat/train.jsonl'), undefined);
    assert.equal(readGcsText(createState({ seed: 'empty' }), 'gs://genai-demo-tuning/support-chat/train.jsonl'), undefined);
  });

  it('computes crc32c exactly like the Storage client', () => {
    for (const text of ['', 'data', 'some text\n', 'x'.repeat(100_000)]) {
      const reference = new CRC32C();
      reference.update(Buffer.from(text));
      assert.equal(crc32c(Buffer.from(text)), reference.toString(), JSON.stringify(text.slice(0, 10)));
    }
  });
});
