import * as assert from 'node:assert/strict';
import { lintTuningText } from '../../../src/features/tuning/lint/lintTuning';
import { at, describeDiagnostic, example, good, model, user, wholeLine } from './corpusHelpers';

// Each case is a malformed file: a good example on line 1, then the bad line(s), so every
// expectation checks the line number as well as the columns.
interface Case {
  readonly name: string;
  readonly bad: string | readonly string[];
  /** The expected diagnostics, built from the file's text. */
  readonly expect: (text: string) => string[];
  readonly message?: RegExp;
  readonly maxTokensPerExample?: number;
}

const j = (v: unknown) => JSON.stringify(v);
const part = (p: unknown) => example({ role: 'user', parts: [p] }, model('ok'));
const C: Case[] = [
  // Invalid JSON, located where it breaks.
  { name: 'unquoted key', bad: '{contents: []}', expect: (t) => [at(t, 2, 'contents', 'error', 'invalid-json')] },
  { name: 'single-quoted key', bad: "{'contents': []}", expect: (t) => [at(t, 2, "'contents'", 'error', 'invalid-json')] },
  { name: 'missing comma between properties', bad: '{"contents": [] "tools": []}', expect: (t) => [at(t, 2, '"tools"', 'error', 'invalid-json')], message: /expected ","/ },
  { name: 'missing colon', bad: '{"contents" []}', expect: (t) => [at(t, 2, '[', 'error', 'invalid-json')], message: /expected ":"/ },
  { name: 'unclosed object', bad: '{"contents": []', expect: (t) => [at(t, 2, ']', 'error', 'invalid-json')], message: /expected "}"/ },
  { name: 'two values on one line', bad: '{"contents":[]}{"contents":[]}', expect: (t) => [at(t, 2, '{', 'error', 'invalid-json', 1)], message: /one JSON value per line/ },
  { name: 'unterminated string', bad: '{"contents": "abc', expect: (t) => [at(t, 2, '"abc', 'error', 'invalid-json')], message: /unterminated string/ },
  { name: 'comment after the value', bad: '{"contents": []} // note', expect: (t) => [at(t, 2, '// note', 'error', 'invalid-json')], message: /comments/ },
  { name: 'raw tab inside a string', bad: '{"contents": [{"role": "user", "parts": [{"text": "a\tb"}]}]}', expect: (t) => [at(t, 2, '\t', 'error', 'invalid-json')], message: /control character/ },
  { name: 'bad escape', bad: '{"contents": [{"role": "user", "parts": [{"text": "a\\qb"}]}]}', expect: (t) => [at(t, 2, '\\q', 'error', 'invalid-json')], message: /escape/ },
  {
    name: 'trailing comma in an object',
    bad: '{"contents": [{"role": "user", "parts": [{"text": "a"}],}]}',
    expect: (t) => [at(t, 2, ',', 'error', 'trailing-comma', 1)],
  },
  { name: 'trailing comma in an array', bad: '{"contents": [1, 2,]}', expect: (t) => [at(t, 2, ',', 'error', 'trailing-comma', 1)] },
  // Not an example at all.
  { name: 'an array line', bad: '[1, 2]', expect: (t) => [wholeLine(t, 2, 'error', 'not-object')], message: /this line is an array/ },
  { name: 'a string line', bad: '"hello"', expect: (t) => [wholeLine(t, 2, 'error', 'not-object')], message: /a string/ },
  { name: 'no contents', bad: j({ prompt: 'a', completion: 'b' }), expect: (t) => [wholeLine(t, 2, 'error', 'missing-contents')] },
  { name: 'contents is an object', bad: j({ contents: { role: 'user' } }), expect: (t) => [at(t, 2, '{"role":"user"}', 'error', 'schema')] },
  { name: 'contents is empty', bad: j({ contents: [] }), expect: (t) => [at(t, 2, '[]', 'error', 'schema')], message: /empty/ },
  { name: 'a turn is a string', bad: j({ contents: ['hi', model('a')] }), expect: (t) => [at(t, 2, '"hi"', 'error', 'schema')] },
  // Roles.
  { name: 'role assistant', bad: example(user('q'), { role: 'assistant', parts: [{ text: 'a' }] }), expect: (t) => [at(t, 2, '"assistant"', 'error', 'role')], message: /use "model"/ },
  { name: 'role bot', bad: example(user('q'), { role: 'bot', parts: [{ text: 'a' }] }), expect: (t) => [at(t, 2, '"bot"', 'error', 'role')] },
  { name: 'role User capitalised', bad: example({ role: 'User', parts: [{ text: 'q' }] }, model('a')), expect: (t) => [at(t, 2, '"User"', 'error', 'role')], message: /use "user"/ },
  { name: 'role human', bad: example({ role: 'human', parts: [{ text: 'q' }] }, model('a')), expect: (t) => [at(t, 2, '"human"', 'error', 'role')] },
  { name: 'role system first', bad: example({ role: 'system', parts: [{ text: 's' }] }, user('q'), model('a')), expect: (t) => [at(t, 2, '"system"', 'error', 'role')], message: /systemInstruction/ },
  { name: 'role system in the middle', bad: example(user('q'), { role: 'system', parts: [{ text: 's' }] }, model('a')), expect: (t) => [at(t, 2, '"system"', 'error', 'role')] },
  { name: 'role missing', bad: example({ parts: [{ text: 'q' }] }, model('a')), expect: (t) => [at(t, 2, '{"parts":[{"text":"q"}]}', 'error', 'role')] },
  { name: 'role narrator', bad: example(user('q'), { role: 'narrator', parts: [{ text: 'a' }] }), expect: (t) => [at(t, 2, '"narrator"', 'error', 'role')] },
  { name: 'role is a number', bad: example(user('q'), { role: 1, parts: [{ text: 'a' }] }), expect: (t) => [at(t, 2, '1', 'error', 'role')] },
  // Turn order.
  { name: 'starts with model', bad: example(model('a'), user('q'), model('b')), expect: (t) => [at(t, 2, '"model"', 'error', 'turn-order')], message: /first turn must be "user"/ },
  { name: 'two user turns in a row', bad: example(user('q'), user('r'), model('a')), expect: (t) => [at(t, 2, '"user"', 'error', 'turn-order', 1)], message: /contents\[0\] and contents\[1\]/ },
  { name: 'ends with user', bad: example(user('q'), model('a'), user('r')), expect: (t) => [at(t, 2, '"user"', 'error', 'turn-order', 1)], message: /last turn/ },
  { name: 'a lone user turn', bad: example(user('q')), expect: (t) => [at(t, 2, '"user"', 'error', 'turn-order')] },
  // Parts.
  { name: 'parts missing', bad: example({ role: 'user' }, model('a')), expect: (t) => [at(t, 2, '{"role":"user"}', 'error', 'part')] },
  { name: 'parts empty', bad: example({ role: 'user', parts: [] }, model('a')), expect: (t) => [at(t, 2, '[]', 'error', 'part')] },
  { name: 'parts is a string', bad: example({ role: 'user', parts: 'hello' }, model('a')), expect: (t) => [at(t, 2, '"hello"', 'error', 'part')] },
  { name: 'a part is a string', bad: part('hello'), expect: (t) => [at(t, 2, '"hello"', 'error', 'part')] },
  { name: 'a part with no data', bad: part({}), expect: (t) => [at(t, 2, '{}', 'error', 'part')] },
  { name: 'text and fileData in one part', bad: part({ text: 'x', fileData: { mimeType: 'image/png', fileUri: 'gs://b/o.png' } }), expect: (t) => [at(t, 2, '"fileData"', 'error', 'part')], message: /exactly one/ },
  { name: 'text is a number', bad: part({ text: 42 }), expect: (t) => [at(t, 2, '42', 'error', 'schema')] },
  { name: 'empty text', bad: part({ text: '' }), expect: (t) => [at(t, 2, '""', 'error', 'empty-text')] },
  { name: 'whitespace text', bad: example(user('q'), model('   ')), expect: (t) => [at(t, 2, '"   "', 'error', 'empty-text')] },
  { name: 'inlineData without data', bad: part({ inlineData: { mimeType: 'image/png' } }), expect: (t) => [at(t, 2, '{"mimeType":"image/png"}', 'error', 'part')], message: /"data"/ },
  { name: 'inlineData not base64', bad: part({ inlineData: { mimeType: 'image/png', data: '@@@' } }), expect: (t) => [at(t, 2, '"@@@"', 'error', 'part')], message: /base64/ },
  { name: 'fileData over https', bad: part({ fileData: { mimeType: 'image/png', fileUri: 'https://x.test/y.png' } }), expect: (t) => [at(t, 2, '"https://x.test/y.png"', 'error', 'part')], message: /gs:\/\// },
  { name: 'fileData without mimeType', bad: part({ fileData: { fileUri: 'gs://b/o.png' } }), expect: (t) => [at(t, 2, '{"fileUri":"gs://b/o.png"}', 'error', 'part')], message: /"mimeType"/ },
  // Unknown keys.
  { name: 'unknown top-level key', bad: j({ contents: [user('q'), model('a')], metadata: {} }), expect: (t) => [at(t, 2, '"metadata"', 'warning', 'unknown-key')] },
  { name: 'unknown key in a turn', bad: example({ role: 'user', name: 'ann', parts: [{ text: 'q' }] }, model('a')), expect: (t) => [at(t, 2, '"name"', 'warning', 'unknown-key')] },
  { name: 'unknown key in a part', bad: part({ type: 'text', text: 'q' }), expect: (t) => [at(t, 2, '"type"', 'warning', 'unknown-key')] },
  // systemInstruction.
  { name: 'systemInstruction is a string', bad: j({ systemInstruction: 'be brief', contents: [user('q'), model('a')] }), expect: (t) => [at(t, 2, '"be brief"', 'error', 'schema')] },
  {
    name: 'systemInstruction with a file',
    bad: j({ systemInstruction: { parts: [{ fileData: { mimeType: 'image/png', fileUri: 'gs://b/o' } }] }, contents: [user('q'), model('a')] }),
    expect: (t) => [at(t, 2, '"fileData"', 'error', 'part')],
    message: /text only/,
  },
  { name: 'systemInstruction with empty text', bad: j({ systemInstruction: { parts: [{ text: '' }] }, contents: [user('q'), model('a')] }), expect: (t) => [at(t, 2, '""', 'error', 'empty-text')] },
  // Across lines.
  { name: 'duplicate example', bad: [good(2), good(1)], expect: (t) => [wholeLine(t, 3, 'warning', 'duplicate')], message: /line 1\./ },
  { name: 'over the token limit', bad: example(user('x'.repeat(40)), model('y'.repeat(8))), maxTokensPerExample: 10, expect: (t) => [wholeLine(t, 2, 'error', 'too-many-tokens')], message: /About 12 tokens: over the limit of 10/ },
  { name: 'a chat line among Gemini lines', bad: [good(2), j({ messages: [{ role: 'user', content: 'q' }, { role: 'assistant', content: 'a' }] })], expect: (t) => [wholeLine(t, 3, 'error', 'mixed-formats')], message: /mostly Gemini "contents" \(2 of 3 examples\)/ },
  { name: 'an input_text line among Gemini lines', bad: [good(2), j({ input_text: 'q', output_text: 'a' })], expect: (t) => [wholeLine(t, 3, 'error', 'mixed-formats')], message: /"input_text"\/"output_text" format/ },
  { name: 'whitespace-only line', bad: '   ', expect: (t) => [wholeLine(t, 2, 'info', 'blank-line')] },
  {
    name: 'columns count UTF-16 like the editor',
    bad: example(user('é😀 naïve'), { role: 'assistant', parts: [{ text: '日本' }] }),
    expect: (t) => [at(t, 2, '"assistant"', 'error', 'role')],
  },
  {
    name: 'two problems on one line, in line order',
    bad: example(user(''), { role: 'assistant', parts: [{ text: 'a' }] }),
    expect: (t) => [at(t, 2, '""', 'error', 'empty-text'), at(t, 2, '"assistant"', 'error', 'role')],
  },
];

describe('tuning lint: malformed files', () => {
  it('has a corpus of at least 40 malformed files', () => assert.ok(C.length >= 40, `${C.length} cases`));
  for (const c of C) {
    it(c.name, () => {
      const text = [good(1), ...(typeof c.bad === 'string' ? [c.bad] : c.bad)].join('\n') + '\n';
      const { diagnostics } = lintTuningText(text, { maxTokensPerExample: c.maxTokensPerExample });
      assert.deepEqual(diagnostics.map(describeDiagnostic), c.expect(text));
      if (c.message) assert.match(diagnostics[0].message, c.message);
    });
  }
});
