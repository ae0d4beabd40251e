import * as assert from 'node:assert/strict';
import type { protos } from '@google-cloud/aiplatform';
import { EndpointServiceClient } from '@google-cloud/aiplatform/build/src/v1/endpoint_service_client';
import { PredictionServiceClient } from '@google-cloud/aiplatform/build/src/v1/prediction_service_client';
import { generateFraudRows } from '../src/models/fraudData';
import { tokenize } from '../src/models/tokenizer';
import { DEMO_IDS } from '../src/seeds/demoIds';
import { US_PARENT, rejection, useEmulator } from './emulatorHarness';

const CHURN = `${US_PARENT}/endpoints/${DEMO_IDS.endpoints.churnScoring}`;
const SUPPORT_BOT = `${US_PARENT}/endpoints/${DEMO_IDS.endpoints.supportBotProd}`;
const GEMMA = `${US_PARENT}/endpoints/${DEMO_IDS.endpoints.gemmaLoraGpu}`;
const D = DEMO_IDS.deployedModels;
type Value = protos.google.protobuf.IValue;
/** Plain JSON → google.protobuf.Value, the shape the client takes for instances. */
function value(v: unknown): Value {
  if (typeof v === 'number') return { numberValue: v };
  if (typeof v === 'string') return { stringValue: v };
  if (typeof v === 'boolean') return { boolValue: v };
  if (Array.isArray(v)) return { listValue: { values: v.map(value) } };
  return { structValue: { fields: Object.fromEntries(Object.entries(v as object).map(([k, x]) => [k, value(x)])) } };
}
/** google.protobuf.Value as the client decodes it → plain JSON. */
function plain(v: Value | null | undefined): unknown {
  if (!v) return undefined;
  if (v.structValue) return Object.fromEntries(Object.entries(v.structValue.fields ?? {}).map(([k, x]) => [k, plain(x)]));
  if (v.listValue) return (v.listValue.values ?? []).map(plain);
  return v.stringValue ?? v.numberValue ?? v.boolValue ?? null;
}
const instance = (i: number) => {
  const { transaction_id: _id, is_fraud: _label, ...features } = generateFraudRows(i + 1, 99)[i];
  return features;
};

describe('emulator: predict, explain, rawPredict and traffic split', function () {
  this.timeout(30_000);
  const h = useEmulator({ tokenDelayMs: 0 });
  let client: PredictionServiceClient;
  let endpoints: EndpointServiceClient;
  before(() => {
    client = h.client(PredictionServiceClient);
    endpoints = h.client(EndpointServiceClient);
  });

  it('classifies transactions in Vertex’s {classes, scores} shape, naming the deployed model', async () => {
    const risky = { amount: 1800, hour_of_day: 2, distance_from_home_km: 900, merchant_category: 'jewelry', card_present: false };
    const safe = { amount: 12, hour_of_day: 14, distance_from_home_km: 1, merchant_category: 'grocery', card_present: true };
    const [response] = await client.predict({ endpoint: CHURN, instances: [value(risky), value(safe)] });
    const [a, b] = (response.predictions ?? []).map(plain) as { classes: string[]; scores: number[] }[];
    assert.deepEqual(a.classes, ['0', '1']);
    assert.ok(Math.abs(a.scores[0] + a.scores[1] - 1) < 1e-12);
    assert.ok(a.scores[1] > 0.5 && b.scores[1] < 0.05, `fraud scores ${a.scores[1]} and ${b.scores[1]}`);
    assert.ok([D.churnV1, D.churnV2].includes(response.deployedModelId as never));
    assert.equal(response.model, `projects/123456789012/locations/us-central1/models/${DEMO_IDS.models.churnClassifier}`);
    assert.equal(response.modelVersionId, response.deployedModelId === D.churnV1 ? '1' : '2');
  });

  it('routes by the traffic split: 400 calls land about 70/30 and 90/10', async () => {
    const [endpoint] = await endpoints.getEndpoint({ name: CHURN });
    const split = endpoint.trafficSplit ?? {};
    const served = new Map<string, number>();
    for (let i = 0; i < 400; i++) {
      const [response] = await client.predict({ endpoint: CHURN, instances: [value(instance(i % 20))] });
      served.set(String(response.deployedModelId), (served.get(String(response.deployedModelId)) ?? 0) + 1);
    }
    assert.deepEqual([...served.keys()].sort(), Object.keys(split).sort());
    // ±4 standard deviations of a binomial(400, share).
    for (const [id, share] of Object.entries(split)) {
      const expected = (400 * Number(share)) / 100;
      assert.ok(Math.abs((served.get(id) ?? 0) - expected) <= 4 * Math.sqrt(expected * (1 - Number(share) / 100)), `${id}: ${served.get(id)} of 400 for ${share}%`);
    }

    const versions = new Map<string, number>();
    for (let i = 0; i < 400; i++) {
      const [response] = await client.generateContent({ model: SUPPORT_BOT, contents: [{ role: 'user', parts: [{ text: 'hello' }] }], generationConfig: { maxOutputTokens: 1 } });
      const version = /@(\d+) /.exec(String(response.modelVersion))?.[1] ?? '?';
      versions.set(version, (versions.get(version) ?? 0) + 1);
    }
    const v3 = versions.get('3') ?? 0;
    assert.equal(v3 + (versions.get('2') ?? 0), 400, 'every answer names version 2 or 3');
    assert.ok(Math.abs(v3 - 40) <= 24, `version 3 (10% canary) served ${v3} of 400`);
  });

  it('explains exactly: attributions add up to the instance output minus the baseline output', async () => {
    const [response] = await client.explain({ endpoint: CHURN, instances: [0, 1, 2].map((i) => value(instance(i))) });
    assert.equal(response.explanations?.length, 3);
    for (const [i, explanation] of (response.explanations ?? []).entries()) {
      const attribution = explanation.attributions?.[0];
      const features = plain(attribution?.featureAttributions as Value) as Record<string, number>;
      assert.deepEqual(Object.keys(features).sort(), ['amount', 'card_present', 'distance_from_home_km', 'hour_of_day', 'merchant_category']);
      const sum = Object.values(features).reduce((a, b) => a + b, 0);
      assert.ok(Math.abs(sum - (Number(attribution?.instanceOutputValue) - Number(attribution?.baselineOutputValue))) < 1e-6);
      assert.equal(Number(attribution?.approximationError ?? 0), 0);
      const score = (plain(response.predictions?.[i]) as { scores: number[] }).scores[1];
      assert.ok(Math.abs(1 / (1 + Math.exp(-Number(attribution?.instanceOutputValue))) - score) < 1e-9, 'the output explained is the logit of the score');
    }
    const [pinned] = await client.explain({ endpoint: CHURN, deployedModelId: D.churnV2, instances: [value(instance(0))] });
    assert.equal(pinned.deployedModelId, D.churnV2);
  });

  it('rejects bad instances with a precise message per field', async () => {
    const err = await rejection(client.predict({ endpoint: CHURN, instances: [value({ ...instance(0), amount: 'a lot' }), value({ hour_of_day: 3 })] }));
    assert.equal(err.code, 3);
    assert.match(err.message, /Field: instances\[0\]\.amount; Message: Feature "amount" of instance 0 must be a number, got "a lot"\./);
    assert.match(err.message, /Field: instances\[1\]\.merchant_category; Message: Instance 1 is missing the required feature "merchant_category"\./);
    // Language models explain by leave-one-out over the prompt's words: they need one.
    const lm = await rejection(client.explain({ endpoint: SUPPORT_BOT, instances: [value({ question: 'hi' })] }));
    assert.equal(lm.code, 3);
    assert.match(lm.message, /instances\[0\]\.prompt/);
    const empty = await rejection(client.predict({ endpoint: `${US_PARENT}/endpoints/${DEMO_IDS.endpoints.stagingSandbox}`, instances: [value(instance(0))] }));
    assert.equal(empty.code, 9);
  });

  it('serves an open model: vLLM-style predict, and rawPredict with an OpenAI chat body', async () => {
    const [predicted] = await client.predict({ endpoint: GEMMA, instances: [value({ prompt: 'Tell me about the wolf.', max_tokens: 12, temperature: 0 })] });
    assert.match(String(plain(predicted.predictions?.[0])), /^Prompt:\nTell me about the wolf\.\nOutput:\n.+/s);
    // The official client decodes rawPredict's answer as an HttpBody message and drops the
    // container's JSON (as against Vertex), so callers post the raw body, like curl or the OpenAI SDK.
    const response = await h.fetch(`/v1/${GEMMA}:rawPredict`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Tell me about the wolf.' }], max_tokens: 8, temperature: 0 }),
    });
    assert.equal(response.status, 200);
    const body = (await response.json()) as { object: string; choices: { message: { role: string; content: string }; finish_reason: string }[]; usage: Record<string, number> };
    assert.equal(body.object, 'chat.completion');
    assert.equal(body.choices[0].message.role, 'assistant');
    assert.equal(body.choices[0].finish_reason, 'length');
    assert.equal(body.usage.prompt_tokens, tokenize('Be brief. Tell me about the wolf.').length);
    assert.equal(body.usage.completion_tokens, tokenize(body.choices[0].message.content).length);
    const bad = await h.fetch(`/v1/${GEMMA}:rawPredict`, { method: 'POST', body: JSON.stringify({ prompt: 'no messages' }) });
    assert.equal(bad.status, 400);
  });
});
