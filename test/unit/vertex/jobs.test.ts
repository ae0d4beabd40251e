// All three kinds of job through the vertex/ layer, against the emulator.
import * as assert from 'node:assert/strict';
import { JobServiceClient } from '@google-cloud/aiplatform/build/src/v1/job_service_client';
import { ClientPool } from '../../../src/vertex/clients';
import { listAllJobs, listHyperparameterTuningJobs } from '../../../src/vertex/jobs';
import { US_PARENT, useEmulator } from '@vertex-genai-ops/emulator/harness';
import { emulatorPool } from '../../support/emulatorPool';

describe('vertex jobs (against the emulator)', function () {
  this.timeout(30_000);
  const h = useEmulator({ jobDurationMs: 100 });
  let pool: ClientPool;
  before(() => (pool = emulatorPool(h)));
  after(() => pool.dispose());

  it('lists Gemini tuning, custom GPU/TPU and hyperparameter jobs as one list, newest first', async () => {
    const { items } = await listAllJobs(pool, { region: 'us-central1' });
    const kinds = new Set(items.map((j) => j.kind));
    assert.deepEqual([...kinds].sort(), ['custom', 'hyperparameterTuning', 'tuning']);
    const times = items.map((j) => j.createTime?.getTime() ?? 0);
    assert.deepEqual(times, [...times].sort((a, b) => b - a));
    const gpu = items.find((j) => j.displayName === 'llama-3-8b-lora-l4');
    const tpu = items.find((j) => j.displayName === 'gemma-2b-peft-tpu');
    assert.ok(gpu?.kind === 'custom' && tpu?.kind === 'custom');
    assert.deepEqual([gpu.machine.machineType, gpu.machine.acceleratorType, gpu.machine.acceleratorCount], ['g2-standard-8', 'NVIDIA_L4', 1]);
    assert.equal(tpu.machine.acceleratorType, 'TPU_V5_LITEPOD');
    assert.equal(tpu.machine.tpuTopology, '2x2');
    const sweep = items.find((j) => j.displayName === 'gemma-lora-sweep-t4');
    assert.ok(sweep?.kind === 'hyperparameterTuning', 'the demo has a hyperparameter sweep');
    assert.deepEqual([sweep.state, sweep.trialsCompleted, sweep.maxTrialCount, sweep.bestTrial], ['succeeded', 6, 6, { id: '5', value: 1.251 }]);
  });

  it('continues only the lists that have more when paging', async () => {
    const first = await listAllJobs(pool, { region: 'us-central1', pageSize: 2 });
    assert.ok(first.nextPageToken);
    const seen = new Set(first.items.map((j) => j.name));
    let token: string | undefined = first.nextPageToken;
    while (token) {
      const next = await listAllJobs(pool, { region: 'us-central1', pageSize: 2, pageToken: token });
      for (const j of next.items) {
        assert.ok(!seen.has(j.name), `${j.name} came twice`);
        seen.add(j.name);
      }
      token = next.nextPageToken;
    }
    const all = await listAllJobs(pool, { region: 'us-central1' });
    assert.equal(seen.size, all.items.length);
  });

  it('reads a hyperparameter tuning job with its trials and best trial', async () => {
    const client = new JobServiceClient(h.clientOptions());
    await client.createHyperparameterTuningJob({
      parent: US_PARENT,
      hyperparameterTuningJob: {
        displayName: 'lr-sweep',
        maxTrialCount: 4,
        parallelTrialCount: 2,
        trialJobSpec: { workerPoolSpecs: [{ machineSpec: { machineType: 'n1-standard-8', acceleratorType: 'NVIDIA_TESLA_T4', acceleratorCount: 1 }, replicaCount: 1, containerSpec: { imageUri: 'us-docker.pkg.dev/genai-demo/trainers/churn:latest' } }] },
        studySpec: { metrics: [{ metricId: 'loss', goal: 'MINIMIZE' }], parameters: [{ parameterId: 'learning_rate', doubleValueSpec: { minValue: 1e-5, maxValue: 1e-1 }, scaleType: 'UNIT_LOG_SCALE' }] },
      },
    });
    await client.close();
    let job;
    for (const deadline = Date.now() + 10_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 50))) {
      job = (await listHyperparameterTuningJobs(pool, { region: 'us-central1' })).items.find((j) => j.displayName === 'lr-sweep');
      if (job?.state === 'succeeded') break;
    }
    assert.equal(job?.state, 'succeeded');
    assert.equal(job.trialsCompleted, 4);
    assert.equal(job.machine.acceleratorType, 'NVIDIA_TESLA_T4');
    assert.ok(job.bestTrial, 'a finished sweep has a best trial');
    assert.equal(job.metricId, 'loss');
  });
});
