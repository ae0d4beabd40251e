import * as assert from 'node:assert/strict';
import { JobServiceClient } from '@google-cloud/aiplatform/build/src/v1/job_service_client';
import { TensorboardServiceClient } from '@google-cloud/aiplatform/build/src/v1/tensorboard_service_client';
import type { protos } from '@google-cloud/aiplatform';
import { DEMO_IDS } from '../src/seeds/demoIds';
import { US_PARENT, useEmulator } from './emulatorHarness';

type Point = protos.google.cloud.aiplatform.v1.ITimeSeriesDataPoint;
const values = (points: Point[] | null | undefined) => (points ?? []).map((p) => Number(p.scalar?.value));
const steps = (points: Point[] | null | undefined) => (points ?? []).map((p) => Number(p.step));
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('emulator: TensorBoard training curves', function () {
  this.timeout(20_000);
  const h = useEmulator({ jobDurationMs: 600 });
  let tensorboards: TensorboardServiceClient;
  let jobs: JobServiceClient;
  let tensorboard: string;
  before(async () => {
    tensorboards = new TensorboardServiceClient(h.clientOptions());
    jobs = new JobServiceClient(h.clientOptions());
    const [all] = await tensorboards.listTensorboards({ parent: US_PARENT });
    tensorboard = String(all.find((t) => t.isDefault)?.name);
  });
  after(async () => {
    await tensorboards.close();
    await jobs.close();
  });

  /** The loss and learning-rate series of a custom job's "train" run, by display name. */
  async function seriesOf(jobId: string): Promise<Record<string, string>> {
    const [series] = await tensorboards.listTensorboardTimeSeries({ parent: `${tensorboard}/experiments/${jobId}/runs/train` });
    return Object.fromEntries(series.map((s) => [String(s.displayName), String(s.name)]));
  }

  it('keeps each demo custom job in an experiment with a train run and scalar series', async () => {
    const [experiments] = await tensorboards.listTensorboardExperiments({ parent: tensorboard });
    const ids = experiments.map((e) => String(e.name).split('/').pop());
    assert.ok(ids.includes(DEMO_IDS.customJobs.llamaLoraGpu) && ids.includes(DEMO_IDS.customJobs.gemmaPeftTpu), ids.join(','));
    const series = await seriesOf(DEMO_IDS.customJobs.gemmaPeftTpu);
    assert.deepEqual(Object.keys(series).sort(), ['learning_rate', 'loss']);
  });

  it('reads a finished job’s whole loss curve: decaying, with noise', async () => {
    const { loss } = await seriesOf(DEMO_IDS.customJobs.gemmaPeftTpu);
    const [response] = await tensorboards.readTensorboardTimeSeriesData({ tensorboardTimeSeries: loss });
    const points = response.timeSeriesData?.values;
    assert.equal(response.timeSeriesData?.valueType, 'SCALAR');
    // --epochs=2 in the job's arguments: 400 steps, logged every 10.
    assert.deepEqual([steps(points)[0], steps(points).at(-1), points?.length], [0, 400, 41]);
    const curve = values(points);
    assert.ok(mean(curve.slice(0, 5)) > 2 * mean(curve.slice(-5)), `${curve.slice(0, 5)} … ${curve.slice(-5)}`);
    assert.ok(curve.some((v, i) => i > 0 && v > curve[i - 1]), 'minibatch noise: not strictly decreasing');
    const times = (points ?? []).map((p) => Number(p.wallTime?.seconds));
    assert.ok(times.every((t, i) => i === 0 || t >= times[i - 1]), 'wall times advance with steps');
  });

  it('batch-reads loss and learning rate; the schedule warms up then decays', async () => {
    const { loss, learning_rate: lr } = await seriesOf(DEMO_IDS.customJobs.gemmaPeftTpu);
    const [response] = await tensorboards.batchReadTensorboardTimeSeriesData({ tensorboard, timeSeries: [loss, lr] });
    assert.equal(response.timeSeriesData?.length, 2);
    const rates = values(response.timeSeriesData?.[1].values);
    const peak = rates.indexOf(Math.max(...rates));
    assert.ok(rates[0] < rates[peak] && peak < rates.length / 4, `peak at ${peak}`);
    assert.ok(rates.at(-1)! < rates[peak] / 100, 'decays to about zero');
  });

  it('shows a running job’s curve only as far as it has trained, and thins to max_data_points', async () => {
    const { loss } = await seriesOf(DEMO_IDS.customJobs.llamaLoraGpu);
    const [full] = await tensorboards.readTensorboardTimeSeriesData({ tensorboardTimeSeries: loss });
    const last = steps(full.timeSeriesData?.values).at(-1)!;
    assert.ok(last > 0 && last < 600, `running job logged up to step ${last} of 600`);
    const [thin] = await tensorboards.readTensorboardTimeSeriesData({ tensorboardTimeSeries: loss, maxDataPoints: 10 });
    assert.equal(thin.timeSeriesData?.values?.length, 10);
    assert.deepEqual([steps(thin.timeSeriesData?.values)[0], steps(thin.timeSeriesData?.values).at(-1)], [0, last]);
  });

  it('logs curves for a custom job created through the API, growing while it runs', async () => {
    const [job] = await jobs.createCustomJob({
      parent: US_PARENT,
      customJob: {
        displayName: 'fresh-run',
        jobSpec: {
          tensorboard,
          workerPoolSpecs: [{ machineSpec: { machineType: 'n1-standard-8' }, replicaCount: 1, containerSpec: { imageUri: 'us-docker.pkg.dev/genai-demo/trainers/tiny:latest', args: ['--epochs=1', '--learning-rate=0.001'] } }],
        },
      },
    });
    const { loss, learning_rate: lr } = await seriesOf(String(job.name).split('/').pop()!);
    const read = async (name: string) => (await tensorboards.readTensorboardTimeSeriesData({ tensorboardTimeSeries: name }))[0].timeSeriesData?.values ?? [];
    assert.equal((await read(loss)).length, 0, 'nothing logged before it starts');
    let partial: Point[] = [];
    const deadline = Date.now() + 5000;
    while (!partial.length && Date.now() < deadline) partial = await read(loss);
    while ((await jobs.getCustomJob({ name: job.name }))[0].state !== 'JOB_STATE_SUCCEEDED' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    const complete = await read(loss);
    assert.ok(partial.length > 0 && partial.length < complete.length, `${partial.length} then ${complete.length} points`);
    assert.equal(steps(complete).at(-1), 200);
    assert.ok(Math.abs(Math.max(...values(await read(lr))) - 0.001) < 1e-9, 'peaks at --learning-rate');
  });
});
