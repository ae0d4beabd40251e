import * as assert from 'node:assert/strict';
import { lintTuningText, TuningLinter } from '../../../src/features/tuning/lint/lintTuning';
import { DEFAULT_MAX_TOKENS_PER_EXAMPLE } from '../../../src/features/tuning/lint/lintTypes';
import { example, good, model, user } from './corpusHelpers';

describe('tuning lint: summary', () => {
  it('counts examples, tokens per epoch (4 characters a token), the longest example, and totals for the epochs', () => {
    const text = [
      example(user('12345678'), model('abcd')), // 12 characters → 3 tokens
      '',
      example(user('x'.repeat(37)), model('y')), // 38 → 10 tokens (rounded up)
      example({ role: 'user', parts: [{ text: 'see' }, { fileData: { mimeType: 'image/png', fileUri: 'gs://b/i.png' } }] }, model('ok')), // 5 → 2, + 258 for the image
    ].join('\n');
    const { summary } = lintTuningText(text, { epochs: 3 });
    assert.equal(summary.examples, 3);
    assert.equal(summary.tokensPerEpoch, 3 + 10 + 2 + 258);
    assert.equal(summary.totalTokens, 273 * 3);
    assert.equal(summary.epochs, 3);
    assert.deepEqual(summary.longest, { line: 3, tokens: 260 });
    assert.equal(summary.format, 'gemini');
  });

  it('reports tokens per epoch only when no epochs are given, and counts errors and warnings', () => {
    const text = [good(1), good(1), '{"contents": [}'].join('\n');
    const { summary } = lintTuningText(text);
    assert.equal(summary.totalTokens, undefined);
    assert.equal(summary.errors, 1);
    assert.equal(summary.warnings, 1);
  });

  it("uses Google's documented limit of 131,072 tokens per example by default", () => {
    assert.equal(DEFAULT_MAX_TOKENS_PER_EXAMPLE, 131_072);
    const big = example(user('z'.repeat(4 * 131_072)), model('a'));
    const [d] = lintTuningText(big).diagnostics;
    assert.equal(d?.code, 'too-many-tokens');
    assert.match(d.message, /About 131,073 tokens: over the limit of 131,072/);
  });
});

describe('tuning lint: large files', () => {
  const lines = (n: number) => Array.from({ length: n }, (_, i) => good(i));

  it('lints 100,000 lines without blocking the event loop, and stops when cancelled', async function () {
    this.timeout(60_000);
    const text = lines(100_000).join('\n');
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    const linter = new TuningLinter();
    linter.setText(text);
    const result = await linter.lint();
    clearInterval(timer);
    assert.equal(result?.summary.examples, 100_000);
    assert.ok(ticks > 3, `the event loop ran only ${ticks} timer callbacks while linting`);

    const cancellation = { isCancellationRequested: false };
    const fresh = new TuningLinter();
    fresh.setText(text);
    const pending = fresh.lint({}, cancellation);
    cancellation.isCancellationRequested = true;
    assert.equal(await pending, undefined);
  });

  it('applies edits as the editor reports them and re-lints to the same result as a fresh lint', async () => {
    const before = lines(2_000);
    const linter = new TuningLinter();
    linter.setText(before.join('\n'));
    await linter.lint();
    const after = [...before];
    // A role typed over, on line 1500 (0-based).
    const roleAt = before[1500].lastIndexOf('"model"');
    linter.edit({ start: { line: 1500, character: roleAt }, end: { line: 1500, character: roleAt + 7 } }, '"assistant"');
    after[1500] = before[1500].slice(0, roleAt) + '"assistant"' + before[1500].slice(roleAt + 7);
    // A line pasted after line 9: a duplicate of line 8 (1-based); it shifts every later line.
    linter.edit({ start: { line: 9, character: before[9].length }, end: { line: 9, character: before[9].length } }, `\n${good(7)}`);
    after.splice(10, 0, good(7));
    // Two lines joined into one and then removed.
    linter.edit({ start: { line: 20, character: 0 }, end: { line: 22, character: 0 } }, '');
    after.splice(20, 2);
    assert.equal(linter.lineCount, after.length);
    const incremental = await linter.lint();
    assert.deepEqual(incremental, lintTuningText(after.join('\n')));
    assert.deepEqual(
      incremental?.diagnostics.map((d) => [d.code, d.range.start.line]),
      [['duplicate', 10], ['role', 1499]],
    );
  });

  it('re-uses the facts of unchanged lines when given the whole text again', async () => {
    const linter = new TuningLinter();
    linter.setText(lines(3).join('\n'));
    const first = linter.lintSync();
    linter.setText([good(0), '{"contents": [', good(2)].join('\n'));
    const second = linter.lintSync();
    assert.deepEqual(first.diagnostics, []);
    assert.deepEqual(second.diagnostics.map((d) => [d.code, d.range.start.line]), [['invalid-json', 1]]);
  });

  it('still finds duplicates after many edits have replaced its duplicate keys', function () {
    this.timeout(60_000);
    const linter = new TuningLinter();
    linter.setText([good(1), good(2), good(3)].join('\n'));
    for (let k = 0; k < 1_500; k++) {
      const length = k === 0 ? good(2).length : good(1000 + k - 1).length;
      linter.edit({ start: { line: 1, character: 0 }, end: { line: 1, character: length } }, good(1000 + k));
      linter.lintSync();
    }
    linter.edit({ start: { line: 1, character: 0 }, end: { line: 1, character: good(2499).length } }, good(3));
    assert.deepEqual(linter.lintSync().diagnostics.map((d) => [d.code, d.range.start.line, d.message]), [
      ['duplicate', 2, 'Duplicate of the example on line 2.'],
    ]);
  });

  it('takes a paste of 150,000 lines as one edit', function () {
    this.timeout(60_000);
    const linter = new TuningLinter();
    linter.setText([good(1), good(2)].join('\n'));
    linter.lintSync();
    const pasted = lines(150_000);
    linter.edit({ start: { line: 0, character: good(1).length }, end: { line: 0, character: good(1).length } }, `\n${pasted.join('\n')}`);
    assert.equal(linter.lineCount, 150_002);
    const result = linter.lintSync();
    assert.equal(result.summary.examples, 150_002);
    // good(1) and good(2) are in the paste too: their second copies are duplicates.
    assert.deepEqual(result.diagnostics.map((d) => [d.code, d.range.start.line]), [['duplicate', 2], ['duplicate', 150_001]]);
  });
});
