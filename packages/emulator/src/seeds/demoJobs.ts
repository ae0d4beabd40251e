// Demo tuning: Gemini supervised tuning jobs in every state, a GPU (L4) and a TPU
// (v5e) custom job running LoRA/PEFT training, and a finished hyperparameter sweep.
import type { JsonObject } from '../wireCodec';
import { DEMO_IDS, EU, US } from './demoIds';
import { demoEndpointName, demoModelName } from './demoModels';
import { DEMO_TUNING_BUCKET } from './demoStorage';
import type { SeedWriter } from './seedWriter';

const T = DEMO_IDS.tuningJobs;

export function seedDemoJobs(w: SeedWriter): void {
  seedTuningJobs(w);
  seedCustomJobs(w);
  seedSweep(w);
}

/** A LoRA learning-rate × rank sweep on T4s: six trials, eval_loss minimised. */
function seedSweep(w: SeedWriter): void {
  const grid: [number, number, number][] = [
    [1e-4, 8, 1.412],
    [3e-4, 8, 1.287],
    [1e-3, 8, 1.335],
    [1e-4, 16, 1.398],
    [3e-4, 16, 1.251],
    [1e-3, 16, 1.309],
  ];
  const start = (i: number) => w.ago(4 * 24 * 60 - 20 - Math.floor(i / 2) * 70, 'm');
  const end = (i: number) => w.ago(4 * 24 * 60 - 20 - Math.floor(i / 2) * 70 - 65, 'm');
  w.put('HyperparameterTuningJob', `${US}/hyperparameterTuningJobs/${DEMO_IDS.hyperparameterTuningJobs.loraSweepT4}`, {
    displayName: 'gemma-lora-sweep-t4',
    studySpec: {
      metrics: [{ metricId: 'eval_loss', goal: 'MINIMIZE' }],
      parameters: [
        { parameterId: 'learning_rate', doubleValueSpec: { minValue: 1e-4, maxValue: 1e-3 }, scaleType: 'UNIT_LOG_SCALE' },
        { parameterId: 'lora_r', discreteValueSpec: { values: [8, 16] } },
      ],
      algorithm: 'GRID_SEARCH',
    },
    maxTrialCount: 6,
    parallelTrialCount: 2,
    trialJobSpec: {
      workerPoolSpecs: [
        {
          machineSpec: { machineType: 'n1-standard-8', acceleratorType: 'NVIDIA_TESLA_T4', acceleratorCount: 1 },
          replicaCount: '1',
          containerSpec: { imageUri: 'us-docker.pkg.dev/vertex-ai/training/pytorch-gpu.2-3.py310:latest', args: ['--base-model=google/gemma-2b', '--method=lora'] },
        },
      ],
    },
    trials: grid.map(([lr, r, loss], i) => ({
      id: String(i + 1),
      state: 'SUCCEEDED',
      parameters: [
        { parameterId: 'learning_rate', value: lr },
        { parameterId: 'lora_r', value: r },
      ],
      finalMeasurement: { stepCount: '300', metrics: [{ metricId: 'eval_loss', value: loss }] },
      startTime: start(i),
      endTime: end(i),
    })),
    state: 'JOB_STATE_SUCCEEDED',
    createTime: w.ago(4 * 24 * 60 - 15, 'm'),
    startTime: start(0),
    endTime: end(5),
    updateTime: end(5),
    labels: { team: 'research', method: 'lora' },
  });
}

/** The times of an ended job: created and started `startedDays` ago, ended `endedDays` ago. */
function ranDays(w: SeedWriter, startedDays: number, endedDays: number): JsonObject {
  return { createTime: w.ago(startedDays, 'd'), startTime: w.ago(startedDays, 'd'), endTime: w.ago(endedDays, 'd'), updateTime: w.ago(endedDays, 'd') };
}

function seedTuningJobs(w: SeedWriter): void {
  // The support bots were tuned on the support-chat files seeded in Cloud Storage, so the
  // emulator's tuned models behind them really learnt those conversations.
  const folder = (dataset: string) => (dataset.endsWith('support') ? `gs://${DEMO_TUNING_BUCKET}/support-chat` : `gs://genai-demo-data/${dataset}`);
  const spec = (dataset: string, epochs: number, adapter = 'ADAPTER_SIZE_FOUR'): JsonObject => ({
    supervisedTuningSpec: {
      trainingDatasetUri: `${folder(dataset)}/train.jsonl`,
      validationDatasetUri: `${folder(dataset)}/validation.jsonl`,
      hyperParameters: { epochCount: String(epochs), learningRateMultiplier: 1, adapterSize: adapter },
    },
  });
  const stats = (examples: number, steps: number): JsonObject => ({
    supervisedTuningDataStats: {
      tuningDatasetExampleCount: String(examples),
      totalBillableTokenCount: String(examples * 1480),
      tuningStepCount: String(steps),
    },
  });
  const job = (location: string, id: string, data: JsonObject) => w.put('TuningJob', `${location}/tuningJobs/${id}`, data);
  const experiment = (id: string) => `${US}/metadataStores/default/contexts/tuning-experiment-${id}`;

  job(US, T.supportBotV3Running, {
    baseModel: 'gemini-2.0-flash-001',
    tunedModelDisplayName: 'support-bot-v3',
    ...spec('support', 4),
    state: 'JOB_STATE_RUNNING',
    createTime: w.ago(47, 'm'),
    startTime: w.ago(44, 'm'),
    updateTime: w.ago(1, 'm'),
    labels: { team: 'support' },
    experiment: experiment(T.supportBotV3Running),
    tuningDataStats: stats(1240, 155),
  });
  job(US, T.faqTunerPending, {
    baseModel: 'gemini-2.0-flash-lite-001',
    tunedModelDisplayName: 'faq-tuner',
    ...spec('faq', 3, 'ADAPTER_SIZE_ONE'),
    state: 'JOB_STATE_PENDING',
    createTime: w.ago(2, 'm'),
    updateTime: w.ago(2, 'm'),
    labels: { team: 'support' },
  });
  job(US, T.supportBotV2Succeeded, {
    baseModel: 'gemini-2.0-flash-001',
    tunedModelDisplayName: 'support-bot-v2',
    ...spec('support', 3),
    state: 'JOB_STATE_SUCCEEDED',
    ...ranDays(w, 15, 14),
    labels: { team: 'support' },
    experiment: experiment(T.supportBotV2Succeeded),
    tunedModel: { model: `${demoModelName('supportBot')}@2`, endpoint: demoEndpointName('supportBotProd') },
    tuningDataStats: stats(1100, 117),
  });
  job(US, T.supportBotV1Succeeded, {
    baseModel: 'gemini-1.5-flash-002',
    tunedModelDisplayName: 'support-bot-v1',
    ...spec('support', 2),
    state: 'JOB_STATE_SUCCEEDED',
    ...ranDays(w, 31, 30),
    labels: { team: 'support' },
    tunedModel: { model: `${demoModelName('supportBot')}@1`, endpoint: demoEndpointName('supportBotProd') },
    tuningDataStats: stats(820, 58),
  });
  job(US, T.summarizerFailed, {
    baseModel: 'gemini-1.5-pro-002',
    tunedModelDisplayName: 'summarizer-v1',
    ...spec('summaries', 5),
    state: 'JOB_STATE_FAILED',
    ...ranDays(w, 3, 3),
    labels: { team: 'docs' },
    error: {
      code: 3,
      message:
        'Dataset validation failed: gs://genai-demo-data/summaries/train.jsonl line 57: "contents" is required; ' +
        'line 212: a "model" turn must follow a "user" turn.',
    },
  });
  job(US, T.classifierCancelled, {
    baseModel: 'gemini-2.0-flash-001',
    tunedModelDisplayName: 'ticket-classifier-exp',
    ...spec('tickets', 6, 'ADAPTER_SIZE_EIGHT'),
    state: 'JOB_STATE_CANCELLED',
    ...ranDays(w, 6, 6),
    labels: { team: 'support' },
    error: { code: 1, message: 'CANCELED' },
  });
  job(EU, T.euSupportBotSucceeded, {
    baseModel: 'gemini-2.0-flash-001',
    tunedModelDisplayName: 'eu-support-bot-v1',
    ...spec('eu-support', 3),
    state: 'JOB_STATE_SUCCEEDED',
    ...ranDays(w, 13, 12),
    labels: { team: 'support', region: 'eu' },
    tunedModel: { model: `${demoModelName('euSupportBot')}@1`, endpoint: demoEndpointName('euSupportBot') },
    tuningDataStats: stats(512, 48),
  });
}

function seedCustomJobs(w: SeedWriter): void {
  const C = DEMO_IDS.customJobs;
  w.put('CustomJob', `${US}/customJobs/${C.llamaLoraGpu}`, {
    displayName: 'llama-3-8b-lora-l4',
    jobSpec: {
      workerPoolSpecs: [
        {
          machineSpec: { machineType: 'g2-standard-8', acceleratorType: 'NVIDIA_L4', acceleratorCount: 1 },
          replicaCount: '1',
          diskSpec: { bootDiskType: 'pd-ssd', bootDiskSizeGb: 200 },
          containerSpec: {
            imageUri: 'us-docker.pkg.dev/vertex-ai/training/pytorch-gpu.2-3.py310:latest',
            command: ['python', '-m', 'trainer.lora'],
            args: ['--base-model=meta-llama/Meta-Llama-3-8B', '--lora-r=16', '--epochs=3', '--data=gs://genai-demo-data/support/train.jsonl'],
          },
        },
      ],
      baseOutputDirectory: { outputUriPrefix: 'gs://genai-demo-models/llama-3-8b-lora/' },
      scheduling: { timeout: '86400s' },
    },
    state: 'JOB_STATE_RUNNING',
    createTime: w.ago(3, 'h'),
    startTime: w.ago(170, 'm'),
    updateTime: w.ago(5, 'm'),
    labels: { team: 'research', method: 'lora', accelerator: 'gpu' },
  });
  w.put('CustomJob', `${US}/customJobs/${C.gemmaPeftTpu}`, {
    displayName: 'gemma-2b-peft-tpu',
    jobSpec: {
      workerPoolSpecs: [
        {
          machineSpec: { machineType: 'ct5lp-hightpu-4t', acceleratorType: 'TPU_V5_LITEPOD', acceleratorCount: 4, tpuTopology: '2x2' },
          replicaCount: '1',
          containerSpec: {
            imageUri: 'us-docker.pkg.dev/vertex-ai/training/tf-tpu.2-17.py310:latest',
            command: ['python', '-m', 'trainer.peft'],
            args: ['--base-model=google/gemma-2b', '--method=lora', '--epochs=2'],
          },
        },
      ],
      baseOutputDirectory: { outputUriPrefix: 'gs://genai-demo-models/gemma-2b-lora/' },
    },
    state: 'JOB_STATE_SUCCEEDED',
    ...ranDays(w, 6, 5),
    labels: { team: 'research', method: 'peft', accelerator: 'tpu' },
  });
}
