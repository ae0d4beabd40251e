// Enums the REST clients hand back as numbers ($alt=json;enum-encoding=int), by name.
// Copied from the v1 protos; test/unit/vertex/enums.test.ts checks them against protos.json.

export const ACCELERATOR_TYPES: Readonly<Record<number, string>> = {
  0: 'ACCELERATOR_TYPE_UNSPECIFIED',
  1: 'NVIDIA_TESLA_K80',
  2: 'NVIDIA_TESLA_P100',
  3: 'NVIDIA_TESLA_V100',
  4: 'NVIDIA_TESLA_P4',
  5: 'NVIDIA_TESLA_T4',
  6: 'TPU_V2',
  7: 'TPU_V3',
  8: 'NVIDIA_TESLA_A100',
  9: 'NVIDIA_A100_80GB',
  10: 'TPU_V4_POD',
  11: 'NVIDIA_L4',
  12: 'TPU_V5_LITEPOD',
  13: 'NVIDIA_H100_80GB',
  14: 'NVIDIA_H100_MEGA_80GB',
  15: 'NVIDIA_H200_141GB',
  16: 'NVIDIA_B200',
  17: 'NVIDIA_GB200',
  18: 'NVIDIA_RTX_PRO_6000',
};

/** The accelerator's name, or undefined when there is none. */
export function acceleratorName(value: unknown): string | undefined {
  const name = typeof value === 'number' ? ACCELERATOR_TYPES[value] : typeof value === 'string' ? value : undefined;
  return name && name !== 'ACCELERATOR_TYPE_UNSPECIFIED' ? name : undefined;
}
