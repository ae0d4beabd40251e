import * as assert from 'node:assert/strict';
import { lintTuningText } from '../../../src/features/tuning/lint/lintTuning';
import type { QuickFix, TuningDiagnostic } from '../../../src/features/tuning/lint/lintTypes';
import { example, good, model, user } from './corpusHelpers';

/** Applies a fix's edits the way an editor does (from the last edit back). */
function apply(text: string, fix: QuickFix): string {
  const starts: number[] = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const offset = (p: { line: number; character: number }) => starts[p.line] + p.character;
  const edits = [...fix.edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  return edits.reduce((t, e) => t.slice(0, offset(e.range.start)) + e.newText + t.slice(offset(e.range.end)), text);
}

function fixOf(text: string, code: TuningDiagnostic['code']): { diagnostic: TuningDiagnostic; fix: QuickFix } {
  const diagnostic = lintTuningText(text).diagnostics.find((d) => d.code === code);
  assert.ok(diagnostic, `no ${code} diagnostic`);
  assert.equal(diagnostic.fixes?.length, 1, `${code} has no quick fix`);
  return { diagnostic, fix: diagnostic.fixes[0] };
}

describe('tuning lint: quick fixes', () => {
  it('renames "assistant" to "model" with one edit on the role string', () => {
    const text = `${good(1)}\n${example(user('q'), { role: 'assistant', parts: [{ text: 'a' }] })}\n`;
    const { diagnostic, fix } = fixOf(text, 'role');
    assert.equal(fix.title, 'Change the role to "model"');
    assert.deepEqual(fix.edits, [{ range: diagnostic.range, newText: '"model"' }]);
    const fixed = apply(text, fix);
    assert.equal(fixed, `${good(1)}\n${example(user('q'), model('a'))}\n`);
    assert.deepEqual(lintTuningText(fixed).diagnostics, []);
  });

  it('moves a leading "system" turn to systemInstruction', () => {
    const text = example({ role: 'system', parts: [{ text: 'Be brief.' }] }, user('q'), model('a'));
    const fixed = apply(text, fixOf(text, 'role').fix);
    assert.deepEqual(JSON.parse(fixed), { systemInstruction: { parts: [{ text: 'Be brief.' }] }, contents: [user('q'), model('a')] });
    assert.deepEqual(lintTuningText(fixed).diagnostics, []);
  });

  it('offers no fix for a "system" turn when the example already has a systemInstruction', () => {
    const text = JSON.stringify({ systemInstruction: { parts: [{ text: 's' }] }, contents: [{ role: 'system', parts: [{ text: 't' }] }, user('q'), model('a')] });
    const role = lintTuningText(text).diagnostics.find((d) => d.code === 'role');
    assert.equal(role?.fixes, undefined);
  });

  it('removes trailing commas, all of them on the line', () => {
    const text = '{"contents": [{"role": "user", "parts": [{"text": "q"},]}, {"role": "model", "parts": [{"text": "a"}]},]}';
    const fixed = apply(text, fixOf(text, 'trailing-comma').fix);
    assert.equal(fixed, '{"contents": [{"role": "user", "parts": [{"text": "q"}]}, {"role": "model", "parts": [{"text": "a"}]}]}');
    assert.deepEqual(lintTuningText(fixed).diagnostics, []);
  });

  it('converts an OpenAI chat "messages" line to contents[] with its system message', () => {
    const chat = { messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'q' }, { role: 'assistant', content: 'a' }] };
    const text = `${good(1)}\n${good(2)}\n${JSON.stringify(chat)}`;
    const fixed = apply(text, fixOf(text, 'mixed-formats').fix);
    assert.deepEqual(JSON.parse(fixed.split('\n')[2]), { systemInstruction: { parts: [{ text: 'Be brief.' }] }, contents: [user('q'), model('a')] });
    assert.deepEqual(lintTuningText(fixed).diagnostics, []);
  });

  it('offers no conversion when a chat message is not plain text', () => {
    const text = JSON.stringify({ messages: [{ role: 'user', content: [{ type: 'image_url' }] }, { role: 'assistant', content: 'a' }] });
    const d = lintTuningText(text).diagnostics.find((x) => x.code === 'other-format');
    assert.ok(d);
    assert.equal(d.fixes, undefined);
  });

  it('converts an input_text/output_text pair', () => {
    const text = JSON.stringify({ input_text: 'q', output_text: 'a' });
    const fixed = apply(text, fixOf(text, 'other-format').fix);
    assert.deepEqual(JSON.parse(fixed), { contents: [user('q'), model('a')] });
  });

  it('removes a duplicate line in the middle and as the last line (with its line break)', () => {
    const middle = `${good(1)}\n${good(1)}\n${good(2)}\n`;
    assert.equal(apply(middle, fixOf(middle, 'duplicate').fix), `${good(1)}\n${good(2)}\n`);
    const last = `${good(1)}\n${good(2)}\n${good(1)}`;
    assert.equal(apply(last, fixOf(last, 'duplicate').fix), `${good(1)}\n${good(2)}`);
  });

  it('removes a whitespace-only line', () => {
    const text = `${good(1)}\n  \t\n${good(2)}\n`;
    assert.equal(apply(text, fixOf(text, 'blank-line').fix), `${good(1)}\n${good(2)}\n`);
  });
});
