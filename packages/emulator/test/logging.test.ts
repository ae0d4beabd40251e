import * as assert from 'node:assert/strict';
import type { protos } from '@google-cloud/aiplatform';
import { EndpointServiceClient } from '@google-cloud/aiplatform/build/src/v1/endpoint_service_client';
import { PredictionServiceClient } from '@google-cloud/aiplatform/build/src/v1/prediction_service_client';
import { BigQuery } from '@google-cloud/bigquery';
import { OAuth2Client } from 'google-auth-library';
import { generateFraudRows } from '../src/models/fraudData';
import { DEMO_IDS } from '../src/seeds/demoIds';
import { US_PARENT, useEmulator } from './emulatorHarness';
import { testClock } from './testClock';

const CHURN = `${US_PARENT}/endpoints/${DEMO_IDS.endpoints.churnScoring}`;
const SUPPORT_BOT = `${US_PARENT}/endpoints/${DEMO_IDS.endpoints.supportBotProd}`;
const GEMMA = `${US_PARENT}/endpoints/${DEMO_IDS.endpoints.gemmaLoraGpu}`;
const CANONICAL = (name: string) => name.replace('projects/genai-demo/', 'projects/123456789012/');
const D = DEMO_IDS.deployedModels;
const CHURN_DATASET = `logging_churn_scoring_${DEMO_IDS.endpoints.churnScoring}`;

function value(v: unknown): protos.google.protobuf.IValue {
  if (typeof v === 'number') return { numberValue: v };
  if (typeof v === 'string') return { stringValue: v };
  if (typeof v === 'boolean') return { boolValue: v };
  return { structValue: { fields: Object.fromEntries(Object.entries(v as object).map(([k, x]) => [k, value(x)])) } };
}
const instances = (n: number, seed: number) => generateFraudRows(n, seed).map(({ transaction_id: _id, is_fraud: _label, ...features }) => value(features));

describe('emulator: request-response logging', function () {
  this.timeout(60_000);
  const h = useEmulator({ tokenDelayMs: 0 });
  let prediction: PredictionServiceClient;
  let endpoints: EndpointServiceClient;
  let bq: BigQuery;
  before(() => {
    prediction = new PredictionServiceClient(h.clientOptions());
    endpoints = new EndpointServiceClient(h.clientOptions());
    const authClient = new OAuth2Client();
    authClient.setCredentials({ access_token: 'emulator', expiry_date: Date.now() + 3_600_000 });
    bq = new BigQuery({ apiEndpoint: h.emulator.url, projectId: 'genai-demo', authClient });
  });
  after(async () => {
    await prediction.close();
    await endpoints.close();
  });
  const setLogging = (config: protos.google.cloud.aiplatform.v1.IPredictRequestResponseLoggingConfig) =>
    endpoints.updateEndpoint({ endpoint: { name: CHURN, predictRequestResponseLoggingConfig: config }, updateMask: { paths: ['predict_request_response_logging_config'] } });
  const query = async <T>(sql: string, params?: Record<string, unknown>) => (await bq.query({ query: sql, params }))[0] as T[];
  const churnRows = () => query<{ n: number }>(`SELECT COUNT(*) AS n FROM \`genai-demo.${CHURN_DATASET}.request_response_logging\``).then((r) => Number(r[0].n));

  it('logs each predict into the default dataset when only bq://project is given, with instances, predictions, latency and status', async () => {
    await setLogging({ enabled: true, samplingRate: 1, bigqueryDestination: { outputUri: 'bq://genai-demo' } });
    const served: string[] = [];
    for (let i = 0; i < 10; i++) {
      const [response] = await prediction.predict({ endpoint: CHURN, instances: instances(2, 500 + i) });
      served.push(String(response.deployedModelId));
    }
    const rows = await query<{ endpoint: string; deployed_model_id: string; api_method: string; request_payload: string[]; response_payload: string[]; metadata: string; model_version: string }>(
      `SELECT endpoint, deployed_model_id, api_method, request_payload, response_payload, metadata, model_version FROM \`genai-demo.${CHURN_DATASET}.request_response_logging\` ORDER BY logging_time`,
    );
    assert.equal(rows.length, 10);
    assert.deepEqual(rows.map((r) => r.deployed_model_id), served, 'each row names the deployed model the traffic split chose');
    for (const row of rows) {
      assert.equal(row.endpoint, CANONICAL(CHURN));
      assert.equal(row.api_method, 'predict');
      assert.equal(row.request_payload.length, 2);
      assert.ok('amount' in JSON.parse(row.request_payload[0]));
      assert.deepEqual(JSON.parse(row.response_payload[1]).classes, ['0', '1']);
      const metadata = JSON.parse(row.metadata) as { request_latency: number; status_code: number };
      assert.equal(metadata.status_code, 200);
      assert.ok(metadata.request_latency >= 0 && metadata.request_latency < 5000);
      assert.equal(row.model_version, row.deployed_model_id === D.churnV1 ? '1' : '2');
    }
  });

  it('logs a failed predict with its status, and stops when logging is turned off', async () => {
    const before = await churnRows();
    await assert.rejects(prediction.predict({ endpoint: CHURN, instances: [value({ amount: 'lots' })] }));
    const [failed] = await query<{ metadata: string }>(`SELECT metadata FROM \`genai-demo.${CHURN_DATASET}.request_response_logging\` ORDER BY logging_time DESC LIMIT 1`);
    assert.equal(JSON.parse(failed.metadata).status_code, 400);
    await setLogging({ enabled: false, bigqueryDestination: { outputUri: 'bq://genai-demo' } });
    await prediction.predict({ endpoint: CHURN, instances: instances(1, 7) });
    assert.equal(await churnRows(), before + 1);
  });

  it('honours the sampling rate with a seeded draw', async () => {
    await setLogging({ enabled: true, samplingRate: 0.25, bigqueryDestination: { outputUri: 'bq://genai-demo' } });
    const before = await churnRows();
    for (let i = 0; i < 20; i++) await prediction.predict({ endpoint: CHURN, instances: instances(10, 900 + i).slice(0, 1) });
    for (let i = 0; i < 180; i++) await prediction.predict({ endpoint: CHURN, instances: instances(1, 2000 + i) });
    const logged = (await churnRows()) - before;
    // 200 draws at 0.25: 50 expected, σ ≈ 6.1.
    assert.ok(logged >= 32 && logged <= 68, `${logged} of 200 logged at a 25% rate`);
  });

  it('logs generateContent and streamGenerateContent with full_request and full_response (streams merged)', async () => {
    const table = '`genai-demo.genai_demo_logs.request_response_logging`';
    const since = testClock().toISOString();
    const [answer] = await prediction.generateContent({ model: SUPPORT_BOT, contents: [{ role: 'user', parts: [{ text: 'How do I reset my password?' }] }], generationConfig: { seed: 3, maxOutputTokens: 20 } });
    const streamed: string[] = [];
    for await (const chunk of prediction.streamGenerateContent({ model: SUPPORT_BOT, contents: [{ role: 'user', parts: [{ text: 'My invoice is wrong' }] }], generationConfig: { seed: 4, maxOutputTokens: 20 } })) {
      streamed.push(String(chunk.candidates?.[0]?.content?.parts?.[0]?.text ?? ''));
    }
    const rows = await query<{ api_method: string; full_request: string; full_response: string; deployed_model_id: string }>(
      `SELECT api_method, full_request, full_response, deployed_model_id FROM ${table} WHERE logging_time >= @since ORDER BY logging_time`,
      { since: new Date(since) },
    );
    assert.deepEqual(rows.map((r) => r.api_method), ['generateContent', 'streamGenerateContent']);
    const [one, two] = rows.map((r) => ({ request: JSON.parse(r.full_request), response: JSON.parse(r.full_response) }));
    assert.equal(one.request.contents[0].parts[0].text, 'How do I reset my password?');
    assert.equal(one.response.candidates[0].content.parts[0].text, answer.candidates?.[0]?.content?.parts?.[0]?.text);
    assert.equal(one.response.usageMetadata.totalTokenCount, answer.usageMetadata?.totalTokenCount);
    assert.equal(two.response.candidates[0].content.parts[0].text, streamed.join(''));
    assert.equal(two.response.candidates[0].finishReason, 'MAX_TOKENS', 'enum names, not numbers');
    assert.ok([D.supportBotV2, D.supportBotV3].includes(rows[0].deployed_model_id as never));
  });

  it('logs rawPredict bodies as request and response payloads', async () => {
    const since = testClock();
    const body = { messages: [{ role: 'user', content: 'Tell me a fable' }], max_tokens: 8, seed: 1 };
    const response = await h.fetch(`/v1/${GEMMA}:rawPredict`, { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });
    const completion = (await response.json()) as { choices: { message: { content: string } }[] };
    const [row] = await query<{ request_payload: string[]; response_payload: string[]; api_method: string }>(
      'SELECT request_payload, response_payload, api_method FROM `genai-demo.genai_demo_logs.request_response_logging` WHERE logging_time >= @since',
      { since },
    );
    assert.equal(row.api_method, 'rawPredict');
    assert.deepEqual(JSON.parse(row.request_payload[0]), body);
    assert.equal(JSON.parse(row.response_payload[0]).choices[0].message.content, completion.choices[0].message.content);
  });
});
