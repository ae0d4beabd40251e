// The custom GPU/TPU LoRA/PEFT flow (also the trial half of hyperparameter tuning):
// container, training arguments, then accelerator → machine type → count/topology
// checked against the region's catalogue, worker pool, spot, service account, labels.
import * as l10n from '@vscode/l10n';
import type { PickOption } from '../../../ui/inputSeam';
import type { PickStep, Step, TextStep } from '../../../ui/multiStepFlow';
import { machineType } from '@vertex-genai-ops/catalog/machineTypes';
import { attachableAccelerators, regionMachineTypes } from '../../../vertex/tuning';
import { gcsLocationProblem, gcsObjectProblem, imageProblem, serviceAccountProblem } from './fieldRules';
import { customGcloud, customProblems, customRestCall, machineProblems, isTpu } from './customRequest';
import type { LaunchEnv } from './launchEnv';
import type { CustomLaunch, HptLaunch, MachineChoice, TrainingArgs } from './launchTypes';
import { displayNameStep, labelsStep, launchReview, numberStep, regionStep, type Confirmable } from './stepKit';
import { formatLabels } from '../../../common/labels';

export type CustomishState = Confirmable<CustomLaunch | HptLaunch> & { readonly ownImage?: boolean };
export type CustomState = Confirmable<CustomLaunch> & { readonly ownImage?: boolean };

/** Google's prebuilt containers for PEFT training on GPUs and TPUs. */
export const PREBUILT_CONTAINERS: readonly { label: string; uri: string }[] = [
  { label: l10n.t('Model Garden PEFT trainer (PyTorch, GPU)'), uri: 'us-docker.pkg.dev/vertex-ai/vertex-vision-model-garden-dockers/pytorch-peft-train:stable' },
  { label: l10n.t('PyTorch 2.4 GPU training'), uri: 'us-docker.pkg.dev/vertex-ai/training/pytorch-gpu.2-4.py310:latest' },
  { label: l10n.t('PyTorch/XLA 2.4 TPU training'), uri: 'us-docker.pkg.dev/vertex-ai/training/pytorch-xla.2-4.py310:latest' },
];

export const DEFAULT_ARGS: TrainingArgs = {
  baseModel: 'google/gemma-2-2b',
  dataset: '',
  loraRank: 16,
  loraAlpha: 32,
  loraDropout: 0.05,
  targetModules: ['q_proj', 'k_proj', 'v_proj', 'o_proj'],
  quantize4bit: true,
  epochs: 3,
  learningRate: 2e-4,
  batchSize: 4,
  outputDir: '',
};

export function newCustomLaunch(region: string): CustomState {
  return {
    kind: 'customTuning',
    region,
    displayName: '',
    container: PREBUILT_CONTAINERS[0].uri,
    args: DEFAULT_ARGS,
    machine: { machineType: 'g2-standard-8', acceleratorType: 'NVIDIA_L4', acceleratorCount: 1 },
    workerCount: 0,
    spot: false,
    labels: {},
  };
}

const NONE = 'NONE';

function argStep<S extends CustomishState>(id: keyof TrainingArgs, title: string, prompt: string, problem: (text: string) => string | undefined, skip?: (s: S) => boolean): TextStep<S> {
  return numberStep<S>({
    id: `args.${id}`,
    title,
    prompt,
    skip,
    get: (s) => s.args[id] as number,
    set: (s, v) => ({ ...s, args: { ...s.args, [id]: v } }),
    problem,
  });
}

function textArg<S extends CustomishState>(id: 'baseModel' | 'dataset' | 'outputDir', title: string, placeholder: string, problem: (text: string) => string | undefined): TextStep<S> {
  return {
    kind: 'text',
    id: `args.${id}`,
    title,
    placeholder,
    value: (s) => s.args[id],
    validate: (t) => problem(t.trim()),
    apply: (s, t) => ({ ...s, args: { ...s.args, [id]: t.trim() } }),
  };
}

const range = (what: string, min: number, max: number, integer = false) => (text: string) => {
  const n = Number(text.trim());
  if (!text.trim() || !Number.isFinite(n) || (integer && !Number.isInteger(n))) return (integer ? l10n.t('{0} must be a whole number from {1} to {2}.', what, min, max) : l10n.t('{0} must be a number from {1} to {2}.', what, min, max));
  return n < min || n > max ? l10n.t('{0} must be from {1} to {2}, not {3}.', what, min, max, n) : undefined;
};

/** Steps shared by the custom job and the trial spec of hyperparameter tuning. */
export function trialSteps<S extends CustomishState>(env: LaunchEnv): Step<S>[] {
  const hpt = (s: S) => s.kind === 'hyperparameterTuning';
  return [
    regionStep<S>(env, ['us-central1', 'europe-west4', 'us-east5', 'asia-southeast1']),
    displayNameStep<S>(l10n.t('Job display name')),
    {
      kind: 'pick',
      id: 'container',
      title: l10n.t('Training container'),
      options: (s) => [
        ...PREBUILT_CONTAINERS.map((c): PickOption<string> => ({ label: c.label, description: c.uri, value: c.uri, picked: !s.ownImage && c.uri === s.container })),
        { label: l10n.t('$(package) Your own image…'), value: '', picked: s.ownImage },
      ],
      apply: (s, [uri]) => (uri ? { ...s, container: uri, ownImage: false } : { ...s, ownImage: true }),
    } satisfies PickStep<S, string>,
    {
      kind: 'text',
      id: 'containerUri',
      title: l10n.t('Container image URI'),
      skip: (s) => !s.ownImage,
      placeholder: 'us-docker.pkg.dev/my-project/trainers/peft:latest',
      value: (s) => (PREBUILT_CONTAINERS.some((c) => c.uri === s.container) ? '' : s.container),
      validate: (t) => imageProblem(t.trim()),
      apply: (s, t) => ({ ...s, container: t.trim() }),
    },
    textArg<S>('baseModel', l10n.t('Open model to tune'), 'google/gemma-2-2b, meta-llama/Llama-3.1-8B, …', (t) => (t ? undefined : l10n.t('Name the open model to tune, such as google/gemma-2-9b.'))),
    textArg<S>('dataset', l10n.t('Training dataset'), 'gs://my-bucket/data/train.jsonl', (t) => gcsObjectProblem(t, l10n.t('The training dataset'))),
    argStep<S>('loraRank', l10n.t('LoRA rank'), l10n.t('Rank of the adapter matrices (1–256)'), range(l10n.t('LoRA rank'), 1, 256, true), hpt),
    argStep<S>('loraAlpha', l10n.t('LoRA alpha'), l10n.t('Scaling of the adapter (often twice the rank)'), range(l10n.t('LoRA alpha'), 1, 1024)),
    argStep<S>('loraDropout', l10n.t('LoRA dropout'), l10n.t('Dropout on the adapter inputs (0 to below 1)'), (t) => (Number(t) >= 0 && Number(t) < 1 && t.trim() ? undefined : l10n.t('LoRA dropout must be at least 0 and less than 1, such as 0.05.'))),
    {
      kind: 'text',
      id: 'args.targetModules',
      title: l10n.t('Target modules'),
      prompt: () => l10n.t('The layers LoRA adapts, separated by commas'),
      value: (s) => s.args.targetModules.join(', '),
      validate: (t) => {
        const modules = t.split(',').map((m) => m.trim()).filter(Boolean);
        const bad = modules.find((m) => !/^[A-Za-z_][\w.]*$/.test(m));
        return !modules.length ? l10n.t('List at least one module, such as q_proj, v_proj.') : bad ? l10n.t('"{0}" is not a module name.', bad) : undefined;
      },
      apply: (s, t) => ({ ...s, args: { ...s.args, targetModules: t.split(',').map((m) => m.trim()).filter(Boolean) } }),
    },
    {
      kind: 'pick',
      id: 'args.quantize4bit',
      title: l10n.t('Quantisation'),
      options: () => [
        { label: l10n.t('4-bit (QLoRA)'), description: l10n.t('Base weights in 4 bits: less accelerator memory'), value: true },
        { label: l10n.t('Full precision (LoRA)'), value: false },
      ],
      selected: (s) => [s.args.quantize4bit],
      apply: (s, [quantize4bit]) => ({ ...s, args: { ...s.args, quantize4bit } }),
    } satisfies PickStep<S, boolean>,
    argStep<S>('epochs', l10n.t('Epochs'), l10n.t('Passes over the dataset (1–100)'), range(l10n.t('Epochs'), 1, 100, true)),
    argStep<S>('learningRate', l10n.t('Learning rate'), l10n.t('Such as 2e-4'), (t) => (Number(t) > 0 && Number(t) < 1 ? undefined : l10n.t('The learning rate must be greater than 0 and less than 1, such as 2e-4.')), hpt),
    argStep<S>('batchSize', l10n.t('Batch size per device'), '1–1024', range(l10n.t('The batch size'), 1, 1024, true)),
    textArg<S>('outputDir', l10n.t('Output directory'), 'gs://my-bucket/adapters/run-1', (t) => gcsLocationProblem(t, l10n.t('The output directory'))),
    {
      kind: 'pick',
      id: 'machine.acceleratorType',
      title: l10n.t('Accelerator'),
      placeholder: (s) => l10n.t('Accelerators {0} offers', s.region),
      options: (s) => acceleratorOptions(s.region),
      selected: (s) => [currentAccelerator(s.machine)],
      // Keep the machine type only if it still goes with the accelerator.
      apply: (s, [accelerator]) => {
        const fits = machineOptions(s.region, accelerator).some((o) => o.value === s.machine.machineType);
        const machine: MachineChoice = fits ? s.machine : { machineType: machineOptions(s.region, accelerator)[0]?.value ?? '' };
        return { ...s, machine: withAccelerator(machine, accelerator) };
      },
    } satisfies PickStep<S, string>,
    {
      kind: 'pick',
      id: 'machine.machineType',
      title: l10n.t('Machine type'),
      placeholder: (s) => (currentAccelerator(s.machine) === NONE ? l10n.t('Machine types for CPU-only training in {0}', s.region) : l10n.t('Machine types for {0} in {1}', currentAccelerator(s.machine), s.region)),
      options: (s) => machineOptions(s.region, currentAccelerator(s.machine)),
      selected: (s) => [s.machine.machineType],
      apply: (s, [name]) => ({ ...s, machine: withAccelerator({ ...s.machine, machineType: name }, currentAccelerator(s.machine)) }),
    } satisfies PickStep<S, string>,
    {
      kind: 'text',
      id: 'machine.acceleratorCount',
      title: l10n.t('Accelerator count'),
      // Only n1 machines take a choice of GPU count; GPU families and TPUs fix it.
      skip: (s) => !machineType(s.machine.machineType)?.attachable || !s.machine.acceleratorType,
      prompt: (s) => l10n.t('GPUs of {0} on {1}', String(s.machine.acceleratorType), s.machine.machineType),
      value: (s) => String(s.machine.acceleratorCount ?? 1),
      validate: (t, s) => {
        const count = Number(t.trim());
        if (!Number.isInteger(count) || count < 1) return l10n.t('The accelerator count must be a whole number of at least 1.');
        return machineProblems({ ...s, machine: { ...s.machine, acceleratorCount: count }, workerCount: 0 })[0]?.message;
      },
      apply: (s, t) => ({ ...s, machine: { ...s.machine, acceleratorCount: Number(t.trim()) } }),
    },
    {
      kind: 'pick',
      id: 'machine.tpuTopology',
      title: l10n.t('TPU topology'),
      skip: (s) => !isTpu(s.machine.machineType),
      placeholder: (s) => l10n.t('Slices of {0}: larger ones run one replica per host', s.machine.machineType),
      options: (s) => {
        const tpu = machineType(s.machine.machineType)!.tpu!;
        return [tpu.topology, ...tpu.multiHost].map((t) => {
          const chips = t.split('x').reduce((n, d) => n * Number(d), 1);
          return { label: t, description: l10n.t('{0} chips, {1} host(s)', chips, chips / tpu.chips), value: t };
        });
      },
      selected: (s) => [s.machine.tpuTopology ?? machineType(s.machine.machineType)?.tpu?.topology],
      apply: (s, [tpuTopology]) => ({ ...s, machine: { ...s.machine, tpuTopology } }),
    } satisfies PickStep<S, string | undefined>,
    numberStep<S>({
      id: 'workerCount',
      title: l10n.t('Worker replicas'),
      prompt: l10n.t('Replicas beside the chief for distributed training (0 for one machine)'),
      get: (s) => s.workerCount,
      set: (s, workerCount) => ({ ...s, workerCount: workerCount ?? 0 }),
      problem: (t, s) => range(l10n.t('The worker count'), 0, 100, true)(t) ?? machineProblems({ ...s, workerCount: Number(t) }).find((p) => p.path === 'workerCount')?.message,
    }),
    {
      kind: 'pick',
      id: 'spot',
      title: l10n.t('Scheduling'),
      options: () => [
        { label: l10n.t('On demand'), description: l10n.t('Runs until done'), value: false },
        { label: l10n.t('Spot'), description: l10n.t('Cheaper; may be preempted and restarted'), value: true },
      ],
      selected: (s) => [s.spot],
      apply: (s, [spot]) => ({ ...s, spot }),
    } satisfies PickStep<S, boolean>,
    {
      kind: 'text',
      id: 'serviceAccount',
      title: l10n.t('Service account — optional'),
      prompt: () => l10n.t('The job runs as this account; leave empty for the Vertex AI custom code service agent'),
      placeholder: 'trainer@my-project.iam.gserviceaccount.com',
      value: (s) => s.serviceAccount ?? '',
      validate: (t) => serviceAccountProblem(t.trim()),
      apply: (s, t) => ({ ...s, serviceAccount: t.trim() || undefined }),
    },
    labelsStep<S>(),
  ];
}

function currentAccelerator(m: MachineChoice): string {
  const info = machineType(m.machineType);
  return info?.tpu?.version ?? info?.gpu?.type ?? m.acceleratorType ?? NONE;
}

function withAccelerator(m: MachineChoice, accelerator: string): MachineChoice {
  const info = machineType(m.machineType);
  if (info?.tpu) return { machineType: m.machineType, tpuTopology: m.tpuTopology && [info.tpu.topology, ...info.tpu.multiHost].includes(m.tpuTopology) ? m.tpuTopology : info.tpu.topology };
  if (info?.gpu) return { machineType: m.machineType, acceleratorType: info.gpu.type, acceleratorCount: info.gpu.count };
  if (accelerator === NONE) return { machineType: m.machineType };
  return { machineType: m.machineType, acceleratorType: accelerator, acceleratorCount: m.acceleratorType === accelerator ? m.acceleratorCount : 1 };
}

export function acceleratorOptions(region: string): PickOption<string>[] {
  const names = new Set<string>();
  for (const m of regionMachineTypes(region)) {
    const fixed = m.tpu?.version ?? m.gpu?.type;
    if (fixed) names.add(fixed);
    for (const a of attachableAccelerators(region, m)) names.add(a);
  }
  return [{ label: l10n.t('None (CPU only)'), value: NONE }, ...[...names].sort().map((a) => ({ label: a, description: a.startsWith('TPU') ? 'TPU' : 'GPU', value: a }))];
}

export function machineOptions(region: string, accelerator: string): PickOption<string>[] {
  return regionMachineTypes(region)
    .filter((m) => {
      if (accelerator === NONE) return !m.gpu && !m.tpu;
      return (m.tpu?.version ?? m.gpu?.type) === accelerator || attachableAccelerators(region, m).includes(accelerator);
    })
    .map((m) => ({ label: m.name, description: `${m.vcpus} vCPUs${m.gpu ? `, ${m.gpu.count} × ${m.gpu.type}` : ''}${m.tpu ? `, ${m.tpu.chips} chips per host` : ''}`, value: m.name }));
}

export function machineLabel(m: MachineChoice): string {
  if (isTpu(m.machineType)) return `${m.machineType} (${m.tpuTopology ?? machineType(m.machineType)?.tpu?.topology})`;
  return m.acceleratorType ? `${m.machineType} + ${m.acceleratorCount ?? 1} × ${m.acceleratorType}` : m.machineType;
}

export function trialReviewFields(s: CustomishState) {
  return [
    { label: l10n.t('Region'), value: s.region, step: 'region' },
    { label: l10n.t('Display name'), value: s.displayName, step: 'displayName' },
    { label: l10n.t('Container'), value: s.container, step: 'container' },
    { label: l10n.t('Open model'), value: s.args.baseModel, step: 'args.baseModel' },
    { label: l10n.t('Dataset'), value: s.args.dataset, step: 'args.dataset' },
    ...(s.kind === 'customTuning' ? [{ label: l10n.t('LoRA rank'), value: String(s.args.loraRank), step: 'args.loraRank' }] : []),
    { label: l10n.t('LoRA alpha / dropout'), value: `${s.args.loraAlpha} / ${s.args.loraDropout}`, step: 'args.loraAlpha' },
    { label: l10n.t('Target modules'), value: s.args.targetModules.join(', '), step: 'args.targetModules' },
    { label: l10n.t('Quantisation'), value: s.args.quantize4bit ? l10n.t('4-bit (QLoRA)') : 'none', step: 'args.quantize4bit' },
    { label: l10n.t('Epochs'), value: String(s.args.epochs), step: 'args.epochs' },
    ...(s.kind === 'customTuning' ? [{ label: l10n.t('Learning rate'), value: String(s.args.learningRate), step: 'args.learningRate' }] : []),
    { label: l10n.t('Batch size'), value: String(s.args.batchSize), step: 'args.batchSize' },
    { label: l10n.t('Output directory'), value: s.args.outputDir, step: 'args.outputDir' },
    { label: l10n.t('Machine'), value: machineLabel(s.machine), step: 'machine.acceleratorType' },
    { label: l10n.t('Workers'), value: String(s.workerCount), step: 'workerCount' },
    { label: l10n.t('Scheduling'), value: s.spot ? l10n.t('Spot') : l10n.t('On demand'), step: 'spot' },
    { label: l10n.t('Service account'), value: s.serviceAccount ?? 'default', step: 'serviceAccount' },
    { label: l10n.t('Labels'), value: formatLabels(s.labels) || 'none', step: 'labels' },
  ];
}

export function customSteps(env: LaunchEnv): Step<CustomState>[] {
  return [
    ...trialSteps<CustomState>(env),
    launchReview<CustomState>({
      env,
      title: l10n.t('Review custom tuning job'),
      confirmLabel: l10n.t('Start custom job'),
      fields: trialReviewFields,
      problems: (s) => customProblems(s),
      rest: (s) => customRestCall(env.project, s),
      gcloud: customGcloud,
      launch: customLaunchOf,
    }),
  ];
}

export function customLaunchOf<S extends CustomishState>(s: S): Omit<S, 'ownImage' | 'confirmed'> {
  const { ownImage: _o, confirmed: _c, ...launch } = s;
  return launch;
}
