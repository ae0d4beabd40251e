import * as assert from 'node:assert/strict';
import { JobServiceClient } from '@google-cloud/aiplatform/build/src/v1/job_service_client';
import type { protos } from '@google-cloud/aiplatform';
import { US_PARENT, rejection, useEmulator } from './emulatorHarness';

type TuningJob = protos.google.cloud.aiplatform.v1.IHyperparameterTuningJob;
type Trial = protos.google.cloud.aiplatform.v1.ITrial;

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 8000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out; last value: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const trialJobSpec = {
  workerPoolSpecs: [{ machineSpec: { machineType: 'n1-standard-8', acceleratorType: 'NVIDIA_TESLA_T4' as const, acceleratorCount: 1 }, replicaCount: 1, containerSpec: { imageUri: 'us-docker.pkg.dev/genai-demo/trainers/churn:latest' } }],
};
const param = (trial: Trial, id: string) => trial.parameters?.find((p) => p.parameterId === id)?.value;
const metric = (trial: Trial) => Number(trial.finalMeasurement?.metrics?.[0]?.value);

describe('emulator: hyperparameter tuning jobs', function () {
  this.timeout(30_000);
  const h = useEmulator({ jobDurationMs: 150 });
  let jobs: JobServiceClient;
  before(() => {
    jobs = new JobServiceClient(h.clientOptions());
  });
  after(() => jobs.close());
  const get = (name: string) => async () => (await jobs.getHyperparameterTuningJob({ name }))[0];

  it('runs max_trial_count trials, parallel_trial_count at a time, within the parameter specs', async () => {
    const [created] = await jobs.createHyperparameterTuningJob({
      parent: US_PARENT,
      hyperparameterTuningJob: {
        displayName: 'churn-hpt',
        maxTrialCount: 7,
        parallelTrialCount: 3,
        trialJobSpec,
        studySpec: {
          metrics: [{ metricId: 'auc', goal: 'MAXIMIZE' }],
          parameters: [
            { parameterId: 'learning_rate', doubleValueSpec: { minValue: 1e-5, maxValue: 1e-1 }, scaleType: 'UNIT_LOG_SCALE' },
            { parameterId: 'max_depth', integerValueSpec: { minValue: 2, maxValue: 12 }, scaleType: 'UNIT_LINEAR_SCALE' },
            { parameterId: 'booster', categoricalValueSpec: { values: ['gbtree', 'dart', 'gblinear'] } },
            { parameterId: 'subsample', discreteValueSpec: { values: [0.5, 0.7, 0.9, 1] } },
          ],
        },
      },
    });
    assert.equal(created.state, 'JOB_STATE_PENDING');
    const seenActive: number[] = [];
    const done = await until(get(String(created.name)), (j: TuningJob) => {
      seenActive.push(j.trials?.filter((t) => t.state === 'ACTIVE').length ?? 0);
      return j.state === 'JOB_STATE_SUCCEEDED';
    });
    assert.ok(Math.max(...seenActive) <= 3 && Math.max(...seenActive) > 0, `active trials seen: ${seenActive.join(',')}`);
    const trials = done.trials ?? [];
    assert.deepEqual(trials.map((t) => t.id), ['1', '2', '3', '4', '5', '6', '7']);
    for (const t of trials) {
      assert.equal(t.state, 'SUCCEEDED');
      const lr = Number(param(t, 'learning_rate')?.numberValue);
      assert.ok(lr >= 1e-5 && lr <= 1e-1, `learning_rate ${lr}`);
      const depth = Number(param(t, 'max_depth')?.numberValue);
      assert.ok(Number.isInteger(depth) && depth >= 2 && depth <= 12, `max_depth ${depth}`);
      assert.ok(['gbtree', 'dart', 'gblinear'].includes(String(param(t, 'booster')?.stringValue)));
      assert.ok([0.5, 0.7, 0.9, 1].includes(Number(param(t, 'subsample')?.numberValue)));
      assert.ok(metric(t) > 0 && metric(t) < 1, `auc ${metric(t)}`);
    }
  });

  it('scores trials by their distance to an optimum, so the best trial is a real best', async () => {
    // One parameter: the objective must fall off on both sides of the best trial.
    const [created] = await jobs.createHyperparameterTuningJob({
      parent: US_PARENT,
      hyperparameterTuningJob: {
        displayName: 'lr-sweep',
        maxTrialCount: 12,
        parallelTrialCount: 4,
        trialJobSpec,
        studySpec: {
          algorithm: 'RANDOM_SEARCH',
          metrics: [{ metricId: 'loss', goal: 'MINIMIZE' }],
          parameters: [{ parameterId: 'learning_rate', doubleValueSpec: { minValue: 1e-5, maxValue: 1e-1 }, scaleType: 'UNIT_LOG_SCALE' }],
        },
      },
    });
    const done = await until(get(String(created.name)), (j: TuningJob) => j.state === 'JOB_STATE_SUCCEEDED');
    const trials = [...(done.trials ?? [])];
    const best = trials.reduce((a, b) => (metric(b) < metric(a) ? b : a));
    const distance = (t: Trial) => Math.abs(Math.log(Number(param(t, 'learning_rate')?.numberValue)) - Math.log(Number(param(best, 'learning_rate')?.numberValue)));
    // Further from the best learning rate on the same side never scores clearly better.
    const side = (t: Trial) => Math.sign(Math.log(Number(param(t, 'learning_rate')?.numberValue)) - Math.log(Number(param(best, 'learning_rate')?.numberValue)));
    for (const a of trials) {
      for (const b of trials) {
        if (side(a) === side(b) && side(a) !== 0 && distance(a) + 0.5 < distance(b)) assert.ok(metric(a) < metric(b) + 0.011, `${metric(a)} vs ${metric(b)}`);
      }
    }
    assert.ok(metric(best) < Math.max(...trials.map(metric)) - 0.05, 'the spread between best and worst is meaningful');
  });

  it('walks the grid with GRID_SEARCH and refuses double parameters there', async () => {
    const studySpec = {
      algorithm: 'GRID_SEARCH' as const,
      metrics: [{ metricId: 'accuracy', goal: 'MAXIMIZE' as const }],
      parameters: [
        { parameterId: 'batch_size', discreteValueSpec: { values: [16, 32, 64] } },
        { parameterId: 'optimizer', categoricalValueSpec: { values: ['adam', 'sgd'] } },
      ],
    };
    const [created] = await jobs.createHyperparameterTuningJob({ parent: US_PARENT, hyperparameterTuningJob: { displayName: 'grid', maxTrialCount: 10, parallelTrialCount: 3, trialJobSpec, studySpec } });
    const done = await until(get(String(created.name)), (j: TuningJob) => j.state === 'JOB_STATE_SUCCEEDED');
    const combos = (done.trials ?? []).map((t) => `${param(t, 'batch_size')?.numberValue}/${param(t, 'optimizer')?.stringValue}`);
    assert.deepEqual([...combos].sort(), ['16/adam', '16/sgd', '32/adam', '32/sgd', '64/adam', '64/sgd'], 'six grid points, each once, though ten trials were allowed');
    const err = await rejection(jobs.createHyperparameterTuningJob({
      parent: US_PARENT,
      hyperparameterTuningJob: { displayName: 'bad-grid', maxTrialCount: 4, parallelTrialCount: 2, trialJobSpec, studySpec: { ...studySpec, parameters: [{ parameterId: 'lr', doubleValueSpec: { minValue: 0.1, maxValue: 1 } }] } },
    }));
    assert.equal(err.code, 3);
    assert.match(err.message, /study_spec\.parameters\[0\]\.double_value_spec; Message: GRID_SEARCH does not support DOUBLE parameters/);
  });

  it('stops running trials when cancelled and keeps the finished ones', async () => {
    const [created] = await jobs.createHyperparameterTuningJob({
      parent: US_PARENT,
      hyperparameterTuningJob: {
        displayName: 'cancel-me',
        maxTrialCount: 40,
        parallelTrialCount: 2,
        trialJobSpec,
        studySpec: { metrics: [{ metricId: 'auc', goal: 'MAXIMIZE' }], parameters: [{ parameterId: 'dropout', doubleValueSpec: { minValue: 0, maxValue: 0.5 } }] },
      },
    });
    await until(get(String(created.name)), (j: TuningJob) => (j.trials ?? []).some((t) => t.state === 'SUCCEEDED'));
    await jobs.cancelHyperparameterTuningJob({ name: created.name });
    const cancelled = await until(get(String(created.name)), (j: TuningJob) => j.state === 'JOB_STATE_CANCELLED');
    const trials = cancelled.trials ?? [];
    assert.ok(trials.length >= 2 && trials.length < 40, `${trials.length} trials`);
    assert.ok(trials.every((t) => t.state === 'SUCCEEDED' && t.finalMeasurement), 'only finished trials remain');
  });
});
