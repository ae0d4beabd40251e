import * as assert from 'node:assert/strict';
import { JobServiceClient } from '@google-cloud/aiplatform/build/src/v1/job_service_client';
import type { protos } from '@google-cloud/aiplatform';
import { US_PARENT, rejection, useEmulator } from './emulatorHarness';

type CustomJob = protos.google.cloud.aiplatform.v1.ICustomJob;

/** Polls until `done` holds (jobs move on in emulated time). */
async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out; last value: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const container = { imageUri: 'us-docker.pkg.dev/vertex-ai/training/pytorch-gpu.2-3.py310:latest', args: ['--epochs=2'] };
const gpuPool = (count = 1) => ({ machineSpec: { machineType: 'g2-standard-8', acceleratorType: 'NVIDIA_L4' as const, acceleratorCount: count }, replicaCount: 1, containerSpec: container });

describe('emulator: custom jobs on GPUs and TPUs', function () {
  this.timeout(30_000);
  // The demo already trains on one L4 in us-central1; allow two. A 2 s run keeps each state
  // (queued and cancelling are a fifth of it) long enough for a poll on a loaded machine.
  const h = useEmulator({ jobDurationMs: 2000, quotas: [{ region: 'us-central1', kind: 'training', accelerator: 'NVIDIA_L4', limit: 2 }] });
  let jobs: JobServiceClient;
  before(() => {
    jobs = new JobServiceClient(h.clientOptions());
  });
  after(() => jobs.close());
  const get = (name: string) => async () => (await jobs.getCustomJob({ name }))[0];
  const create = (displayName: string, workerPoolSpecs: object[]) => jobs.createCustomJob({ parent: US_PARENT, customJob: { displayName, jobSpec: { workerPoolSpecs } } });

  it('runs a GPU job from PENDING through RUNNING to SUCCEEDED', async () => {
    const [created] = await create('l4-lora', [gpuPool()]);
    assert.equal(created.state, 'JOB_STATE_PENDING');
    const running = await until(get(String(created.name)), (j: CustomJob) => j.state !== 'JOB_STATE_PENDING');
    assert.equal(running.state, 'JOB_STATE_RUNNING');
    assert.ok(running.startTime?.seconds, 'started');
    const done = await until(get(String(created.name)), (j: CustomJob) => j.state === 'JOB_STATE_SUCCEEDED');
    assert.ok(Number(done.endTime?.seconds) >= Number(done.startTime?.seconds));
    const [listed] = await jobs.listCustomJobs({ parent: US_PARENT, filter: 'state=JOB_STATE_SUCCEEDED' });
    assert.ok(listed.some((j) => j.name === created.name), 'list filters on the current state');
  });

  it('runs a TPU v5e job and cancels it through CANCELLING to CANCELLED', async () => {
    const tpu = { machineSpec: { machineType: 'ct5lp-hightpu-4t', acceleratorType: 'TPU_V5_LITEPOD' as const, acceleratorCount: 4, tpuTopology: '2x2' }, replicaCount: 1, containerSpec: container };
    const [created] = await create('v5e-peft', [tpu]);
    await until(get(String(created.name)), (j: CustomJob) => j.state === 'JOB_STATE_RUNNING');
    await jobs.cancelCustomJob({ name: created.name });
    const [cancelling] = await jobs.getCustomJob({ name: created.name });
    assert.equal(cancelling.state, 'JOB_STATE_CANCELLING');
    const cancelled = await until(get(String(created.name)), (j: CustomJob) => j.state === 'JOB_STATE_CANCELLED');
    assert.equal(cancelled.error?.code, 1);
    assert.equal((await rejection(jobs.cancelCustomJob({ name: created.name }))).code, 9, 'a finished job cannot be cancelled');
  });

  it('checks worker pools against the machine catalog, naming the field', async () => {
    const wrong = await rejection(create('bad', [{ ...gpuPool(), machineSpec: { machineType: 'a2-highgpu-1g', acceleratorType: 'NVIDIA_L4', acceleratorCount: 1 } }]));
    assert.equal(wrong.code, 3);
    assert.match(wrong.message, /Field: custom_job\.job_spec\.worker_pool_specs\[0\]\.machine_spec\.accelerator_type; Message: Accelerator "NVIDIA_L4" is not supported for machine type "a2-highgpu-1g"/);
    const topology = await rejection(create('bad-topology', [{ machineSpec: { machineType: 'ct5lp-hightpu-1t', tpuTopology: '2x2' }, replicaCount: 1, containerSpec: container }]));
    assert.match(topology.message, /machine_spec\.tpu_topology; Message: TPU topology "2x2" is not supported/);
    const nothingToRun = await rejection(create('no-code', [{ machineSpec: { machineType: 'n1-standard-4' }, replicaCount: 1 }]));
    assert.match(nothingToRun.message, /One of container_spec or python_package_spec must be set/);
  });

  it('holds training quota while a job runs and releases it when it ends', async () => {
    const [first] = await create('holds-an-l4', [gpuPool()]);
    const err = await rejection(create('one-too-many', [gpuPool()]));
    assert.equal(err.code, 8);
    assert.equal(err.message, 'The following quota metrics exceed quota limits: aiplatform.googleapis.com/custom_model_training_nvidia_l4_gpus');
    const deleting = await rejection(jobs.deleteCustomJob({ name: first.name }));
    assert.equal(deleting.code, 9, 'a running job cannot be deleted');
    await until(get(String(first.name)), (j: CustomJob) => j.state === 'JOB_STATE_SUCCEEDED');
    const [next] = await create('fits-again', [gpuPool()]);
    assert.equal(next.state, 'JOB_STATE_PENDING');
    const [deletion] = await jobs.deleteCustomJob({ name: first.name });
    await deletion.promise();
  });
});
