import * as assert from 'node:assert/strict';
import { GenAiTuningServiceClient } from '@google-cloud/aiplatform/build/src/v1/gen_ai_tuning_service_client';
import { JobServiceClient } from '@google-cloud/aiplatform/build/src/v1/job_service_client';
import { DEMO_IDS } from '../src/seeds/demoIds';
import { EU_PARENT, US_PARENT, rejection, useEmulator } from './emulatorHarness';

describe('emulator: tuning and custom jobs', function () {
  this.timeout(20_000);
  const h = useEmulator();
  let tuning: GenAiTuningServiceClient;
  let jobs: JobServiceClient;
  before(() => {
    tuning = new GenAiTuningServiceClient(h.clientOptions());
    jobs = new JobServiceClient(h.clientOptions());
  });
  after(async () => {
    await tuning.close();
    await jobs.close();
  });

  it('has Gemini tuning jobs in every state', async () => {
    const [all] = await tuning.listTuningJobs({ parent: US_PARENT });
    const states = new Set(all.map((j) => String(j.state)));
    for (const s of ['JOB_STATE_PENDING', 'JOB_STATE_RUNNING', 'JOB_STATE_SUCCEEDED', 'JOB_STATE_FAILED', 'JOB_STATE_CANCELLED']) {
      assert.ok(states.has(s), `missing ${s}`);
    }
    const [eu] = await tuning.listTuningJobs({ parent: EU_PARENT });
    assert.equal(eu.length, 1);
  });

  it('filters by state and shows the tuned model of a succeeded job', async () => {
    const [succeeded] = await tuning.listTuningJobs({ parent: US_PARENT, filter: 'state=JOB_STATE_SUCCEEDED' });
    assert.equal(succeeded.length, 2);
    const v2 = succeeded.find((j) => j.tunedModelDisplayName === 'support-bot-v2');
    assert.match(String(v2?.tunedModel?.model), /\/models\/\d+@2$/);
    assert.match(String(v2?.tunedModel?.endpoint), /\/endpoints\/\d+$/);
    const [failed] = await tuning.listTuningJobs({ parent: US_PARENT, filter: 'state=JOB_STATE_FAILED' });
    assert.equal(failed[0].error?.code, 3);
  });

  it('cancels a running job once', async () => {
    const name = `${US_PARENT}/tuningJobs/${DEMO_IDS.tuningJobs.supportBotV3Running}`;
    await tuning.cancelTuningJob({ name });
    const [job] = await tuning.getTuningJob({ name });
    assert.equal(job.state, 'JOB_STATE_CANCELLED');
    const again = await rejection(tuning.cancelTuningJob({ name }));
    assert.equal(again.code, 9);
  });

  it('creates a tuning job in PENDING state', async () => {
    const [job] = await tuning.createTuningJob({
      parent: US_PARENT,
      tuningJob: { baseModel: 'gemini-2.0-flash-001', supervisedTuningSpec: { trainingDatasetUri: 'gs://genai-demo-data/x/train.jsonl' } },
    });
    assert.equal(job.state, 'JOB_STATE_PENDING');
    assert.match(String(job.name), /^projects\/123456789012\/locations\/us-central1\/tuningJobs\/\d{19}$/);
  });

  it('has a GPU (L4) and a TPU (v5e) custom job', async () => {
    const [custom] = await jobs.listCustomJobs({ parent: US_PARENT });
    const specs = custom.map((j) => j.jobSpec?.workerPoolSpecs?.[0]?.machineSpec);
    assert.deepEqual(
      specs.map((s) => [s?.machineType, s?.acceleratorType]),
      [
        ['g2-standard-8', 'NVIDIA_L4'],
        ['ct5lp-hightpu-4t', 'TPU_V5_LITEPOD'],
      ],
    );
  });
});
