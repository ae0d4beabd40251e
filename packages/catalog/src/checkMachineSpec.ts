// Validates a MachineSpec against the catalog: the machine type exists, the accelerator
// fits it (type and count), the TPU topology matches, and the region offers it. Pure
// and free of emulator imports, so the extension can run the same checks before it
// calls Google. Field names are relative to the machine_spec message, snake_case.
import { offersAccelerator } from './acceleratorRegions';
import { machineType, topologyChips, type AcceleratorName, type MachineTypeInfo } from './machineTypes';

export interface MachineSpecInput {
  machineType?: string;
  /** AcceleratorType enum name; unset or ACCELERATOR_TYPE_UNSPECIFIED means none. */
  acceleratorType?: string;
  acceleratorCount?: number;
  tpuTopology?: string;
}

/** A machine as a flow chooses it (deploy, custom training): the type always set. */
export interface MachineChoice {
  readonly machineType: string;
  readonly acceleratorType?: string;
  readonly acceleratorCount?: number;
  readonly tpuTopology?: string;
}

export interface MachineSpecProblem {
  field: 'machine_type' | 'accelerator_type' | 'accelerator_count' | 'tpu_topology';
  description: string;
}

export interface MachineSpecOptions {
  /** Replicas sharing one multi-host TPU slice (training worker pools); default 1. */
  replicaCount?: number;
}

/** The accelerator a valid spec consumes (quota), or undefined for CPU-only specs. */
export interface AcceleratorUse {
  accelerator: AcceleratorName;
  /** Per replica: GPUs, or TPU chips of one host. */
  count: number;
}

export function checkMachineSpec(region: string, spec: MachineSpecInput, options: MachineSpecOptions = {}): MachineSpecProblem[] {
  const name = spec.machineType ?? '';
  if (!name) return [{ field: 'machine_type', description: 'Required field is not set.' }];
  const info = machineType(name);
  if (!info) return [{ field: 'machine_type', description: `Machine type "${name}" is not supported.` }];
  const requested = acceleratorOf(spec);
  const problems = info.tpu ? checkTpu(info, spec, requested, options) : info.gpu ? checkFixedGpu(info, spec, requested) : checkAttachable(info, spec, requested);
  if (problems.length) return problems;
  const used = acceleratorUse(spec);
  if (used && !offersAccelerator(region, used.accelerator)) {
    return [{ field: requested ? 'accelerator_type' : 'machine_type', description: `Accelerator "${used.accelerator}" is not supported in location ${region}.` }];
  }
  return [];
}

/** What a spec that passed checkMachineSpec consumes per replica. */
export function acceleratorUse(spec: MachineSpecInput): AcceleratorUse | undefined {
  const info = machineType(spec.machineType ?? '');
  if (info?.tpu) return { accelerator: info.tpu.version, count: info.tpu.chips };
  if (info?.gpu) return { accelerator: info.gpu.type, count: info.gpu.count };
  const requested = acceleratorOf(spec);
  return requested ? { accelerator: requested as AcceleratorName, count: spec.acceleratorCount || 1 } : undefined;
}

function acceleratorOf(spec: MachineSpecInput): string | undefined {
  const type = spec.acceleratorType;
  return type && type !== 'ACCELERATOR_TYPE_UNSPECIFIED' ? type : undefined;
}

function notForMachine(accelerator: string, machine: string): MachineSpecProblem {
  return { field: 'accelerator_type', description: `Accelerator "${accelerator}" is not supported for machine type "${machine}".` };
}

function badCount(count: number, machine: string, accelerator: string, supported: number[]): MachineSpecProblem {
  const list = supported.length ? supported.join(', ') : 'none';
  return {
    field: 'accelerator_count',
    description: `Accelerator count ${count} is not supported for machine type "${machine}" with accelerator "${accelerator}". Supported counts: ${list}.`,
  };
}

function checkFixedGpu(info: MachineTypeInfo, spec: MachineSpecInput, requested: string | undefined): MachineSpecProblem[] {
  const gpu = info.gpu as NonNullable<MachineTypeInfo['gpu']>;
  if (!requested) {
    return [{ field: 'accelerator_type', description: `Machine type "${info.name}" requires accelerator_type ${gpu.type} with accelerator_count ${gpu.count}.` }];
  }
  if (requested !== gpu.type) return [notForMachine(requested, info.name)];
  const count = spec.acceleratorCount ?? 0;
  return count === gpu.count ? [] : [badCount(count, info.name, requested, [gpu.count])];
}

function checkAttachable(info: MachineTypeInfo, spec: MachineSpecInput, requested: string | undefined): MachineSpecProblem[] {
  if (!requested) {
    return spec.acceleratorCount ? [{ field: 'accelerator_type', description: 'accelerator_type must be set when accelerator_count is set.' }] : [];
  }
  const options = info.attachable?.[requested as AcceleratorName];
  if (!options) return [notForMachine(requested, info.name)];
  const count = spec.acceleratorCount ?? 0;
  // A GPU count supports machines up to a vCPU ceiling; list the counts this machine can take.
  const fitting = options.filter((o) => o.maxVcpus >= info.vcpus).map((o) => o.count);
  return fitting.includes(count) ? [] : [badCount(count, info.name, requested, fitting)];
}

function checkTpu(info: MachineTypeInfo, spec: MachineSpecInput, requested: string | undefined, options: MachineSpecOptions): MachineSpecProblem[] {
  const tpu = info.tpu as NonNullable<MachineTypeInfo['tpu']>;
  if (requested && requested !== tpu.version) return [notForMachine(requested, info.name)];
  const topology = spec.tpuTopology || tpu.topology;
  const replicas = options.replicaCount ?? 1;
  const hosts = topologyChips(topology) / tpu.chips;
  const allowed = [tpu.topology, ...tpu.multiHost];
  if (!allowed.includes(topology)) {
    return [{ field: 'tpu_topology', description: `TPU topology "${topology}" is not supported for machine type "${info.name}". Supported topologies: ${allowed.join(', ')}.` }];
  }
  if (hosts !== replicas) {
    return [{ field: 'tpu_topology', description: `TPU topology "${topology}" spans ${hosts} host(s) of machine type "${info.name}"; the replica count must be ${hosts}, not ${replicas}.` }];
  }
  if (spec.acceleratorCount && spec.acceleratorCount !== tpu.chips) return [badCount(spec.acceleratorCount, info.name, tpu.version, [tpu.chips])];
  return [];
}
