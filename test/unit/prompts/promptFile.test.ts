import * as assert from 'node:assert/strict';
import { parseBatchInput, runBatch } from '../../../src/features/prompts/batchRun';
import { fillVariables, parsePromptFile, variablesIn } from '../../../src/features/prompts/promptFile';
import { resolveTarget } from '../../../src/features/prompts/resolveTarget';
import type { PlaygroundTarget } from '../../../src/features/playground/protocol';
import { ClientPool } from '../../../src/vertex/clients';
import { runPrompt } from '../../../src/vertex/runPrompt';
import { US_PARENT, useEmulator } from '@vertex-genai-ops/emulator/harness';
import { emulatorPool } from '../../support/emulatorPool';

describe('prompt files', () => {
  it('reads target, compare list, system, parameters and variables from Markdown front matter', () => {
    const file = parsePromptFile(
      ['---', 'target: support-bot-prod', 'compare: [support-bot-prod, gemini-2.0-flash-001]', 'system: Be brief.', 'parameters:', '  temperature: 0.2', '  stopSequences: ["END"]', 'variables:', '  product: Acme', '---', 'How do I return my {{product}} {{ item }}?', ''].join('\n'),
      '/w/refund.prompt.md',
    );
    assert.deepEqual(file.errors, []);
    assert.equal(file.target, 'support-bot-prod');
    assert.deepEqual(file.compare, ['support-bot-prod', 'gemini-2.0-flash-001']);
    assert.equal(file.system, 'Be brief.');
    assert.deepEqual(file.params, { temperature: 0.2, stopSequences: ['END'] });
    assert.deepEqual(variablesIn(file.prompt), ['product', 'item']);
    assert.equal(fillVariables(file.prompt, { ...file.variables, item: 'kettle' }), 'How do I return my Acme kettle?');
  });

  it('reads *.prompt.yaml, and names what is wrong', () => {
    const ok = parsePromptFile('target: gemma-lora-gpu\nprompt: |\n  Tell me about the wolf\n', '/w/wolf.prompt.yaml');
    assert.deepEqual([ok.target, ok.prompt, ok.errors], ['gemma-lora-gpu', 'Tell me about the wolf', []]);
    assert.deepEqual(parsePromptFile('---\nparameters:\n  temperature: hot\n  tmp: 1\n---\nhi', '/w/x.prompt.md').errors, [
      'parameters.temperature must be a number.',
      'Unknown parameter "tmp": use temperature, topP, topK, maxOutputTokens, seed, candidateCount, stopSequences.',
    ]);
    assert.match(parsePromptFile('---\ntarget: [unclosed\n---\nhi', '/w/x.prompt.md').errors[0], /^The front matter is not valid YAML/);
    assert.deepEqual(parsePromptFile('target: x\n', '/w/x.prompt.yaml').errors, ['The file has no `prompt:` text.']);
  });

  it('resolves a target by resource name, endpoint id, display name or publisher model id', () => {
    const t = (name: string, displayName: string): PlaygroundTarget => ({ name, displayName, region: 'us-central1', kind: 'gemini', deployed: [] });
    const targets = [t('projects/p/locations/us-central1/endpoints/123', 'support-bot-prod'), t('projects/p/locations/us-central1/publishers/google/models/gemini-2.0-flash-001', 'gemini-2.0-flash-001')];
    assert.equal(resolveTarget(targets, '123'), targets[0]);
    assert.equal(resolveTarget(targets, 'support-bot-prod'), targets[0]);
    assert.equal(resolveTarget(targets, targets[1].name), targets[1]);
    assert.equal(resolveTarget(targets, 'gemini-2.0-flash-001'), targets[1]);
    assert.equal(resolveTarget(targets, 'nope'), undefined);
  });
});

describe('batch runs', () => {
  it('parses one prompt per line and names the first bad line', () => {
    const items = parseBatchInput('{"prompt":"a","id":1}\n\n"b"\n{"prompt":"c","parameters":{"temperature":0}}\n', { maxOutputTokens: 5 });
    assert.deepEqual(items.map((i) => [i.line, i.request.prompt, i.request.params]), [[0, 'a', { maxOutputTokens: 5 }], [2, 'b', { maxOutputTokens: 5 }], [3, 'c', { maxOutputTokens: 5, temperature: 0 }]]);
    assert.throws(() => parseBatchInput('{"prompt":"a"}\n{oops}\n'), /^Error: Line 2 is not valid JSON/);
    assert.throws(() => parseBatchInput('{"text":"a"}\n'), /Line 1 has no "prompt" string/);
  });

  describe('against the emulator', function () {
    this.timeout(30_000);
    const h = useEmulator({ tokenDelayMs: 5 });
    let pool: ClientPool;
    before(() => (pool = emulatorPool(h)));
    after(() => pool.dispose());

    it('keeps at most `concurrency` requests in flight and writes each result as it arrives; cancel keeps exactly the finished ones', async () => {
      const target = { name: `${US_PARENT}/publishers/google/models/gemini-2.0-flash-001`, kind: 'gemini' as const };
      const items = parseBatchInput(Array.from({ length: 12 }, (_, i) => JSON.stringify({ prompt: `Tell me about the fox number ${i}`, parameters: { maxOutputTokens: 5 + i * 3, temperature: 0 } })).join('\n'));
      const abort = new AbortController();
      const lines: string[] = [];
      let inFlight = 0;
      let most = 0;
      const summary = await runBatch(items, {
        concurrency: 3,
        signal: abort.signal,
        target: target.name,
        run: async (request, signal) => {
          most = Math.max(most, ++inFlight);
          try {
            return await runPrompt(pool, target, request, { signal });
          } finally {
            inFlight--;
          }
        },
        write: async (line) => {
          lines.push(line);
          if (lines.length === 4) abort.abort();
        },
      });
      assert.equal(most, 3);
      assert.equal(summary.cancelled, true);
      const written = lines.map((l) => JSON.parse(l));
      assert.equal(written.length, summary.succeeded + summary.failed, 'every finished result is in the file, nothing else');
      assert.ok(written.length >= 4 && written.length < 12, `${written.length} of 12`);
      assert.ok(written.every((r) => r.answer.length > 0 && r.finishReason && r.target === target.name && !r.error), lines.join(''));
    });
  });
});
