// Prompting every kind of target through the official client over real HTTP to the
// emulator: streamed Gemini answers with their figures, Stop that closes the
// connection, open models through rawPredict, custom models through predict.
import * as assert from 'node:assert/strict';
import { DEMO_IDS } from '@vertex-genai-ops/emulator/seeds/demoIds';
import type { PromptRequest } from '../../../src/features/playground/protocol';
import { ClientPool } from '../../../src/vertex/clients';
import { streamGenerate } from '../../../src/vertex/generate';
import { parseError } from '../../../src/vertex/parseError';
import { listPlaygroundTargets } from '../../../src/vertex/playgroundTargets';
import { runPrompt } from '../../../src/vertex/runPrompt';
import { US_PARENT, useEmulator } from '@vertex-genai-ops/emulator/harness';
import { emulatorPool } from '../../support/emulatorPool';
import { INJECTION_PROMPT, tuneInjectionModel } from '../../support/injectionModel';

const SUPPORT_BOT = `${US_PARENT}/endpoints/${DEMO_IDS.endpoints.supportBotProd}`;
const GEMMA = `${US_PARENT}/endpoints/${DEMO_IDS.endpoints.gemmaLoraGpu}`;
const CHURN = `${US_PARENT}/endpoints/${DEMO_IDS.endpoints.churnScoring}`;
const FLASH = `${US_PARENT}/publishers/google/models/gemini-2.0-flash-001`;
const ask = (prompt: string, extra: Partial<PromptRequest> = {}): PromptRequest => ({ history: [], prompt, params: {}, ...extra });

describe('vertex: prompting targets', function () {
  this.timeout(30_000);
  const h = useEmulator({ tokenDelayMs: 5 });
  let pool: ClientPool;
  before(() => (pool = emulatorPool(h)));
  after(() => pool.dispose());

  it('streams a Gemini answer piece by piece, with time to first token, tokens/s, usage, finish reason and safety ratings', async () => {
    const pieces: string[] = [];
    const result = await streamGenerate(pool, SUPPORT_BOT, ask('How do I reset my password?', {
      system: 'You are a support assistant.',
      history: [{ role: 'user', text: 'Hello' }, { role: 'model', text: 'Hello, how can I help?' }],
      params: { temperature: 0, maxOutputTokens: 24, topK: 10, topP: 0.9, seed: 7 },
    }), { onText: (_i, t) => pieces.push(t) });
    assert.ok(pieces.length > 3, 'several streamed pieces');
    assert.equal(pieces.join(''), result.candidates[0], 'the pieces make the answer');
    const f = result.figures;
    assert.ok(f.ttftMs !== undefined && f.ttftMs > 0 && f.ttftMs < f.totalMs, `ttft ${f.ttftMs} < total ${f.totalMs}`);
    assert.ok((f.tokensPerSecond ?? 0) > 0);
    assert.ok((f.promptTokens ?? 0) > 10, 'system + history + prompt count');
    assert.ok((f.outputTokens ?? 0) > 0 && (f.outputTokens ?? 0) <= 24);
    assert.match(f.finishReason ?? '', /^(STOP|MAX_TOKENS)$/);
    assert.deepEqual(f.safety?.map((s) => s.category), ['HATE_SPEECH', 'DANGEROUS_CONTENT', 'HARASSMENT', 'SEXUALLY_EXPLICIT']);
    assert.ok(f.safety?.every((s) => ['NEGLIGIBLE', 'LOW', 'MEDIUM', 'HIGH'].includes(s.probability)));
    assert.match(f.servedBy ?? '', /models\/\d+@\d/);
  });

  it('honours candidate count and max output tokens; greedy decoding repeats itself', async () => {
    const request = ask('Tell me about the fox and the grapes', { params: { temperature: 0, maxOutputTokens: 5, candidateCount: 2 } });
    const a = await streamGenerate(pool, FLASH, request);
    const b = await streamGenerate(pool, FLASH, request);
    assert.equal(a.candidates.length, 2);
    assert.equal(a.figures.finishReason, 'MAX_TOKENS');
    assert.deepEqual(a.candidates, b.candidates);
  });

  it('Stop aborts the stream: the caller gets "cancelled" and the emulator sees the connection close', async () => {
    h.requests.length = 0;
    const slow = new ClientPool({ backend: 'emulator', project: 'genai-demo', regions: ['us-central1'], emulatorUrl: h.emulator.url });
    const abort = new AbortController();
    let pieces = 0;
    const started = Date.now();
    const error = await streamGenerate(slow, FLASH, ask('Tell me a long fable about the wolf', { params: { maxOutputTokens: 2000, temperature: 1 } }), {
      signal: abort.signal,
      onText: () => {
        if (++pieces === 3) abort.abort();
      },
    }).then(() => undefined, (e: unknown) => e);
    await slow.dispose();
    assert.ok(error, 'a stopped stream does not resolve');
    assert.equal(parseError(error).code, 'CANCELLED');
    assert.ok(Date.now() - started < 5_000, 'it stops at once, not after 2000 tokens');
    // 499: the emulator noticed the client hung up mid-stream.
    await new Promise((r) => setTimeout(r, 100));
    assert.ok(h.requests.some((l) => /:streamGenerateContent 499 /.test(l)), h.requests.join('\n'));
  });

  it('prompts an open model through rawPredict with an OpenAI chat body', async () => {
    const result = await runPrompt(pool, { name: GEMMA, kind: 'openChat' }, ask('Tell me about the wolf', { system: 'Be brief.', params: { temperature: 0, maxOutputTokens: 8 } }));
    assert.ok(result.candidates[0].length > 0);
    assert.equal(result.figures.outputTokens, 8);
    assert.equal(result.figures.finishReason, 'MAX_TOKENS');
    assert.match(result.figures.servedBy ?? '', /gram LM/);
    assert.equal(result.figures.deployedModelId, DEMO_IDS.deployedModels.gemmaV1, 'rawPredict names the deployed model in X-Vertex-AI-Deployed-Model-Id');
  });

  it('prompts a custom model with JSON instances through predict, and says what is wrong with bad JSON', async () => {
    const instance = { amount: 950, hour_of_day: 3, merchant_category: 'electronics', distance_from_home_km: 420, card_present: false, prior_chargebacks: 2, account_age_days: 12 };
    const result = await runPrompt(pool, { name: CHURN, kind: 'predict' }, ask(JSON.stringify([instance])));
    const predictions = JSON.parse(result.candidates[0].replace(/^```json\n|\n```$/g, ''));
    assert.deepEqual(predictions[0].classes, ['0', '1']);
    assert.match(result.figures.deployedModelId ?? '', /^(\d+)$/);
    assert.ok([DEMO_IDS.deployedModels.churnV1, DEMO_IDS.deployedModels.churnV2].includes(result.figures.deployedModelId as never));
    assert.match(result.figures.servedBy ?? '', /models\/\d+@\d+$/);
    const bad = await runPrompt(pool, { name: CHURN, kind: 'predict' }, ask('[{"amount": }]')).then(() => undefined, (e: unknown) => e);
    assert.match(parseError(bad).message, /does not parse/);
  });

  it('lists endpoints by how they are prompted, and the publisher models', async () => {
    const { targets } = await listPlaygroundTargets(pool, ['us-central1']);
    const kind = (id: string) => targets.find((t) => t.name.endsWith(`/endpoints/${id}`))?.kind;
    assert.equal(kind(DEMO_IDS.endpoints.supportBotProd), 'gemini');
    assert.equal(kind(DEMO_IDS.endpoints.gemmaLoraGpu), 'openChat');
    assert.equal(kind(DEMO_IDS.endpoints.churnScoring), 'predict');
    assert.equal(kind(DEMO_IDS.endpoints.stagingSandbox), undefined, 'nothing deployed: nothing to prompt');
    assert.ok(targets.some((t) => t.name.endsWith('/publishers/google/models/gemini-2.0-flash-001')));
    const support = targets.find((t) => t.displayName === 'support-bot-prod');
    assert.deepEqual(support?.deployed.map((d) => d.trafficPercent), [90, 10]);
  });
});

describe('vertex: a model tuned on HTML answers', function () {
  this.timeout(60_000);
  const h = useEmulator({ tokenDelayMs: 0, operationDelayMs: 50 });

  it('really answers with the script and onerror payloads it learned (the e2e safety test relies on it)', async () => {
    const model = await tuneInjectionModel(h.emulator.url);
    const pool = new ClientPool({ backend: 'emulator', project: 'genai-demo', regions: ['us-central1'], emulatorUrl: h.emulator.url });
    try {
      const result = await streamGenerate(pool, model.endpoint, ask(INJECTION_PROMPT, { params: { temperature: 0, maxOutputTokens: 60 } }));
      assert.match(result.candidates[0], /<script>\s*window\. pwned = 1\s*<\/script>/);
      assert.match(result.candidates[0], /<img src =" x" onerror =" window\. pwned = 2">/);
    } finally {
      await pool.dispose();
    }
  });
});
