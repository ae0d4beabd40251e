// Custom GPU/TPU LoRA/PEFT tuning: the launch → a CustomJob (worker pools, container
// args), checked against the region's machine catalogue before anything is sent.
import * as l10n from '@vscode/l10n';
import { stringify } from 'yaml';
import { checkMachineSpec } from '@vertex-genai-ops/catalog/checkMachineSpec';
import { machineType, topologyChips } from '@vertex-genai-ops/catalog/machineTypes';
import type { RestCall } from '../../../vertex/curlCommand';
import { vertexRestUrl } from '../../../vertex/connection';
import { shellFlag, shellHeredoc } from '../../../common/quote';
import { displayNameProblem, gcsLocationProblem, gcsObjectProblem, imageProblem, serviceAccountProblem } from './fieldRules';
import { labelProblem } from '../../../common/labels';
import type { CustomLaunch, HptLaunch, LaunchProblem, TrainingArgs } from './launchTypes';

/** Arguments a trial gets from Vertex instead (hyperparameter tuning appends --id=value). */
export type SweptArg = 'learning_rate' | 'lora_rank';

/** The training arguments as the container reads them. */
export function containerArgs(args: TrainingArgs, swept: readonly SweptArg[] = []): string[] {
  const all: [string, string][] = [
    ['base_model', args.baseModel],
    ['train_dataset', args.dataset],
    ['lora_rank', String(args.loraRank)],
    ['lora_alpha', String(args.loraAlpha)],
    ['lora_dropout', String(args.loraDropout)],
    ['target_modules', args.targetModules.join(',')],
    ['load_in_4bit', String(args.quantize4bit)],
    ['num_train_epochs', String(args.epochs)],
    ['learning_rate', String(args.learningRate)],
    ['per_device_train_batch_size', String(args.batchSize)],
    ['output_dir', args.outputDir],
  ];
  return all.filter(([k]) => !swept.includes(k as SweptArg)).map(([k, v]) => `--${k}=${v}`);
}

/** Hosts a machine choice spans: a multi-host TPU slice runs one replica per host. */
export function chiefReplicas(launch: Pick<CustomLaunch, 'machine'>): number {
  const tpu = machineType(launch.machine.machineType)?.tpu;
  return tpu && launch.machine.tpuTopology ? topologyChips(launch.machine.tpuTopology) / tpu.chips : 1;
}

export function isTpu(machine: string): boolean {
  return Boolean(machineType(machine)?.tpu);
}

export function machineSpec(launch: Pick<CustomLaunch, 'machine'>): Record<string, unknown> {
  const m = launch.machine;
  // TPU machine types imply their chips; the v1 enum has no v5p/v6e, so Vertex takes the topology alone.
  if (isTpu(m.machineType)) return { machineType: m.machineType, ...(m.tpuTopology ? { tpuTopology: m.tpuTopology } : {}) };
  return {
    machineType: m.machineType,
    ...(m.acceleratorType ? { acceleratorType: m.acceleratorType, acceleratorCount: m.acceleratorCount ?? 1 } : {}),
  };
}

/** CustomJobSpec: chief pool, optional worker pool, spot scheduling, service account. */
export function jobSpec(launch: CustomLaunch | HptLaunch, swept: readonly SweptArg[] = []): Record<string, unknown> {
  const container = { imageUri: launch.container, args: containerArgs(launch.args, swept) };
  const spec = machineSpec(launch);
  const pools: Record<string, unknown>[] = [{ machineSpec: spec, replicaCount: String(chiefReplicas(launch)), containerSpec: container }];
  if (launch.workerCount > 0) pools.push({ machineSpec: spec, replicaCount: String(launch.workerCount), containerSpec: container });
  return {
    workerPoolSpecs: pools,
    ...(launch.spot ? { scheduling: { strategy: 'SPOT' } } : {}),
    ...(launch.serviceAccount ? { serviceAccount: launch.serviceAccount } : {}),
  };
}

export function customJobBody(launch: CustomLaunch): Record<string, unknown> {
  return { displayName: launch.displayName, jobSpec: jobSpec(launch), ...(Object.keys(launch.labels).length ? { labels: { ...launch.labels } } : {}) };
}

const MACHINE_FIELDS: Record<string, string> = {
  machine_type: 'machine.machineType',
  accelerator_type: 'machine.acceleratorType',
  accelerator_count: 'machine.acceleratorCount',
  tpu_topology: 'machine.tpuTopology',
};

/** The machine checks Vertex makes, against the region's catalogue. */
export function machineProblems(launch: Pick<CustomLaunch, 'region' | 'machine' | 'workerCount'>): LaunchProblem[] {
  const { machine } = launch;
  const problems = checkMachineSpec(launch.region, machine, { replicaCount: chiefReplicas(launch) }).map((p) => ({ path: MACHINE_FIELDS[p.field], message: p.description }));
  if (!problems.length && isTpu(machine.machineType) && launch.workerCount > 0) {
    problems.push({ path: 'workerCount', message: l10n.t('A TPU slice runs in the chief pool alone: set the worker count to 0 and pick a larger topology to scale out.') });
  }
  return problems;
}

export function trainingArgsProblems(args: TrainingArgs, swept: readonly SweptArg[] = []): LaunchProblem[] {
  const problems: LaunchProblem[] = [];
  const add = (path: string, message: string | undefined) => message && problems.push({ path: `args.${path}`, message });
  if (!args.baseModel.trim()) add('baseModel', l10n.t('Name the open model to tune, such as google/gemma-2-9b or meta-llama/Llama-3.1-8B.'));
  add('dataset', gcsObjectProblem(args.dataset, l10n.t('The training dataset')));
  if (!swept.includes('lora_rank') && !(Number.isInteger(args.loraRank) && args.loraRank >= 1 && args.loraRank <= 256)) add('loraRank', l10n.t('LoRA rank must be a whole number from 1 to 256.'));
  if (!(args.loraAlpha > 0)) add('loraAlpha', l10n.t('LoRA alpha must be greater than 0.'));
  if (!(args.loraDropout >= 0 && args.loraDropout < 1)) add('loraDropout', l10n.t('LoRA dropout must be at least 0 and less than 1.'));
  if (!args.targetModules.length || args.targetModules.some((m) => !/^[A-Za-z_][\w.]*$/.test(m))) add('targetModules', l10n.t('List the modules LoRA adapts, separated by commas (such as q_proj, v_proj).'));
  if (!(Number.isInteger(args.epochs) && args.epochs >= 1 && args.epochs <= 100)) add('epochs', l10n.t('Epochs must be a whole number from 1 to 100.'));
  if (!swept.includes('learning_rate') && !(args.learningRate > 0 && args.learningRate < 1)) add('learningRate', l10n.t('The learning rate must be greater than 0 and less than 1, such as 2e-4.'));
  if (!(Number.isInteger(args.batchSize) && args.batchSize >= 1 && args.batchSize <= 1024)) add('batchSize', l10n.t('The batch size must be a whole number from 1 to 1024.'));
  add('outputDir', gcsLocationProblem(args.outputDir, l10n.t('The output directory')));
  return problems;
}

export function customProblems(launch: CustomLaunch | HptLaunch, swept: readonly SweptArg[] = []): LaunchProblem[] {
  const problems: LaunchProblem[] = [];
  const add = (path: string, message: string | undefined) => message && problems.push({ path, message });
  add('displayName', displayNameProblem(launch.displayName));
  add('container', imageProblem(launch.container));
  problems.push(...trainingArgsProblems(launch.args, swept));
  problems.push(...machineProblems(launch));
  if (!(Number.isInteger(launch.workerCount) && launch.workerCount >= 0 && launch.workerCount <= 100)) add('workerCount', l10n.t('The worker count must be a whole number from 0 to 100.'));
  add('serviceAccount', serviceAccountProblem(launch.serviceAccount ?? ''));
  for (const [key, value] of Object.entries(launch.labels)) add(`labels.${key}`, labelProblem(key, value));
  return problems;
}

export function customRestCall(project: string, launch: CustomLaunch): RestCall {
  return { method: 'POST', url: vertexRestUrl(launch.region, `projects/${project}/locations/${launch.region}/customJobs`), body: customJobBody(launch) };
}

/** gcloud takes the spec as a YAML config file; the command writes it first. */
export function customGcloud(launch: CustomLaunch): string {
  return gcloudWithConfig('custom-job.yaml', jobSpec(launch), [
    'gcloud ai custom-jobs create',
    shellFlag('region', launch.region),
    shellFlag('display-name', launch.displayName),
    '--config=custom-job.yaml',
    ...labelsFlag(launch.labels),
  ]);
}

export function gcloudWithConfig(file: string, config: unknown, command: string[]): string {
  return [`cat > ${file} ${shellHeredoc(stringify(config).trimEnd())}`, command.join(' \\\n  ')].join('\n');
}

export function labelsFlag(labels: Readonly<Record<string, string>>): string[] {
  const entries = Object.entries(labels);
  return entries.length ? [shellFlag('labels', entries.map(([k, v]) => `${k}=${v}`).join(','))] : [];
}
