// DeployedModel resources checked the way Vertex checks them: the machine spec against
// the catalog (type, accelerator, count, region), replica counts, autoscaling metrics,
// and the resource kinds the model supports (supported_deployment_resources_types).
import { acceleratorUse, checkMachineSpec } from '@vertex-genai-ops/catalog/checkMachineSpec';
import type { FieldViolation } from '../googleError';
import type { JsonObject } from '../wireCodec';

/** The default machine of a DeployedModel, per MachineSpec.machine_type's documentation. */
const DEFAULT_MACHINE_TYPE = 'n1-standard-2';
const AUTOSCALING_METRICS = new Set([
  'aiplatform.googleapis.com/prediction/online/accelerator/duty_cycle',
  'aiplatform.googleapis.com/prediction/online/cpu/utilization',
  'aiplatform.googleapis.com/prediction/online/request_count',
]);

/**
 * Checks `deployed` (a DeployedModel from a request) for `model` (the version's data) in
 * `region`; returns the problems and the dedicated resources with defaults filled in.
 */
export function checkDeployedResources(region: string, model: JsonObject, deployed: JsonObject, path = 'deployed_model'): { violations: FieldViolation[]; dedicated?: JsonObject } {
  const supported = model.supportedDeploymentResourcesTypes as string[] | undefined;
  const modelName = String(model.name);
  const dedicated = deployed.dedicatedResources as JsonObject | undefined;
  if (dedicated) {
    if (supported?.length && !supported.includes('DEDICATED_RESOURCES')) {
      return { violations: [{ field: `${path}.dedicated_resources`, description: `'dedicated_resources' is not supported for Model ${modelName}.` }] };
    }
    return checkDedicated(region, dedicated, `${path}.dedicated_resources`);
  }
  if (deployed.automaticResources) {
    if (supported?.length && !supported.includes('AUTOMATIC_RESOURCES')) {
      return { violations: [{ field: `${path}.automatic_resources`, description: `'automatic_resources' is not supported for Model ${modelName}.` }] };
    }
    return { violations: [] };
  }
  if (supported?.length && !supported.includes('AUTOMATIC_RESOURCES') && !supported.includes('SHARED_RESOURCES')) {
    return { violations: [{ field: `${path}.dedicated_resources`, description: `Model ${modelName} supports ${supported.join(', ')}; 'dedicated_resources' must be set.` }] };
  }
  return { violations: [] };
}

/** Checks dedicated resources as deployed or mutated; `path` ends in "dedicated_resources". */
export function checkDedicated(region: string, dedicated: JsonObject, path: string): { violations: FieldViolation[]; dedicated: JsonObject } {
  const machineSpec: JsonObject = { machineType: DEFAULT_MACHINE_TYPE, ...((dedicated.machineSpec as JsonObject | undefined) ?? {}) };
  const violations: FieldViolation[] = checkMachineSpec(region, machineSpec).map((p) => ({ field: `${path}.machine_spec.${p.field}`, description: p.description }));
  const min = Number(dedicated.minReplicaCount ?? 0);
  const max = Number(dedicated.maxReplicaCount ?? 0) || min;
  if (min < 1) violations.push({ field: `${path}.min_replica_count`, description: 'min_replica_count must be greater than or equal to 1.' });
  else if (max < min) violations.push({ field: `${path}.max_replica_count`, description: `max_replica_count (${max}) must be greater than or equal to min_replica_count (${min}).` });
  const hasAccelerator = acceleratorUse(machineSpec) !== undefined;
  ((dedicated.autoscalingMetricSpecs as JsonObject[] | undefined) ?? []).forEach((spec, i) => {
    const field = `${path}.autoscaling_metric_specs[${i}]`;
    const metric = String(spec.metricName ?? '');
    if (!AUTOSCALING_METRICS.has(metric)) violations.push({ field: `${field}.metric_name`, description: `Unsupported autoscaling metric "${metric}". Supported: ${[...AUTOSCALING_METRICS].join(', ')}.` });
    else if (metric.endsWith('/duty_cycle') && !hasAccelerator) violations.push({ field: `${field}.metric_name`, description: `"${metric}" needs a machine with accelerators.` });
    const target = Number(spec.target ?? 0);
    if (!metric.endsWith('/request_count') && (target < 0 || target > 100)) violations.push({ field: `${field}.target`, description: `Target ${target} must be a percentage between 1 and 100.` });
  });
  return { violations, dedicated: { ...dedicated, machineSpec, minReplicaCount: min, maxReplicaCount: max } };
}
