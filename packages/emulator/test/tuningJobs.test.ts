import * as assert from 'node:assert/strict';
import type { protos } from '@google-cloud/aiplatform';
import { EndpointServiceClient } from '@google-cloud/aiplatform/build/src/v1/endpoint_service_client';
import { GenAiTuningServiceClient } from '@google-cloud/aiplatform/build/src/v1/gen_ai_tuning_service_client';
import { ModelServiceClient } from '@google-cloud/aiplatform/build/src/v1/model_service_client';
import { PredictionServiceClient } from '@google-cloud/aiplatform/build/src/v1/prediction_service_client';
import { tokenize } from '../src/models/tokenizer';
import { SUPPORT_CONVERSATIONS, SUPPORT_VALIDATION_COUNT } from '../src/seeds/demoSupportChat';
import { US_PARENT, rejection, useEmulator } from './emulatorHarness';

type TuningJob = protos.google.cloud.aiplatform.v1.ITuningJob;
const DATA = 'gs://genai-demo-tuning';
const BASE = 'gemini-2.0-flash-lite-001';

/** Share of the answer's tokens found in the reference answer. */
function overlap(answer: string, reference: string): number {
  const words = new Set(tokenize(reference.toLowerCase()));
  const tokens = tokenize(answer.toLowerCase());
  return tokens.filter((t) => words.has(t)).length / Math.max(1, tokens.length);
}

describe('emulator: Gemini supervised tuning that really trains', function () {
  this.timeout(30_000);
  // Each state lasts a delay or two: long enough that a poll on a loaded 2-core machine
  // still sees RUNNING and CANCELLING, which at 40 ms it sometimes slept through.
  const h = useEmulator({ operationDelayMs: 300 });
  let tuning: GenAiTuningServiceClient;
  let models: ModelServiceClient;
  let endpoints: EndpointServiceClient;
  let prediction: PredictionServiceClient;
  before(() => {
    tuning = new GenAiTuningServiceClient(h.clientOptions());
    models = new ModelServiceClient(h.clientOptions());
    endpoints = new EndpointServiceClient(h.clientOptions());
    prediction = new PredictionServiceClient(h.clientOptions());
  });
  after(() => Promise.all([tuning.close(), models.close(), endpoints.close(), prediction.close()]));

  const create = (spec: protos.google.cloud.aiplatform.v1.ISupervisedTuningSpec, baseModel = BASE) =>
    tuning.createTuningJob({ parent: US_PARENT, tuningJob: { baseModel, tunedModelDisplayName: 'support-lite', supervisedTuningSpec: spec } }).then(([job]) => job);

  /** Polls until the job leaves the states in `passing`; returns every state seen. */
  async function settle(name: string, passing = ['JOB_STATE_PENDING', 'JOB_STATE_RUNNING', 'JOB_STATE_CANCELLING'], seen: string[] = []): Promise<{ job: TuningJob; seen: string[] }> {
    for (const deadline = Date.now() + 10_000; Date.now() < deadline; ) {
      const [job] = await tuning.getTuningJob({ name });
      if (seen[seen.length - 1] !== job.state) seen.push(String(job.state));
      if (!passing.includes(String(job.state))) return { job, seen };
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`${name} did not finish; states seen: ${seen.join(' → ')}`);
  }

  it('tunes on JSONL from Cloud Storage: PENDING → RUNNING → SUCCEEDED, with a model, an endpoint and data statistics', async () => {
    const job = await create({
      trainingDatasetUri: `${DATA}/support-chat/train.jsonl`,
      validationDatasetUri: `${DATA}/support-chat/validation.jsonl`,
      hyperParameters: { epochCount: 3, learningRateMultiplier: 1 },
    });
    assert.equal(job.state, 'JOB_STATE_PENDING');
    // The create reply is the first state seen: no poll has to beat the provisioning delay.
    const { job: done, seen } = await settle(String(job.name), undefined, [String(job.state)]);
    assert.deepEqual(seen, ['JOB_STATE_PENDING', 'JOB_STATE_RUNNING', 'JOB_STATE_SUCCEEDED']);
    const stats = done.tuningDataStats?.supervisedTuningDataStats;
    assert.equal(Number(stats?.tuningDatasetExampleCount), SUPPORT_CONVERSATIONS.length - SUPPORT_VALIDATION_COUNT);
    const trainTokens = SUPPORT_CONVERSATIONS.slice(0, -SUPPORT_VALIDATION_COUNT)
      .flatMap((c) => c.turns)
      .reduce((n, t) => n + tokenize(t.user).length + tokenize(t.model).length, 0);
    assert.equal(Number(stats?.totalBillableTokenCount), trainTokens);
    assert.ok(done.startTime?.seconds && done.endTime?.seconds);

    const modelName = String(done.tunedModel?.model);
    assert.match(modelName, /^projects\/123456789012\/locations\/us-central1\/models\/\d{19}@1$/);
    const [model] = await models.getModel({ name: modelName });
    assert.equal(model.displayName, 'support-lite');
    assert.equal(model.versionId, '1');
    const [endpoint] = await endpoints.getEndpoint({ name: String(done.tunedModel?.endpoint) });
    const deployed = endpoint.deployedModels?.[0];
    assert.equal(`${deployed?.model}@${deployed?.modelVersionId}`, modelName);
    assert.deepEqual(endpoint.trafficSplit, { [String(deployed?.id)]: 100 });
  });

  it('makes a model that answers closer to the tuning data than its base model', async () => {
    const job = await create({ trainingDatasetUri: `${DATA}/support-chat/train.jsonl`, hyperParameters: { epochCount: 2 } });
    const { job: done } = await settle(String(job.name));
    const answer = async (model: string, question: string) => {
      const [response] = await prediction.generateContent({ model, contents: [{ role: 'user', parts: [{ text: question }] }], generationConfig: { temperature: 0, maxOutputTokens: 40 } });
      return String(response.candidates?.[0]?.content?.parts?.[0]?.text);
    };
    for (const conversation of SUPPORT_CONVERSATIONS.slice(0, 5)) {
      const { user, model } = conversation.turns[0];
      const tuned = overlap(await answer(String(done.tunedModel?.endpoint), user), model);
      const base = overlap(await answer(`${US_PARENT}/publishers/google/models/${BASE}`, user), model);
      assert.ok(tuned > 0.8 && tuned > base + 0.2, `"${user}": tuned ${tuned.toFixed(2)} vs base ${base.toFixed(2)}`);
    }
  });

  it('fails a job whose JSONL is malformed, naming the line, and one whose file does not exist', async () => {
    const bad = await settle(String((await create({ trainingDatasetUri: `${DATA}/bad/train.jsonl` })).name));
    assert.equal(bad.job.state, 'JOB_STATE_FAILED');
    assert.equal(bad.job.error?.code, 3);
    assert.match(String(bad.job.error?.message), /^Dataset validation failed: gs:\/\/genai-demo-tuning\/bad\/train\.jsonl line 3: not valid JSON/);
    assert.equal(bad.job.tunedModel, null);
    const missing = await settle(String((await create({ trainingDatasetUri: `${DATA}/nowhere/train.jsonl` })).name));
    assert.equal(missing.job.error?.code, 5);
    assert.match(String(missing.job.error?.message), /No such object: genai-demo-tuning\/nowhere\/train\.jsonl/);
  });

  it('cancels a live job through CANCELLING to CANCELLED', async () => {
    const job = await create({ trainingDatasetUri: `${DATA}/support-chat/train.jsonl` });
    await tuning.cancelTuningJob({ name: job.name });
    const [cancelling] = await tuning.getTuningJob({ name: job.name });
    assert.equal(cancelling.state, 'JOB_STATE_CANCELLING');
    const { job: cancelled } = await settle(String(job.name));
    assert.equal(cancelled.state, 'JOB_STATE_CANCELLED');
    assert.equal(cancelled.error?.code, 1);
    assert.equal(cancelled.tunedModel, null);
    const again = await rejection(tuning.cancelTuningJob({ name: job.name }));
    assert.equal(again.code, 9);
  });

  it('validates the request like Vertex: 400 with a field violation per problem', async () => {
    const unknown = await rejection(create({ trainingDatasetUri: `${DATA}/support-chat/train.jsonl` }, 'gemini-0.9-nano'));
    assert.equal(unknown.code, 3);
    assert.match(unknown.message, /Field: tuning_job\.base_model; Message: Base model gemini-0\.9-nano is not supported for supervised tuning\. Supported base models: gemini-2\.0-flash-001, gemini-2\.0-flash-lite-001, gemini-1\.5-pro-002, gemini-1\.5-flash-002\./);
    const noData = await rejection(create({ validationDatasetUri: `${DATA}/support-chat/validation.jsonl` }));
    assert.match(noData.message, /Field: tuning_job\.supervised_tuning_spec\.training_dataset_uri; Message: Required field is not set\./);
    assert.match(JSON.stringify(noData.statusDetails), /fieldViolations/);
    const epochs = await rejection(create({ trainingDatasetUri: `${DATA}/support-chat/train.jsonl`, hyperParameters: { epochCount: 0 } }));
    assert.match(epochs.message, /epoch_count; Message: The epoch count must be between 1 and 100, got 0\./);
    const adapter = await rejection(create({ trainingDatasetUri: `${DATA}/support-chat/train.jsonl`, hyperParameters: { adapterSize: 'ADAPTER_SIZE_SIXTEEN' } }));
    assert.match(adapter.message, /The adapter size is not supported for this base model\./);
  });
});
