// Accelerator quotas per project and region, one metric per accelerator for training
// and one for serving, named as Vertex names them in its 429s ("The following quota
// metrics exceed quota limits: aiplatform.googleapis.com/custom_model_serving_nvidia_l4_gpus").
// Defaults are modest, like a new project's; --quota overrides them.
import type { AcceleratorName } from './machineTypes';

export type QuotaKind = 'training' | 'serving';

export interface QuotaOverride {
  /** Unset: every region. */
  region?: string;
  /** Unset: training and serving. */
  kind?: QuotaKind;
  accelerator: AcceleratorName;
  limit: number;
}

const METRIC_SUFFIX: Record<AcceleratorName, string> = {
  NVIDIA_TESLA_T4: 'nvidia_t4_gpus',
  NVIDIA_TESLA_V100: 'nvidia_v100_gpus',
  NVIDIA_TESLA_P100: 'nvidia_p100_gpus',
  NVIDIA_TESLA_P4: 'nvidia_p4_gpus',
  NVIDIA_TESLA_A100: 'nvidia_a100_gpus',
  NVIDIA_A100_80GB: 'nvidia_a100_80gb_gpus',
  NVIDIA_L4: 'nvidia_l4_gpus',
  NVIDIA_H100_80GB: 'nvidia_h100_gpus',
  NVIDIA_H100_MEGA_80GB: 'nvidia_h100_mega_gpus',
  NVIDIA_H200_141GB: 'nvidia_h200_gpus',
  TPU_V5_LITEPOD: 'tpu_v5e',
  TPU_V5P: 'tpu_v5p',
  TPU_V6E: 'tpu_v6e',
};

const DEFAULT_LIMITS: Record<AcceleratorName, number> = {
  NVIDIA_TESLA_T4: 8,
  NVIDIA_TESLA_V100: 4,
  NVIDIA_TESLA_P100: 4,
  NVIDIA_TESLA_P4: 4,
  NVIDIA_TESLA_A100: 16,
  NVIDIA_A100_80GB: 8,
  NVIDIA_L4: 8,
  NVIDIA_H100_80GB: 8,
  NVIDIA_H100_MEGA_80GB: 8,
  NVIDIA_H200_141GB: 8,
  TPU_V5_LITEPOD: 16,
  TPU_V5P: 8,
  TPU_V6E: 16,
};

export function isAcceleratorName(name: string): name is AcceleratorName {
  return Object.hasOwn(METRIC_SUFFIX, name);
}

/** "aiplatform.googleapis.com/custom_model_serving_nvidia_l4_gpus". */
export function quotaMetric(kind: QuotaKind, accelerator: AcceleratorName): string {
  return `aiplatform.googleapis.com/custom_model_${kind}_${METRIC_SUFFIX[accelerator]}`;
}

/** The limit's id: "CustomModelServingNvidiaL4GpusPerProjectPerRegion". */
export function quotaLimitName(kind: QuotaKind, accelerator: AcceleratorName): string {
  const words = [...`custom_model_${kind}_${METRIC_SUFFIX[accelerator]}`.split('_'), 'per', 'project', 'per', 'region'];
  return words.map((w) => w[0].toUpperCase() + w.slice(1)).join('');
}

/** The limit in force: the default, then every matching override in order (the last wins). */
export function quotaLimit(overrides: readonly QuotaOverride[], region: string, kind: QuotaKind, accelerator: AcceleratorName): number {
  let limit = DEFAULT_LIMITS[accelerator];
  for (const o of overrides) {
    if (o.accelerator === accelerator && (!o.region || o.region === region) && (!o.kind || o.kind === kind)) limit = o.limit;
  }
  return limit;
}

const ENTRY = /^(?:([a-z]+-[a-z]+\d+):)?(?:(training|serving)\.)?([A-Z0-9_]+)=(\d+)$/;

/**
 * Parses --quota: comma-separated `[region:][training.|serving.]ACCELERATOR=N`, e.g.
 * "NVIDIA_L4=8,europe-west4:NVIDIA_H100_80GB=0,serving.TPU_V5_LITEPOD=4".
 */
export function parseQuotaSpec(text: string): QuotaOverride[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const match = ENTRY.exec(part);
      if (!match || !isAcceleratorName(match[3])) {
        throw new Error(`Invalid quota "${part}": use [region:][training.|serving.]ACCELERATOR=N with an accelerator such as NVIDIA_L4 or TPU_V5_LITEPOD.`);
      }
      const override: QuotaOverride = { accelerator: match[3], limit: Number(match[4]) };
      if (match[1]) override.region = match[1];
      if (match[2]) override.kind = match[2] as QuotaKind;
      return override;
    });
}
