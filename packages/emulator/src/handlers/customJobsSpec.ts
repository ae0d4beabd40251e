// CustomJobSpec checks shared by custom jobs and hyperparameter tuning trials: each
// worker pool has a machine spec the region can run (catalog), a sane replica count
// (the first pool is the single primary replica) and something to run: a container
// image or a Python package.
import { checkMachineSpec, type MachineSpecInput } from '@vertex-genai-ops/catalog/checkMachineSpec';
import type { FieldViolation } from '../googleError';
import type { JsonObject } from '../wireCodec';

export function jobSpecProblems(region: string, jobSpec: JsonObject | undefined, path: string): FieldViolation[] {
  const pools = (jobSpec?.workerPoolSpecs as JsonObject[] | undefined) ?? [];
  if (!pools.length) return [{ field: `${path}.worker_pool_specs`, description: 'Required field is not set.' }];
  return pools.flatMap((pool, i) => poolProblems(region, pool, i, `${path}.worker_pool_specs[${i}]`));
}

function poolProblems(region: string, pool: JsonObject, index: number, path: string): FieldViolation[] {
  // Later pools may be left empty to skip a role (e.g. no parameter servers).
  if (index > 0 && !Object.keys(pool).length) return [];
  const problems: FieldViolation[] = [];
  const replicas = Number(pool.replicaCount ?? 1);
  if (!Number.isInteger(replicas) || replicas < 1) problems.push({ field: `${path}.replica_count`, description: `Replica count must be at least 1, got ${replicas}.` });
  else if (index === 0 && replicas !== 1 && !isMultiHostTpu(pool)) {
    problems.push({ field: `${path}.replica_count`, description: 'The first worker pool is the primary replica: its replica count must be 1.' });
  }
  const machineSpec = pool.machineSpec as MachineSpecInput | undefined;
  if (!machineSpec) problems.push({ field: `${path}.machine_spec`, description: 'Required field is not set.' });
  else for (const p of checkMachineSpec(region, machineSpec, { replicaCount: replicas })) problems.push({ field: `${path}.machine_spec.${p.field}`, description: p.description });
  const container = pool.containerSpec as JsonObject | undefined;
  const python = pool.pythonPackageSpec as JsonObject | undefined;
  if (!container && !python) problems.push({ field: path, description: 'One of container_spec or python_package_spec must be set.' });
  if (container && !container.imageUri) problems.push({ field: `${path}.container_spec.image_uri`, description: 'Required field is not set.' });
  if (python) {
    for (const field of ['executorImageUri', 'pythonModule'] as const) {
      if (!python[field]) problems.push({ field: `${path}.python_package_spec.${field === 'executorImageUri' ? 'executor_image_uri' : 'python_module'}`, description: 'Required field is not set.' });
    }
    if (!(python.packageUris as string[] | undefined)?.length) problems.push({ field: `${path}.python_package_spec.package_uris`, description: 'Required field is not set.' });
  }
  return problems;
}

/** A multi-host TPU slice runs one replica per host in the primary pool. */
function isMultiHostTpu(pool: JsonObject): boolean {
  return Boolean((pool.machineSpec as JsonObject | undefined)?.tpuTopology) && String((pool.machineSpec as JsonObject).machineType).startsWith('ct');
}
