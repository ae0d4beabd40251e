// What a deploy flow collects, how it is checked before anything is sent (machine and
// accelerator against each chosen region's catalog, replicas, autoscaling target,
// logging table), and the DeployedModel, gcloud command and REST call it becomes. Pure.
import * as l10n from '@vscode/l10n';
import { checkMachineSpec, type MachineChoice } from '@vertex-genai-ops/catalog/checkMachineSpec';
import type { EndpointAccess, NewEndpoint } from '../../vertex/deploy';
import type { RestCall } from '../../vertex/curlCommand';
import { shellFlag, shellQuote } from '../../common/quote';
import { vertexRestUrl } from '../../vertex/connection';
import { resourceId, resourceRegion } from '../../vertex/protoValues';
import type { Deployment } from './trafficMath';

export type { MachineChoice } from '@vertex-genai-ops/catalog/checkMachineSpec';

export type Autoscaling = 'default' | 'cpu' | 'dutyCycle' | 'requests';

export type EndpointChoice =
  | { readonly kind: 'new' }
  /** Existing endpoints with this display name, per region (created where missing). */
  | { readonly kind: 'existing'; readonly displayName: string; readonly names: Readonly<Record<string, string>> };

export interface DeployAnswers {
  /** `…/models/ID@N` */
  readonly version: string;
  /** The model's display name, for a default endpoint name. */
  readonly modelDisplayName: string;
  readonly regions: readonly string[];
  readonly endpoint: EndpointChoice;
  readonly endpointDisplayName: string;
  readonly access: EndpointAccess;
  readonly machine: MachineChoice;
  readonly minReplicas: number;
  readonly maxReplicas: number;
  readonly autoscaling: Autoscaling;
  readonly target: number;
  readonly spot: boolean;
  /** Percent for the new deployment; the others are rescaled. */
  readonly share: number;
  /** Deployments of the chosen endpoint (single region only), for typing an explicit split. */
  readonly existingDeployments: readonly Deployment[];
  /** Explicit split typed by the user (single region, existing endpoint), keyed by deployed model id, "0" = new. */
  readonly explicitSplit?: Readonly<Record<string, number>>;
  /** 0 = no request-response logging. */
  readonly loggingRate: number;
  readonly loggingTable: string;
  readonly confirmed: boolean;
}

export const AUTOSCALING_METRICS: Record<Exclude<Autoscaling, 'default'>, string> = {
  cpu: 'aiplatform.googleapis.com/prediction/online/cpu/utilization',
  dutyCycle: 'aiplatform.googleapis.com/prediction/online/accelerator/duty_cycle',
  requests: 'aiplatform.googleapis.com/prediction/online/request_count',
};

/** Serving machines offered in the picker: CPU, GPU (attachable and fixed) and TPU. */
export const MACHINE_CHOICES: readonly MachineChoice[] = [
  { machineType: 'n1-standard-2' },
  { machineType: 'n1-standard-4' },
  { machineType: 'e2-standard-4' },
  { machineType: 'n1-standard-8', acceleratorType: 'NVIDIA_TESLA_T4', acceleratorCount: 1 },
  { machineType: 'n1-standard-16', acceleratorType: 'NVIDIA_TESLA_T4', acceleratorCount: 2 },
  { machineType: 'n1-standard-8', acceleratorType: 'NVIDIA_TESLA_V100', acceleratorCount: 1 },
  { machineType: 'g2-standard-8', acceleratorType: 'NVIDIA_L4', acceleratorCount: 1 },
  { machineType: 'g2-standard-24', acceleratorType: 'NVIDIA_L4', acceleratorCount: 2 },
  { machineType: 'a2-highgpu-1g', acceleratorType: 'NVIDIA_TESLA_A100', acceleratorCount: 1 },
  { machineType: 'a3-highgpu-1g', acceleratorType: 'NVIDIA_H100_80GB', acceleratorCount: 1 },
  { machineType: 'ct5lp-hightpu-1t', tpuTopology: '1x1' },
  { machineType: 'ct5lp-hightpu-4t', tpuTopology: '2x2' },
  { machineType: 'ct6e-standard-1t', tpuTopology: '1x1' },
];

export function machineLabel(m: MachineChoice): string {
  if (m.acceleratorType) return `${m.machineType} + ${m.acceleratorCount} × ${m.acceleratorType}`;
  if (m.tpuTopology) return l10n.t('{0} (TPU {1})', m.machineType, m.tpuTopology);
  return m.machineType;
}

/** Why the machine cannot serve in some chosen region, or undefined. */
export function machineProblem(machine: MachineChoice, regions: readonly string[]): string | undefined {
  for (const region of regions) {
    const problem = checkMachineSpec(region, machine)[0];
    if (problem) return `${region}: ${problem.description}`;
  }
  return undefined;
}

/** "1" or "1-3" → replicas, or what is wrong. */
export function parseReplicas(text: string): { min: number; max: number } | string {
  const match = /^\s*(\d+)\s*(?:[-–]\s*(\d+)\s*)?$/.exec(text);
  if (!match) return l10n.t('Enter the replica count as min-max, e.g. 1-3 (or one number for a fixed size).');
  const min = Number(match[1]);
  const max = match[2] === undefined ? min : Number(match[2]);
  if (min < 1) return l10n.t('At least one replica must run (min ≥ 1).');
  if (max < min) return l10n.t('The maximum ({0}) must be at least the minimum ({1}).', max, min);
  if (max > 1000) return l10n.t('At most 1000 replicas.');
  return { min, max };
}

export function targetProblem(autoscaling: Autoscaling, text: string): string | undefined {
  const value = Number(text.trim());
  if (autoscaling === 'requests') return Number.isInteger(value) && value >= 1 ? undefined : l10n.t('Enter the requests per minute per replica, a whole number ≥ 1.');
  return Number.isInteger(value) && value >= 1 && value <= 100 ? undefined : l10n.t('Enter a target utilisation from 1 to 100 (percent).');
}

export function loggingTableProblem(text: string): string | undefined {
  return /^bq:\/\/[a-z][a-z0-9-]{4,28}[a-z0-9](\.[A-Za-z_][A-Za-z0-9_]{0,1023}){0,2}$/.test(text.trim())
    ? undefined
    : l10n.t('Enter a BigQuery URI: bq://project, bq://project.dataset or bq://project.dataset.table.');
}

export function hasAccelerator(machine: MachineChoice): boolean {
  return Boolean(machine.acceleratorType || machine.tpuTopology);
}

/** The DeployedModel message of the DeployModel request. */
export function deployedModelBody(a: DeployAnswers, model = a.version): Record<string, unknown> {
  const { machineType, acceleratorType, acceleratorCount, tpuTopology } = a.machine;
  const metric = a.autoscaling === 'default' ? undefined : AUTOSCALING_METRICS[a.autoscaling];
  return {
    model,
    displayName: `${a.endpointDisplayName}-v${model.split('@')[1] ?? ''}`.replace(/-v$/, ''),
    dedicatedResources: {
      machineSpec: { machineType, ...(acceleratorType ? { acceleratorType, acceleratorCount } : {}), ...(tpuTopology ? { tpuTopology } : {}) },
      minReplicaCount: a.minReplicas,
      maxReplicaCount: a.maxReplicas,
      ...(metric ? { autoscalingMetricSpecs: [{ metricName: metric, target: a.target }] } : {}),
      ...(a.spot ? { spot: true } : {}),
    },
  };
}

export function newEndpointOf(a: DeployAnswers): NewEndpoint {
  return {
    displayName: a.endpointDisplayName,
    access: a.access,
    ...(a.loggingRate > 0 ? { logging: { samplingRate: a.loggingRate, table: a.loggingTable.trim() } } : {}),
  };
}

/** The endpoint a region deploys to, when it exists already. */
export function existingEndpoint(a: DeployAnswers, region: string): string | undefined {
  return a.endpoint.kind === 'existing' ? a.endpoint.names[region] : undefined;
}

/** The `gcloud` commands that do the same, one region per line. */
export function gcloudCommand(a: DeployAnswers): string {
  const { machineType, acceleratorType, acceleratorCount } = a.machine;
  return a.regions
    .map((region) => {
      const endpoint = existingEndpoint(a, region);
      const create = endpoint ? '' : `gcloud ai endpoints create ${shellFlag('region', region)} ${shellFlag('display-name', a.endpointDisplayName)} && \\\n`;
      const flags = [
        shellFlag('region', region),
        shellFlag('model', resourceId(a.version)),
        shellFlag('display-name', a.endpointDisplayName),
        shellFlag('machine-type', machineType),
        acceleratorType && shellFlag('accelerator', `type=${acceleratorType.toLowerCase().replace(/_/g, '-')},count=${acceleratorCount}`),
        shellFlag('min-replica-count', a.minReplicas),
        shellFlag('max-replica-count', a.maxReplicas),
        a.autoscaling === 'cpu' && shellFlag('autoscaling-metric-specs', `cpu-usage=${a.target}`),
        a.autoscaling === 'dutyCycle' && shellFlag('autoscaling-metric-specs', `gpu-duty-cycle=${a.target}`),
        a.autoscaling === 'requests' && shellFlag('autoscaling-metric-specs', `request-counts-per-minute=${a.target}`),
        a.spot && '--spot',
        endpoint && a.share < 100 && shellFlag('traffic-split', `0=${a.share},…`),
      ].filter(Boolean);
      return `${create}gcloud ai endpoints deploy-model ${endpoint ? shellQuote(resourceId(endpoint)) : 'ENDPOINT_ID'} ${flags.join(' ')}`;
    })
    .join('\n');
}

/** The DeployModel REST call of the first region (the others differ only in the location). */
export function deployRestCall(a: DeployAnswers, region = a.regions[0], split?: Record<string, number>): RestCall {
  const endpoint = existingEndpoint(a, region) ?? `projects/PROJECT/locations/${region}/endpoints/ENDPOINT_ID`;
  const model = resourceRegion(a.version) === region ? a.version : `projects/PROJECT/locations/${region}/models/COPIED_MODEL_ID`;
  return {
    method: 'POST',
    url: vertexRestUrl(region, `${endpoint}:deployModel`),
    body: { deployedModel: deployedModelBody(a, model), ...(split ? { trafficSplit: split } : {}) },
  };
}
