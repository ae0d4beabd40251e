// Request building and validation of the three launch kinds, as the user reads the
// messages, and the create calls over real HTTP through the official clients.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { parse } from 'yaml';
import { customGcloud, customJobBody, customProblems } from '../../../src/features/tuning/launch/customRequest';
import { newCustomLaunch } from '../../../src/features/tuning/launch/customFlow';
import { geminiProblems, tuningJobBody } from '../../../src/features/tuning/launch/geminiRequest';
import { newGeminiLaunch } from '../../../src/features/tuning/launch/geminiFlow';
import { hptGcloud, hptJobBody, hptProblems } from '../../../src/features/tuning/launch/hptRequest';
import { newHptLaunch } from '../../../src/features/tuning/launch/hptFlow';
import type { CustomLaunch, GeminiLaunch, HptLaunch } from '../../../src/features/tuning/launch/launchTypes';
import { parseLabels } from '../../../src/common/labels';
import { ClientPool } from '../../../src/vertex/clients';
import { getJob } from '../../../src/vertex/jobs';
import { cancelJob, createCustomJob, createHyperparameterTuningJob, createTuningJob } from '../../../src/vertex/tuning';
import { rejection, useEmulator } from '@vertex-genai-ops/emulator/harness';
import { emulatorPool } from '../../support/emulatorPool';

const gemini = (patch: Partial<GeminiLaunch> = {}): GeminiLaunch => ({
  ...newGeminiLaunch('us-central1'),
  training: 'gs://genai-demo-tuning/support-chat/train.jsonl',
  displayName: 'support-bot',
  ...patch,
});
const custom = (patch: Partial<CustomLaunch> = {}): CustomLaunch => ({
  ...newCustomLaunch('us-central1'),
  displayName: 'gemma-lora',
  args: { ...newCustomLaunch('us-central1').args, dataset: 'gs://genai-demo-tuning/support-chat/train.jsonl', outputDir: 'gs://genai-demo-tuning/out' },
  ...patch,
});
const hpt = (patch: Partial<HptLaunch> = {}): HptLaunch => ({ ...newHptLaunch('us-central1'), ...custom(), kind: 'hyperparameterTuning', study: newHptLaunch('us-central1').study, ...patch });

describe('Gemini supervised tuning requests', () => {
  it('builds the TuningJob Vertex documents, with local files at their upload target', () => {
    const body = tuningJobBody(gemini({ training: '/ws/data/train.jsonl', bucket: 'gs://my-bucket', epochs: 3, learningRateMultiplier: 0.5, adapterSize: 'ADAPTER_SIZE_FOUR', labels: { team: 'nlp' } }));
    assert.deepEqual(body, {
      baseModel: 'gemini-2.0-flash-001',
      tunedModelDisplayName: 'support-bot',
      supervisedTuningSpec: {
        trainingDatasetUri: 'gs://my-bucket/tuning-data/train.jsonl',
        hyperParameters: { epochCount: '3', learningRateMultiplier: 0.5, adapterSize: 'ADAPTER_SIZE_FOUR' },
      },
      labels: { team: 'nlp' },
    });
  });

  it('says what is wrong, field by field, before anything is sent', () => {
    const problems = geminiProblems(gemini({ baseModel: 'gemini-1.5-pro-002', adapterSize: 'ADAPTER_SIZE_EIGHT', training: 'gs://Bad_Bucket/x.jsonl', validation: '/tmp/v.csv', epochs: 0, learningRateMultiplier: -1, displayName: '' }));
    assert.deepEqual(problems, [
      { path: 'training', message: 'Bucket "Bad_Bucket" may use only lowercase letters, digits, dots, hyphens and underscores, and must start and end with a letter or digit.' },
      { path: 'validation', message: 'The validation data must be a JSONL file (ending in .jsonl).' },
      { path: 'bucket', message: 'Choose a bucket to upload the local JSONL files to.' },
      { path: 'epochs', message: 'Epochs must be a whole number from 1 to 100.' },
      { path: 'learningRateMultiplier', message: 'The learning-rate multiplier must be a number greater than 0 and at most 10, such as 1.0.' },
      { path: 'adapterSize', message: 'gemini-1.5-pro-002 takes adapter sizes 1, 4; 8 is not one of them.' },
      { path: 'displayName', message: 'Enter a display name.' },
    ]);
    assert.deepEqual(geminiProblems(gemini()), []);
  });

  it('reads labels with Google\'s rules', () => {
    assert.deepEqual(parseLabels('team=nlp, stage=prod'), { labels: { team: 'nlp', stage: 'prod' } });
    assert.deepEqual(parseLabels('team=NLP'), { problem: 'The value of label "team" may use only lowercase letters, digits, underscores and dashes.' });
    assert.deepEqual(parseLabels('1team=x'), { problem: 'Label key "1team" must start with a lowercase letter.' });
    assert.deepEqual(parseLabels('a=1, a=2'), { problem: 'Label "a" is given twice.' });
  });
});

describe('custom GPU/TPU tuning requests', () => {
  it('renders the training arguments into the container and the pools into a CustomJob', () => {
    const body = customJobBody(custom({ workerCount: 2, spot: true, serviceAccount: 'trainer@genai-demo.iam.gserviceaccount.com' })) as any; // eslint-disable-line @typescript-eslint/no-explicit-any
    const [chief, workers] = body.jobSpec.workerPoolSpecs;
    assert.deepEqual(chief.machineSpec, { machineType: 'g2-standard-8', acceleratorType: 'NVIDIA_L4', acceleratorCount: 1 });
    assert.equal(chief.replicaCount, '1');
    assert.equal(workers.replicaCount, '2');
    assert.deepEqual(chief.containerSpec.args, [
      '--base_model=google/gemma-2-2b',
      '--train_dataset=gs://genai-demo-tuning/support-chat/train.jsonl',
      '--lora_rank=16',
      '--lora_alpha=32',
      '--lora_dropout=0.05',
      '--target_modules=q_proj,k_proj,v_proj,o_proj',
      '--load_in_4bit=true',
      '--num_train_epochs=3',
      '--learning_rate=0.0002',
      '--per_device_train_batch_size=4',
      '--output_dir=gs://genai-demo-tuning/out',
    ]);
    assert.deepEqual(body.jobSpec.scheduling, { strategy: 'SPOT' });
    assert.equal(body.jobSpec.serviceAccount, 'trainer@genai-demo.iam.gserviceaccount.com');
  });

  it('sizes a multi-host TPU slice as one chief replica per host, with no accelerator enum', () => {
    const body = customJobBody(custom({ machine: { machineType: 'ct5lp-hightpu-4t', tpuTopology: '4x4' } })) as any; // eslint-disable-line @typescript-eslint/no-explicit-any
    assert.deepEqual(body.jobSpec.workerPoolSpecs, [{ machineSpec: { machineType: 'ct5lp-hightpu-4t', tpuTopology: '4x4' }, replicaCount: '4', containerSpec: body.jobSpec.workerPoolSpecs[0].containerSpec }]);
  });

  it('refuses impossible machines with the sentence Vertex would send, and region gaps', () => {
    const messages = (l: CustomLaunch) => customProblems(l).map((p) => `${p.path}: ${p.message}`);
    assert.deepEqual(messages(custom({ machine: { machineType: 'a2-highgpu-1g', acceleratorType: 'NVIDIA_TESLA_A100', acceleratorCount: 2 } })), [
      'machine.acceleratorCount: Accelerator count 2 is not supported for machine type "a2-highgpu-1g" with accelerator "NVIDIA_TESLA_A100". Supported counts: 1.',
    ]);
    assert.deepEqual(messages(custom({ region: 'europe-west1', machine: { machineType: 'a3-ultragpu-8g', acceleratorType: 'NVIDIA_H200_141GB', acceleratorCount: 8 } })), [
      'machine.acceleratorType: Accelerator "NVIDIA_H200_141GB" is not supported in location europe-west1.',
    ]);
    assert.deepEqual(messages(custom({ machine: { machineType: 'ct6e-standard-4t', tpuTopology: '3x3' } })), [
      'machine.tpuTopology: TPU topology "3x3" is not supported for machine type "ct6e-standard-4t". Supported topologies: 2x2, 4x4, 4x8, 8x8, 8x16, 16x16.',
    ]);
    assert.deepEqual(messages(custom({ container: 'not an image', serviceAccount: 'me@gmail.com', args: { ...custom().args, loraDropout: 1, outputDir: 's3://x' } })), [
      'container: "not an image" is not a container image URI (such as us-docker.pkg.dev/project/repo/image:tag).',
      'args.loraDropout: LoRA dropout must be at least 0 and less than 1.',
      'args.outputDir: The output directory must be a Cloud Storage location such as gs://my-bucket/output.',
      'serviceAccount: "me@gmail.com" is not a service account email (name@project.iam.gserviceaccount.com).',
    ]);
  });

  it('gives a gcloud command whose config file is the same CustomJobSpec', () => {
    const launch = custom({ displayName: "Gemma's LoRA", labels: { team: 'nlp' } });
    const command = customGcloud(launch);
    // Let a real shell run it with gcloud replaced: the heredoc must hold the spec, the flags the rest.
    const dir = execFileSync('mktemp', ['-d'], { encoding: 'utf8' }).trim();
    const out = execFileSync('bash', ['-c', `cd ${dir} && gcloud() { printf '%s\\n' "$@"; }\n${command}\ncat custom-job.yaml`], { encoding: 'utf8' });
    const [flags, yaml] = [out.slice(0, out.indexOf('workerPoolSpecs')), out.slice(out.indexOf('workerPoolSpecs'))];
    assert.deepEqual(flags.trim().split('\n'), ['ai', 'custom-jobs', 'create', '--region=us-central1', "--display-name=Gemma's LoRA", '--config=custom-job.yaml', '--labels=team=nlp']);
    assert.deepEqual(parse(yaml), (customJobBody(launch) as { jobSpec: unknown }).jobSpec);
  });
});

describe('hyperparameter tuning requests', () => {
  it('sweeps the learning rate on a log scale and the LoRA rank as discrete values, leaving both to the trials', () => {
    const body = hptJobBody(hpt()) as any; // eslint-disable-line @typescript-eslint/no-explicit-any
    assert.deepEqual(body.studySpec, {
      metrics: [{ metricId: 'eval_loss', goal: 'MINIMIZE' }],
      parameters: [
        { parameterId: 'learning_rate', doubleValueSpec: { minValue: 1e-5, maxValue: 1e-3 }, scaleType: 'UNIT_LOG_SCALE' },
        { parameterId: 'lora_rank', discreteValueSpec: { values: [8, 16, 32] }, scaleType: 'UNIT_LINEAR_SCALE' },
      ],
    });
    assert.equal(body.maxTrialCount, 8);
    assert.equal(body.parallelTrialCount, 2);
    const args: string[] = body.trialJobSpec.workerPoolSpecs[0].containerSpec.args;
    assert.ok(!args.some((a) => /^--(learning_rate|lora_rank)=/.test(a)), args.join(' '));
    assert.match(hptGcloud(hpt()), /gcloud ai hp-tuning-jobs create \\\n {2}--region=us-central1 \\\n {2}--display-name=gemma-lora \\\n {2}--max-trial-count=8 \\\n {2}--parallel-trial-count=2/);
  });

  it('refuses parallel > max, grid search over a DOUBLE, and a log range from 0', () => {
    const study = { ...newHptLaunch('us-central1').study, maxTrials: 4, parallelTrials: 5, algorithm: 'GRID_SEARCH' as const, learningRate: { min: 0, max: 1e-3 } };
    assert.deepEqual(hptProblems(hpt({ study })).map((p) => `${p.path}: ${p.message}`), [
      'study.learningRate: A log-scale learning rate needs a minimum greater than 0, such as 1e-5.',
      'study.algorithm: Grid search cannot sweep the learning rate (a continuous DOUBLE parameter); choose random search or the default (Bayesian) search.',
      'study.parallelTrials: Parallel trials (5) cannot exceed the maximum trial count (4).',
    ]);
  });
});

describe('creating and cancelling tuning jobs (official clients, against the emulator)', function () {
  this.timeout(30_000);
  const h = useEmulator({ jobDurationMs: 2000 });
  let pool: ClientPool;
  before(() => (pool = emulatorPool(h)));
  after(() => pool.dispose());

  it('creates a Gemini tuning job from the built request; the server reads it back as sent', async () => {
    const job = await createTuningJob(pool, 'us-central1', tuningJobBody(gemini({ epochs: 2, adapterSize: 'ADAPTER_SIZE_FOUR' })));
    assert.equal(job.kind, 'tuning');
    assert.equal(job.displayName, 'support-bot');
    const raw = (await (await h.fetch(`/v1/${job.name}`)).json()) as { supervisedTuningSpec: { hyperParameters: unknown } };
    assert.deepEqual(raw.supervisedTuningSpec.hyperParameters, { epochCount: '2', adapterSize: 'ADAPTER_SIZE_FOUR' });
  });

  it('creates a custom job and a hyperparameter tuning job, then cancels them', async () => {
    const created = await createCustomJob(pool, 'us-central1', customJobBody(custom()));
    assert.equal(created.kind, 'custom');
    const sweep = await createHyperparameterTuningJob(pool, 'us-central1', hptJobBody(hpt({ study: { ...newHptLaunch('us-central1').study, maxTrials: 2, parallelTrials: 1 } })));
    assert.equal(sweep.kind, 'hyperparameterTuning');
    await cancelJob(pool, created.name);
    await cancelJob(pool, sweep.name);
    assert.equal((await getJob(pool, created.name)).state, 'cancelling');
    assert.match((await getJob(pool, sweep.name)).state, /cancell/);
  });

  it('a request the client-side checks would refuse is refused by the server too, with the same sentence', async () => {
    const launch = custom({ machine: { machineType: 'a2-highgpu-1g', acceleratorType: 'NVIDIA_TESLA_A100', acceleratorCount: 2 } });
    const err = await rejection(createCustomJob(pool, 'us-central1', customJobBody(launch)));
    assert.equal(err.code, 3);
    assert.match(err.message, /Accelerator count 2 is not supported for machine type "a2-highgpu-1g" with accelerator "NVIDIA_TESLA_A100"\. Supported counts: 1\./);
    assert.equal(customProblems(launch)[0].message, 'Accelerator count 2 is not supported for machine type "a2-highgpu-1g" with accelerator "NVIDIA_TESLA_A100". Supported counts: 1.');
  });
});
