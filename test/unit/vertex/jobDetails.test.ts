// The job panel's data through the vertex/ layer: a real tuning run's statistics and
// measured loss curves from TensorBoard, a custom job's curves, a failed job's error.
import * as assert from 'node:assert/strict';
import { GenAiTuningServiceClient } from '@google-cloud/aiplatform/build/src/v1/gen_ai_tuning_service_client';
import { ClientPool } from '../../../src/vertex/clients';
import { getJobDetails } from '../../../src/vertex/jobDetails';
import { listCustomJobs } from '../../../src/vertex/jobs';
import { readCurves } from '../../../src/vertex/tensorboard';
import { US_PARENT, useEmulator } from '@vertex-genai-ops/emulator/harness';

const DATA = 'gs://genai-demo-tuning/support-chat';

describe('vertex job details and TensorBoard curves (against the emulator)', function () {
  this.timeout(30_000);
  const h = useEmulator({ operationDelayMs: 600, jobDurationMs: 200 });
  let pool: ClientPool;
  let tuning: GenAiTuningServiceClient;
  before(() => {
    pool = new ClientPool({ backend: 'emulator', project: 'genai-demo', regions: ['us-central1'], emulatorUrl: h.emulator.url });
    tuning = new GenAiTuningServiceClient(h.clientOptions());
  });
  after(() => Promise.all([pool.dispose(), tuning.close()]));

  async function until<T>(what: string, check: () => Promise<T | undefined>): Promise<T> {
    for (const deadline = Date.now() + 10_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 20))) {
      const value = await check();
      if (value !== undefined) return value;
    }
    throw new Error(`timed out waiting for ${what}`);
  }

  it('a tuning job: statistics while running, then one measured train and eval loss per epoch that falls as it trains', async () => {
    const [job] = await tuning.createTuningJob({
      parent: US_PARENT,
      tuningJob: {
        baseModel: 'gemini-2.0-flash-lite-001',
        tunedModelDisplayName: 'curves',
        supervisedTuningSpec: { trainingDatasetUri: `${DATA}/train.jsonl`, validationDatasetUri: `${DATA}/validation.jsonl`, hyperParameters: { epochCount: 4 } },
      },
    });
    const name = String(job.name).replace('123456789012', 'genai-demo');
    const running = await until('RUNNING', async () => {
      const d = await getJobDetails(pool, name);
      return d.job.state === 'running' ? d : undefined;
    });
    assert.ok(running.stats.some((s) => s.label === 'Training examples' && Number(s.value) > 0), JSON.stringify(running.stats));
    assert.deepEqual(running.timeline.map((t) => t.label), ['Created', 'Started']);
    const partial = await readCurves(pool, { region: 'us-central1', experimentId: running.experimentId! });
    // (On a loaded machine the job may finish while the curves are read: then there is nothing to check.)
    if ((await getJobDetails(pool, name)).job.state === 'running') {
      assert.ok(partial.every((c) => c.points.length < 5), 'a running job has not logged every epoch yet');
    }

    const done = await until('SUCCEEDED', async () => {
      const d = await getJobDetails(pool, name);
      return d.job.state === 'succeeded' ? d : undefined;
    });
    assert.deepEqual(done.timeline.map((t) => t.label), ['Created', 'Started', 'Succeeded']);
    const curves = await readCurves(pool, { region: 'us-central1', experimentId: done.experimentId! });
    const train = curves.find((c) => c.metric === '/train_total_loss');
    const evaluation = curves.find((c) => c.metric === '/eval_total_loss');
    assert.deepEqual(train?.points.map((p) => p.step), [0, 1, 2, 3, 4], 'the base model at step 0, then each epoch');
    assert.equal(evaluation?.points.length, 5);
    const losses = train!.points.map((p) => p.value);
    for (let i = 1; i < losses.length; i++) assert.ok(losses[i] < losses[i - 1], `training loss falls each epoch: ${losses.join(', ')}`);
  });

  it('a custom job: loss and learning-rate curves from the TensorBoard its spec names', async () => {
    const { items } = await listCustomJobs(pool, { region: 'us-central1' });
    const gpu = items.find((j) => j.displayName === 'llama-3-8b-lora-l4')!;
    const details = await getJobDetails(pool, gpu.name);
    const curves = await readCurves(pool, { region: 'us-central1', experimentId: details.experimentId!, tensorboard: details.tensorboard });
    assert.deepEqual(curves.map((c) => c.metric).sort(), ['learning_rate', 'loss']);
    assert.ok(curves.every((c) => c.points.length > 1));
  });

  it('a failed tuning job carries its error as one sentence', async () => {
    const [job] = await tuning.createTuningJob({
      parent: US_PARENT,
      tuningJob: { baseModel: 'gemini-2.0-flash-lite-001', supervisedTuningSpec: { trainingDatasetUri: 'gs://genai-demo-tuning/missing.jsonl' } },
    });
    const name = String(job.name).replace('123456789012', 'genai-demo');
    const failed = await until('FAILED', async () => {
      const d = await getJobDetails(pool, name);
      return d.job.state === 'failed' ? d : undefined;
    });
    assert.match(failed.error?.message ?? '', /missing\.jsonl/);
    assert.equal(failed.timeline.at(-1)?.label, 'Failed');
  });
});
