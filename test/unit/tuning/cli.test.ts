import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { example, good, user } from './corpusHelpers';

const ROOT = resolve(__dirname, '..', '..', '..', '..');
const CLI = join(ROOT, 'dist', 'cli', 'lintTuning.js');

function run(args: string[], cwd: string, entry = CLI) {
  const r = spawnSync(process.execPath, [entry, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout.trimEnd().split('\n'), stderr: r.stderr };
}

describe('tuning lint: command line', () => {
  let dir: string;
  const bad = [good(1), example(user('q'), { role: 'assistant', parts: [{ text: 'a' }] }), '{"contents": [', good(1)].join('\n');
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'vgo-lint-cli-'));
    writeFileSync(join(dir, 'bad.jsonl'), bad);
    writeFileSync(join(dir, 'good.jsonl'), `${good(1)}\n${good(2)}\n`);
    writeFileSync(join(dir, 'warn.jsonl'), `${good(1)}\n${good(1)}\n`);
    writeFileSync(join(dir, 'bom.jsonl'), `\uFEFF${good(1)}\r\n${good(2)}\r\n`);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints file:line:column: severity: message lines, 1-based, a summary, and exits 1 on errors', () => {
    const r = run(['bad.jsonl'], dir);
    const roleColumn = bad.split('\n')[1].indexOf('"assistant"') + 1;
    assert.deepEqual(r.stdout, [
      `bad.jsonl:2:${roleColumn}: error: Role "assistant" is not a Gemini role: use "model". [role]`,
      'bad.jsonl:3:14: error: Invalid JSON: expected "]" to close the array. [invalid-json]',
      'bad.jsonl:4:1: warning: Duplicate of the example on line 1. [duplicate]',
      // "Question 1?" + "Answer 1." = 20 characters = 5 tokens; "q" + "a" = 1 token.
      `bad.jsonl: 4 examples, ~${5 + 1 + 0 + 5} tokens per epoch, longest example on line 1 (~5 tokens); 2 errors, 1 warning`,
    ]);
    assert.equal(r.code, 1);
  });

  it('exits 0 on clean files and on warnings only, with the epochs in the summary', () => {
    const r = run(['good.jsonl', 'warn.jsonl', '--epochs', '4'], dir);
    assert.equal(r.code, 0);
    assert.deepEqual(r.stdout, [
      'good.jsonl: 2 examples, ~10 tokens per epoch, ~40 for 4 epochs, longest example on line 1 (~5 tokens); 0 errors, 0 warnings',
      'warn.jsonl:2:1: warning: Duplicate of the example on line 1. [duplicate]',
      'warn.jsonl: 2 examples, ~10 tokens per epoch, ~40 for 4 epochs, longest example on line 1 (~5 tokens); 0 errors, 1 warning',
    ]);
  });

  it('reads files written on Windows: a byte-order mark and CRLF line ends', () => {
    const r = run(['bom.jsonl'], dir);
    assert.equal(r.code, 0);
    assert.match(r.stdout[0], /^bom\.jsonl: 2 examples, .*; 0 errors, 0 warnings$/);
  });

  it('applies --max-tokens-per-example', () => {
    const r = run(['--max-tokens-per-example', '2', 'good.jsonl'], dir);
    assert.equal(r.code, 1);
    assert.match(r.stdout[0], /^good\.jsonl:1:1: error: About 5 tokens: over the limit of 2 .* \[too-many-tokens\]$/);
  });

  it('writes JSON with --format json', () => {
    const r = run(['--format', 'json', 'bad.jsonl'], dir);
    assert.equal(r.code, 1);
    const [report] = JSON.parse(r.stdout.join('\n'));
    assert.equal(report.file, 'bad.jsonl');
    assert.deepEqual(report.diagnostics[1], { line: 3, column: 14, endLine: 3, endColumn: 15, severity: 'error', code: 'invalid-json', message: 'Invalid JSON: expected "]" to close the array.' });
    assert.equal(report.summary.examples, 4);
  });

  it('exits 2 with the usage on usage errors and unreadable files', () => {
    for (const args of [[], ['--format', 'xml', 'good.jsonl'], ['--epochs', '0', 'good.jsonl'], ['--nope', 'good.jsonl']]) {
      const r = run(args, dir);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, /usage: vertex-lint-tuning/);
    }
    const help = run(['--help'], dir);
    assert.equal(help.code, 0);
    assert.match(help.stdout[0], /^usage: vertex-lint-tuning/);
    const missing = run(['missing.jsonl', 'good.jsonl'], dir);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /missing\.jsonl: cannot read it \(ENOENT\)/);
  });

  it('runs as `npm run lint-tuning` through scripts/lintTuning.mjs', function () {
    this.timeout(60_000);
    const r = run([join(dir, 'bad.jsonl')], dir, join(ROOT, 'scripts', 'lintTuning.mjs'));
    assert.equal(r.code, 1);
    assert.equal(r.stdout.length, 4);
  });
});
