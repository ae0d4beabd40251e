import * as assert from 'node:assert/strict';
import { lintTuningText } from '../../../src/features/tuning/lint/lintTuning';
import { example, model, user } from './corpusHelpers';

const PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

// Lines in the documented format that must raise nothing.
const VALID = [
  example(user('What is the capital of France?'), model('Paris.')),
  example(user('Hi'), model('Hello!'), user('How are you?'), model('Fine, thanks.')),
  JSON.stringify({ systemInstruction: { role: 'system', parts: [{ text: 'Answer briefly.' }] }, contents: [user('2+2?'), model('4')] }),
  JSON.stringify({ systemInstruction: { parts: [{ text: 'A' }, { text: 'B' }] }, contents: [user('q'), model('a')] }),
  example({ role: 'user', parts: [{ text: 'Describe this image.' }, { inlineData: { mimeType: 'image/png', data: PNG_BASE64 } }] }, model('A dot.')),
  example({ role: 'user', parts: [{ fileData: { mimeType: 'application/pdf', fileUri: 'gs://my-bucket/docs/a.pdf' } }, { text: 'Summarise.' }] }, model('It says hi.')),
  JSON.stringify({
    contents: [user('Weather in Paris?'), { role: 'model', parts: [{ functionCall: { name: 'weather', args: { city: 'Paris' } } }] }, { role: 'user', parts: [{ functionResponse: { name: 'weather', response: { t: 20 } } }] }, model('20 °C.')],
    tools: [{ functionDeclarations: [{ name: 'weather' }] }],
  }),
  example(user('日本語で答えて 😀'), model('はい、どうぞ。')),
  '  {"contents": [ {"role": "user", "parts": [{"text": "spaced"}]}, {"role": "model", "parts": [{"text": "out"}]} ]}  ',
];

describe('tuning lint: valid files', () => {
  it('raises nothing on documented examples, LF or CRLF, with blank lines and a final newline', () => {
    for (const eol of ['\n', '\r\n']) {
      const text = [VALID[0], '', ...VALID.slice(1), ''].join(eol);
      const { diagnostics, summary } = lintTuningText(text);
      assert.deepEqual(diagnostics, [], `${JSON.stringify(eol)}: ${JSON.stringify(diagnostics[0])}`);
      assert.equal(summary.examples, VALID.length);
      assert.equal(summary.errors, 0);
      assert.equal(summary.format, 'gemini');
    }
  });

  it('raises nothing on an empty file', () => {
    assert.deepEqual(lintTuningText('').diagnostics, []);
    assert.equal(lintTuningText('\n\n').summary.examples, 0);
  });
});
