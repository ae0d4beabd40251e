import * as assert from 'node:assert/strict';
import { lintTuningText, TuningLinter } from '../../../src/tuning/lint/lintTuning';
import { DEFAULT_MAX_TOKENS_PER_EXAMPLE } from '../../../src/tuning/lint/lintTypes';
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
    const result = await new TuningLinter().lint(text);
    clearInterval(timer);
    assert.equal(result?.summary.examples, 100_000);
    assert.ok(ticks > 3, `the event loop ran only ${ticks} timer callbacks while linting`);

    const cancellation = { isCancellationRequested: false };
    const pending = new TuningLinter().lint(text, {}, cancellation);
    cancellation.isCancellationRequested = true;
    assert.equal(await pending, undefined);
  });

  it('after a one-line edit, re-lints from its cache to the same result as a fresh lint', async () => {
    const before = lines(2_000);
    const linter = new TuningLinter();
    await linter.lint(before.join('\n'));
    const after = [...before];
    after[1500] = example(user('q'), { role: 'assistant', parts: [{ text: 'a' }] });
    after.splice(10, 0, good(7)); // an inserted line shifts the rest: a duplicate of line 8
    const incremental = await linter.lint(after.join('\n'));
    assert.deepEqual(incremental, lintTuningText(after.join('\n')));
    assert.deepEqual(
      incremental?.diagnostics.map((d) => [d.code, d.range.start.line]),
      [['duplicate', 10], ['role', 1501]],
    );
  });
});
