// Vertex AI machine types (custom training and prediction) and the accelerators each
// accepts, after Google's "Configure compute resources for custom training", "Machine
// types for prediction", the Compute Engine GPU pages and the Cloud TPU configuration
// pages. GPU machine families (a2, a3, g2) come with a fixed GPU count; n1 machines take
// attachable GPUs whose count is bounded by the machine's vCPUs; TPU machine types imply
// their TPU version, chip count and topologies.

/** Accelerator names as the AcceleratorType enum spells them, plus TPU versions the
 * v1 enum does not carry yet (their machine types imply them). */
export type AcceleratorName =
  | 'NVIDIA_TESLA_P100' | 'NVIDIA_TESLA_V100' | 'NVIDIA_TESLA_P4' | 'NVIDIA_TESLA_T4'
  | 'NVIDIA_TESLA_A100' | 'NVIDIA_A100_80GB' | 'NVIDIA_L4' | 'NVIDIA_H100_80GB'
  | 'NVIDIA_H100_MEGA_80GB' | 'NVIDIA_H200_141GB' | 'TPU_V5_LITEPOD' | 'TPU_V5P' | 'TPU_V6E';

export interface TpuShape {
  version: AcceleratorName;
  /** Chips on one host (VM) of this machine type. */
  chips: number;
  /** Single-host topology of one VM. */
  topology: string;
  /** Larger slices of several hosts, training only (replica_count = hosts). */
  multiHost: string[];
}

export interface MachineTypeInfo {
  name: string;
  vcpus: number;
  /** Fixed GPUs of a GPU machine family (a2, a3, g2). */
  gpu?: { type: AcceleratorName; count: number };
  /** Attachable GPUs (n1): allowed counts, each with the most vCPUs it supports. */
  attachable?: Partial<Record<AcceleratorName, { count: number; maxVcpus: number }[]>>;
  tpu?: TpuShape;
}

// Attachable GPU counts and the vCPU ceiling for each (Compute Engine N1 GPU table).
const N1_GPUS: MachineTypeInfo['attachable'] = {
  NVIDIA_TESLA_T4: [{ count: 1, maxVcpus: 48 }, { count: 2, maxVcpus: 48 }, { count: 4, maxVcpus: 96 }],
  NVIDIA_TESLA_V100: [{ count: 1, maxVcpus: 12 }, { count: 2, maxVcpus: 24 }, { count: 4, maxVcpus: 48 }, { count: 8, maxVcpus: 96 }],
  NVIDIA_TESLA_P100: [{ count: 1, maxVcpus: 16 }, { count: 2, maxVcpus: 32 }, { count: 4, maxVcpus: 96 }],
  NVIDIA_TESLA_P4: [{ count: 1, maxVcpus: 24 }, { count: 2, maxVcpus: 48 }, { count: 4, maxVcpus: 96 }],
};

function cpuFamily(prefix: string, sizes: number[], extra: Partial<MachineTypeInfo> = {}): MachineTypeInfo[] {
  return sizes.map((vcpus) => ({ name: `${prefix}-${vcpus}`, vcpus, ...extra }));
}

function gpuFamily(prefix: string, type: AcceleratorName, shapes: [suffix: string, count: number, vcpus: number][]): MachineTypeInfo[] {
  return shapes.map(([suffix, count, vcpus]) => ({ name: `${prefix}-${suffix}`, vcpus, gpu: { type, count } }));
}

function tpuType(name: string, version: AcceleratorName, chips: number, topology: string, vcpus: number, multiHost: string[] = []): MachineTypeInfo {
  return { name, vcpus, tpu: { version, chips, topology, multiHost } };
}

const ALL: MachineTypeInfo[] = [
  ...cpuFamily('n1-standard', [2, 4, 8, 16, 32, 64, 96], { attachable: N1_GPUS }),
  ...cpuFamily('n1-highmem', [2, 4, 8, 16, 32, 64, 96], { attachable: N1_GPUS }),
  ...cpuFamily('n1-highcpu', [16, 32, 64, 96], { attachable: N1_GPUS }),
  ...cpuFamily('e2-standard', [2, 4, 8, 16, 32]),
  ...cpuFamily('e2-highmem', [2, 4, 8, 16]),
  ...cpuFamily('e2-highcpu', [8, 16, 32]),
  ...cpuFamily('n2-standard', [2, 4, 8, 16, 32, 48, 64, 80, 96, 128]),
  ...cpuFamily('n2-highmem', [2, 4, 8, 16, 32, 48, 64, 80, 96, 128]),
  ...cpuFamily('n2-highcpu', [2, 4, 8, 16, 32, 48, 64, 80, 96]),
  ...cpuFamily('c2-standard', [4, 8, 16, 30, 60]),
  ...gpuFamily('a2-highgpu', 'NVIDIA_TESLA_A100', [['1g', 1, 12], ['2g', 2, 24], ['4g', 4, 48], ['8g', 8, 96]]),
  ...gpuFamily('a2-megagpu', 'NVIDIA_TESLA_A100', [['16g', 16, 96]]),
  ...gpuFamily('a2-ultragpu', 'NVIDIA_A100_80GB', [['1g', 1, 12], ['2g', 2, 24], ['4g', 4, 48], ['8g', 8, 96]]),
  ...gpuFamily('a3-highgpu', 'NVIDIA_H100_80GB', [['1g', 1, 26], ['2g', 2, 52], ['4g', 4, 104], ['8g', 8, 208]]),
  ...gpuFamily('a3-megagpu', 'NVIDIA_H100_MEGA_80GB', [['8g', 8, 208]]),
  ...gpuFamily('a3-ultragpu', 'NVIDIA_H200_141GB', [['8g', 8, 224]]),
  ...gpuFamily('g2-standard', 'NVIDIA_L4', [['4', 1, 4], ['8', 1, 8], ['12', 1, 12], ['16', 1, 16], ['24', 2, 24], ['32', 1, 32], ['48', 4, 48], ['96', 8, 96]]),
  tpuType('ct5lp-hightpu-1t', 'TPU_V5_LITEPOD', 1, '1x1', 24),
  tpuType('ct5lp-hightpu-4t', 'TPU_V5_LITEPOD', 4, '2x2', 112, ['4x4', '4x8', '8x8', '8x16', '16x16']),
  tpuType('ct5lp-hightpu-8t', 'TPU_V5_LITEPOD', 8, '2x4', 224),
  tpuType('ct5p-hightpu-4t', 'TPU_V5P', 4, '2x2x1', 208, ['2x2x2', '2x2x4', '2x4x4', '4x4x4']),
  tpuType('ct6e-standard-1t', 'TPU_V6E', 1, '1x1', 44),
  tpuType('ct6e-standard-4t', 'TPU_V6E', 4, '2x2', 180, ['4x4', '4x8', '8x8', '8x16', '16x16']),
  tpuType('ct6e-standard-8t', 'TPU_V6E', 8, '2x4', 180),
];

const BY_NAME = new Map(ALL.map((m) => [m.name, m]));

export function machineType(name: string): MachineTypeInfo | undefined {
  return BY_NAME.get(name);
}

export function allMachineTypes(): readonly MachineTypeInfo[] {
  return ALL;
}

/** Chips in a TPU topology: "2x2x1" → 4. */
export function topologyChips(topology: string): number {
  return topology.split('x').reduce((n, d) => n * Number(d), 1);
}
