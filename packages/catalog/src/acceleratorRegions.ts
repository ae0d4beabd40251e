// Which accelerators each region offers, a believable subset of Vertex AI's
// "Locations" accelerator tables and the Cloud TPU "regions and zones" page. Regions
// not listed serve CPU machine types only.
import type { AcceleratorName } from './machineTypes';

const GPU_CLASSIC: AcceleratorName[] = ['NVIDIA_TESLA_T4', 'NVIDIA_TESLA_V100', 'NVIDIA_TESLA_P100'];

const OFFERED: Record<string, AcceleratorName[]> = {
  'us-central1': [
    ...GPU_CLASSIC, 'NVIDIA_TESLA_P4', 'NVIDIA_L4', 'NVIDIA_TESLA_A100', 'NVIDIA_A100_80GB',
    'NVIDIA_H100_80GB', 'NVIDIA_H100_MEGA_80GB', 'NVIDIA_H200_141GB', 'TPU_V5_LITEPOD', 'TPU_V5P', 'TPU_V6E',
  ],
  'us-east1': [...GPU_CLASSIC, 'NVIDIA_L4', 'TPU_V6E'],
  'us-east4': ['NVIDIA_TESLA_T4', 'NVIDIA_TESLA_P4', 'NVIDIA_L4', 'NVIDIA_TESLA_A100', 'NVIDIA_H100_80GB', 'NVIDIA_H100_MEGA_80GB'],
  'us-east5': ['NVIDIA_H100_80GB', 'NVIDIA_H200_141GB', 'TPU_V5_LITEPOD', 'TPU_V5P', 'TPU_V6E'],
  'us-west1': [...GPU_CLASSIC, 'NVIDIA_L4', 'NVIDIA_TESLA_A100', 'TPU_V5_LITEPOD', 'TPU_V6E'],
  'us-west4': ['NVIDIA_TESLA_T4', 'NVIDIA_L4', 'NVIDIA_TESLA_A100', 'NVIDIA_H100_80GB', 'TPU_V5_LITEPOD'],
  'europe-west1': ['NVIDIA_TESLA_T4', 'NVIDIA_TESLA_P100', 'NVIDIA_L4'],
  'europe-west2': ['NVIDIA_TESLA_T4', 'NVIDIA_L4', 'NVIDIA_H100_80GB'],
  'europe-west4': [
    ...GPU_CLASSIC, 'NVIDIA_TESLA_P4', 'NVIDIA_L4', 'NVIDIA_TESLA_A100', 'NVIDIA_A100_80GB',
    'NVIDIA_H100_80GB', 'NVIDIA_H200_141GB', 'TPU_V5_LITEPOD', 'TPU_V5P', 'TPU_V6E',
  ],
  'asia-northeast1': ['NVIDIA_TESLA_T4', 'NVIDIA_L4', 'NVIDIA_TESLA_A100', 'NVIDIA_H100_80GB', 'TPU_V6E'],
  'asia-southeast1': ['NVIDIA_TESLA_T4', 'NVIDIA_L4', 'NVIDIA_TESLA_A100', 'NVIDIA_A100_80GB', 'NVIDIA_H100_80GB', 'TPU_V5_LITEPOD'],
};

export function offersAccelerator(region: string, accelerator: AcceleratorName): boolean {
  return OFFERED[region]?.includes(accelerator) ?? false;
}

