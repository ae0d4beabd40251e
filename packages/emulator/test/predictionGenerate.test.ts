import * as assert from 'node:assert/strict';
import { LlmUtilityServiceClient } from '@google-cloud/aiplatform/build/src/v1/llm_utility_service_client';
import { PredictionServiceClient } from '@google-cloud/aiplatform/build/src/v1/prediction_service_client';
import type { protos } from '@google-cloud/aiplatform';
import { tokenize } from '../src/models/tokenizer';
import { DEMO_IDS } from '../src/seeds/demoIds';
import { SUPPORT_CONVERSATIONS } from '../src/seeds/demoSupportChat';
import { US_PARENT, rejection, useEmulator } from './emulatorHarness';

type Request = protos.google.cloud.aiplatform.v1.IGenerateContentRequest;
const PUBLISHER = `${US_PARENT}/publishers/google/models/gemini-2.0-flash-001`;
const SUPPORT_BOT = `${US_PARENT}/endpoints/${DEMO_IDS.endpoints.supportBotProd}`;
const user = (text: string) => ({ role: 'user', parts: [{ text }] });
const textOf = (r: protos.google.cloud.aiplatform.v1.IGenerateContentResponse, i = 0) => String(r.candidates?.[i]?.content?.parts?.[0]?.text ?? '');

describe('emulator: generateContent, streaming and countTokens', function () {
  this.timeout(20_000);
  const h = useEmulator({ tokenDelayMs: 1 });
  let client: PredictionServiceClient;
  let llm: LlmUtilityServiceClient;
  before(() => {
    client = h.client(PredictionServiceClient);
    llm = h.client(LlmUtilityServiceClient);
  });
  const generate = async (request: Request) => (await client.generateContent(request))[0];

  it('answers on a publisher model, labelled as an emulator model, with real token counts', async () => {
    const prompt = 'Tell me a story about a fox and a goat.';
    const response = await generate({ model: PUBLISHER, contents: [user(prompt)], generationConfig: { temperature: 0 } });
    const text = textOf(response);
    assert.match(text, /\bfox\b/i, 'the answer is about the prompt');
    assert.match(String(response.modelVersion), /^gemini-2\.0-flash-001 \(vertex-genai-emulator 4-gram LM\)$/);
    assert.equal(response.candidates?.[0]?.finishReason, 'STOP');
    const usage = response.usageMetadata;
    assert.equal(usage?.promptTokenCount, tokenize(prompt).length);
    assert.equal(usage?.candidatesTokenCount, tokenize(text).length);
    assert.equal(usage?.totalTokenCount, Number(usage?.promptTokenCount) + Number(usage?.candidatesTokenCount));
  });

  it('answers on an endpoint with the model tuned on the support conversations', async () => {
    const [question, answer] = [SUPPORT_CONVERSATIONS[11].turns[0].user, SUPPORT_CONVERSATIONS[11].turns[0].model];
    const response = await generate({ model: SUPPORT_BOT, contents: [user(question)], generationConfig: { temperature: 0, maxOutputTokens: 30 } });
    const learnt = new Set(tokenize(answer));
    const tokens = tokenize(textOf(response));
    assert.ok(tokens.filter((t) => learnt.has(t)).length / tokens.length > 0.8, `"${textOf(response)}" follows "${answer}"`);
    assert.match(String(response.modelVersion), new RegExp(`/models/${DEMO_IDS.models.supportBot}@[23] \\(vertex-genai-emulator`));
  });

  it('is deterministic at temperature 0, and with a seed when sampling', async () => {
    const ask = (generationConfig: protos.google.cloud.aiplatform.v1.IGenerationConfig) =>
      generate({ model: PUBLISHER, contents: [user('What did the lion say to the mouse?')], generationConfig }).then(textOf);
    assert.equal(await ask({ temperature: 0 }), await ask({ temperature: 0 }));
    const seeded = await ask({ temperature: 1, seed: 42 });
    assert.equal(await ask({ temperature: 1, seed: 42 }), seeded);
    const others = await Promise.all([1, 2, 3].map((seed) => ask({ temperature: 1, seed })));
    assert.ok(others.some((o) => o !== seeded), 'other seeds sample other answers');
  });

  it('stops at maxOutputTokens with MAX_TOKENS and at a stop sequence with STOP', async () => {
    const contents = [user('Tell me about the wolf and the lamb.')];
    const full = textOf(await generate({ model: PUBLISHER, contents, generationConfig: { temperature: 0 } }));
    const short = await generate({ model: PUBLISHER, contents, generationConfig: { temperature: 0, maxOutputTokens: 6 } });
    assert.equal(short.candidates?.[0]?.finishReason, 'MAX_TOKENS');
    assert.equal(short.usageMetadata?.candidatesTokenCount, 6);
    assert.ok(full.startsWith(textOf(short)));
    const stop = full.split(' ')[3];
    const stopped = await generate({ model: PUBLISHER, contents, generationConfig: { temperature: 0, stopSequences: [stop] } });
    assert.equal(stopped.candidates?.[0]?.finishReason, 'STOP');
    assert.equal(textOf(stopped), full.slice(0, full.indexOf(stop)));
  });

  it('gives candidateCount different candidates', async () => {
    const response = await generate({ model: PUBLISHER, contents: [user('A fable about a crow, please.')], generationConfig: { candidateCount: 3, seed: 5 } });
    assert.deepEqual(response.candidates?.map((c) => c.index), [0, 1, 2]);
    assert.ok(new Set(response.candidates?.map((c) => c.content?.parts?.[0]?.text)).size > 1);
    const tokens = [0, 1, 2].reduce((n, i) => n + tokenize(textOf(response, i)).length, 0);
    assert.equal(response.usageMetadata?.candidatesTokenCount, tokens);
  });

  it('counts the same prompt tokens as generateContent bills', async () => {
    const request = {
      systemInstruction: { role: 'system', parts: [{ text: 'You answer in the style of Aesop.' }] },
      contents: [user('Who wins the race?'), { role: 'model', parts: [{ text: 'The tortoise, slowly.' }] }, user('Why, though?')],
    };
    const [counted] = await llm.countTokens({ endpoint: PUBLISHER, ...request });
    const response = await generate({ model: PUBLISHER, ...request, generationConfig: { maxOutputTokens: 3 } });
    assert.equal(counted.totalTokens, response.usageMetadata?.promptTokenCount);
    assert.equal(counted.totalTokens, tokenize('You answer in the style of Aesop. Who wins the race? The tortoise, slowly. Why, though?').length);
    const [onEndpoint] = await llm.countTokens({ endpoint: SUPPORT_BOT, ...request });
    assert.equal(onEndpoint.totalTokens, counted.totalTokens);
  });

  it('streams one chunk per token: joined they are the greedy answer, the last has finishReason and usage', async () => {
    const request: Request = { model: SUPPORT_BOT, contents: [user(SUPPORT_CONVERSATIONS[14].turns[0].user)], generationConfig: { temperature: 0 } };
    const whole = await generate(request);
    const chunks: protos.google.cloud.aiplatform.v1.IGenerateContentResponse[] = [];
    for await (const chunk of client.streamGenerateContent(request)) chunks.push(chunk as protos.google.cloud.aiplatform.v1.IGenerateContentResponse);
    assert.ok(chunks.length > 5, `${chunks.length} chunks`);
    assert.equal(chunks.map((c) => textOf(c)).join(''), textOf(whole));
    const last = chunks[chunks.length - 1];
    assert.equal(last.candidates?.[0]?.finishReason, 'STOP');
    assert.equal(last.usageMetadata?.totalTokenCount, whole.usageMetadata?.totalTokenCount);
    // The client decodes an absent finishReason as FINISH_REASON_UNSPECIFIED.
    assert.ok(chunks.slice(0, -1).every((c) => c.candidates?.[0]?.finishReason === 'FINISH_REASON_UNSPECIFIED' && !c.usageMetadata));
  });

  it('rejects bad generation settings with Vertex wording, before a stream starts', async () => {
    const err = await rejection(generate({ model: PUBLISHER, contents: [user('hi')], generationConfig: { temperature: 3 } }));
    assert.equal(err.code, 3);
    assert.equal(err.message, 'Unable to submit request because it has a temperature value of 3 but the supported range is from 0 (inclusive) to 2.0001 (exclusive). Update the value and try again.');
    const empty = await rejection(generate({ model: PUBLISHER, contents: [] }));
    assert.match(empty.message, /must include at least one parts field/);
    const streamed = await rejection(
      (async () => {
        for await (const chunk of client.streamGenerateContent({ model: PUBLISHER, contents: [user('hi')], generationConfig: { maxOutputTokens: 9000 } })) void chunk;
      })(),
    );
    assert.equal(streamed.code, 3);
    assert.match(streamed.message, /maxOutputTokens value of 9000 but the supported range is from 1 \(inclusive\) to 8193 \(exclusive\)/);
  });

  it('answers NOT_FOUND for an unknown publisher model and FAILED_PRECONDITION for an empty endpoint', async () => {
    const missing = await rejection(generate({ model: `${US_PARENT}/publishers/google/models/gemini-9-ultra`, contents: [user('hi')] }));
    assert.equal(missing.code, 5);
    assert.match(missing.message, /Publisher Model `projects\/genai-demo\/locations\/us-central1\/publishers\/google\/models\/gemini-9-ultra` was not found/);
    const empty = await rejection(generate({ model: `${US_PARENT}/endpoints/${DEMO_IDS.endpoints.stagingSandbox}`, contents: [user('hi')] }));
    assert.equal(empty.code, 9);
    assert.match(empty.message, /does not have any deployed models/);
  });
});
