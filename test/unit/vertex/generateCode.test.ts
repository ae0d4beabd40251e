// Copy as code: the curl command is the exact request the Playground sends, so running
// it against the emulator gives the same (greedy) answer; Python and TypeScript carry
// the same body and call the matching client method.
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { requestCode } from '../../../src/features/playground/playgroundCode';
import type { PlaygroundTarget, PromptRequest } from '../../../src/features/playground/protocol';
import { ClientPool } from '../../../src/vertex/clients';
import { chatCompletionBody } from '../../../src/vertex/openChat';
import { runPrompt } from '../../../src/vertex/runPrompt';
import { DEMO_IDS } from '@vertex-genai-ops/emulator/seeds/demoIds';
import { US_PARENT, useEmulator } from '@vertex-genai-ops/emulator/harness';
import { emulatorPool } from '../../support/emulatorPool';

const run = promisify(execFile);
const FLASH: PlaygroundTarget = { name: `${US_PARENT}/publishers/google/models/gemini-2.0-flash-001`, displayName: 'gemini-2.0-flash-001', region: 'us-central1', kind: 'gemini', deployed: [] };
const GEMMA: PlaygroundTarget = { name: `${US_PARENT}/endpoints/${DEMO_IDS.endpoints.gemmaLoraGpu}`, displayName: 'gemma-lora-gpu', region: 'us-central1', kind: 'openChat', deployed: [] };
const request: PromptRequest = {
  system: 'Be brief.',
  history: [{ role: 'user', text: 'Hello' }, { role: 'model', text: 'Hello.' }],
  prompt: "Tell me about the fox's \"grapes\"",
  params: { temperature: 0, maxOutputTokens: 12, stopSequences: ['END'] },
};

describe('vertex: copy as code', function () {
  this.timeout(30_000);
  const h = useEmulator({ tokenDelayMs: 0 });
  let pool: ClientPool;
  before(() => (pool = emulatorPool(h)));
  after(() => pool.dispose());

  for (const target of [FLASH, GEMMA]) {
    it(`curl for ${target.kind} runs and gets the answer the Playground got`, async () => {
      const code = requestCode('curl', target, request, { baseUrl: h.emulator.url, emulator: true });
      const { stdout } = await run('bash', ['-c', code.replace('curl -X POST', 'curl -sS -X POST')]);
      const ours = await runPrompt(pool, target, request);
      const answer = target.kind === 'gemini'
        ? (JSON.parse(stdout) as { candidates?: { content?: { parts?: { text?: string }[] } }[] }[]).map((c) => c.candidates?.[0]?.content?.parts?.[0]?.text ?? '').join('')
        : (JSON.parse(stdout) as { choices: { message: { content: string } }[] }).choices[0].message.content;
      assert.equal(answer, ours.candidates[0]);
    });
  }

  it('Python and TypeScript send the same body to the matching method', () => {
    // That the Python body equals the wire body is proven by running it (test/unit/quoting).
    const python = requestCode('python', FLASH, request, { baseUrl: 'https://us-central1-aiplatform.googleapis.com', emulator: false });
    assert.match(python, /client\.stream_generate_content\(request=request\)/);
    assert.match(python, /api_endpoint": "us-central1-aiplatform\.googleapis\.com"/);
    const ts = requestCode('typescript', GEMMA, request, { baseUrl: h.emulator.url, emulator: true });
    assert.ok(ts.includes(`const body = ${JSON.stringify(chatCompletionBody(request), null, 2)};`), 'the TypeScript body is the wire body');
    assert.match(ts, /client\.rawPredict\(\{ endpoint: ".*\/endpoints\/\d+", httpBody/);
    assert.match(ts, new RegExp(`port: ${h.emulator.port}, protocol: 'http', fallback: true`));
    assert.match(requestCode('curl', FLASH, request, { baseUrl: 'https://us-central1-aiplatform.googleapis.com', emulator: false }), /Bearer \$\(gcloud auth print-access-token\)/);
  });
});
