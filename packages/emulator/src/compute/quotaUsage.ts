// Accelerator usage per region, read from the resources themselves: serving uses
// min_replica_count × accelerators of every deployed model (plus deployments in
// flight); training uses every pool of custom jobs not yet finished and the parallel
// trials of hyperparameter tuning jobs. A request that would go over the limit is a
// 429 RESOURCE_EXHAUSTED naming the quota metric, as Vertex answers.
import type { EmulatorState } from '../context';
import { ApiError, type ErrorDetail } from '../googleError';
import type { JsonObject } from '../wireCodec';
import { acceleratorUse, type MachineSpecInput } from '@vertex-genai-ops/catalog/checkMachineSpec';
import { computeOf } from './computeState';
import type { AcceleratorName } from '@vertex-genai-ops/catalog/machineTypes';
import { quotaLimit, quotaLimitName, quotaMetric, type QuotaKind } from '@vertex-genai-ops/catalog/quotas';
import { isActiveJobState } from '@vertex-genai-ops/catalog/jobStates';

export type Demand = Map<AcceleratorName, number>;

export function addDemand(demand: Demand, spec: MachineSpecInput | undefined, replicas: number): Demand {
  const use = spec && acceleratorUse(spec);
  if (use && replicas > 0) demand.set(use.accelerator, (demand.get(use.accelerator) ?? 0) + use.count * replicas);
  return demand;
}

/** Accelerators of a job spec's worker pools. */
export function poolsDemand(jobSpec: JsonObject | undefined, times = 1, demand: Demand = new Map()): Demand {
  for (const pool of (jobSpec?.workerPoolSpecs as JsonObject[] | undefined) ?? []) {
    addDemand(demand, pool.machineSpec as MachineSpecInput | undefined, Number(pool.replicaCount ?? 1) * times);
  }
  return demand;
}

/** Accelerators of a deployed model's dedicated resources (min replicas are always up). */
export function deployedDemand(deployed: JsonObject, demand: Demand = new Map()): Demand {
  const dedicated = deployed.dedicatedResources as JsonObject | undefined;
  return addDemand(demand, dedicated?.machineSpec as MachineSpecInput | undefined, Number(dedicated?.minReplicaCount ?? 0));
}

export function usage(state: EmulatorState, location: string, kind: QuotaKind): Demand {
  const demand: Demand = new Map();
  if (kind === 'serving') {
    for (const endpoint of state.store.list(location, 'endpoints')) {
      for (const deployed of (endpoint.data.deployedModels as JsonObject[] | undefined) ?? []) deployedDemand(deployed, demand);
    }
    const reservations = computeOf(state).reservations;
    for (const [operation, r] of reservations) {
      if (state.operations.get(operation)?.done !== false) reservations.delete(operation);
      else if (r.location === location) for (const [accelerator, count] of r.demand) demand.set(accelerator, (demand.get(accelerator) ?? 0) + count);
    }
    return demand;
  }
  for (const job of state.store.list(location, 'customJobs')) {
    if (isActiveJobState(String(job.data.state))) poolsDemand(job.data.jobSpec as JsonObject, 1, demand);
  }
  for (const job of state.store.list(location, 'hyperparameterTuningJobs')) {
    if (isActiveJobState(String(job.data.state))) poolsDemand(job.data.trialJobSpec as JsonObject, Number(job.data.parallelTrialCount ?? 1), demand);
  }
  return demand;
}

/** Throws Vertex's 429 when `extra` on top of current usage exceeds a limit. */
export function assertQuota(state: EmulatorState, location: string, kind: QuotaKind, extra: Demand): void {
  const region = location.split('/')[3];
  const consumer = location.split('/').slice(0, 2).join('/');
  const current = usage(state, location, kind);
  const over = [...extra].filter(([accelerator, count]) => count > 0 && (current.get(accelerator) ?? 0) + count > quotaLimit(computeOf(state).quotas, region, kind, accelerator));
  if (!over.length) return;
  const details: ErrorDetail[] = [];
  const violations = over.map(([accelerator, count]) => {
    const limit = quotaLimit(computeOf(state).quotas, region, kind, accelerator);
    const used = current.get(accelerator) ?? 0;
    return {
      subject: consumer,
      description: `Quota exceeded for quota metric '${quotaMetric(kind, accelerator)}' and limit '${quotaLimitName(kind, accelerator)}' of service ` +
        `'aiplatform.googleapis.com' for consumer '${consumer.replace('projects/', 'project_number:')}' in ${region}: ${used} in use, ${count} requested, limit ${limit}.`,
      apiService: 'aiplatform.googleapis.com',
      quotaMetric: quotaMetric(kind, accelerator),
      quotaId: quotaLimitName(kind, accelerator),
      quotaDimensions: { region },
      quotaValue: String(limit),
    };
  });
  details.push({ '@type': 'type.googleapis.com/google.rpc.QuotaFailure', violations });
  const first = violations[0];
  details.push({
    '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
    reason: 'RESOURCE_QUOTA_EXCEEDED',
    domain: 'googleapis.com',
    metadata: {
      consumer,
      service: 'aiplatform.googleapis.com',
      quota_metric: first.quotaMetric,
      quota_limit: first.quotaId,
      quota_limit_value: first.quotaValue,
      quota_location: region,
    },
  });
  const metrics = violations.map((v) => v.quotaMetric).join(', ');
  throw new ApiError('RESOURCE_EXHAUSTED', `The following quota metrics exceed quota limits: ${metrics}`, details);
}
