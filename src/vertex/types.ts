// Domain types: what the rest of the extension sees instead of proto shapes.

import type { JobState } from '@vertex-genai-ops/catalog/jobStates';

export { JOB_STATES, type JobState, type JobStateName } from '@vertex-genai-ops/catalog/jobStates';

export interface Page<T> {
  readonly items: T[];
  /** Present when there is more: pass it back for "Load more…". */
  readonly nextPageToken?: string;
}

interface Resource {
  /** Full resource name, projects/P/locations/L/…/ID. */
  readonly name: string;
  readonly id: string;
  readonly region: string;
  readonly displayName: string;
  readonly createTime?: Date;
  readonly labels: Record<string, string>;
}

export type DatasetKind = 'text' | 'multimodal' | 'tabular' | 'image' | 'video' | 'other';
export interface Dataset extends Resource {
  readonly kind: DatasetKind;
  readonly dataItemCount?: number;
}

/** A Gemini supervised tuning job (GenAiTuningService). */
export interface TuningJob extends Resource {
  readonly kind: 'tuning';
  readonly state: JobState;
  readonly baseModel: string;
  readonly tunedModelDisplayName?: string;
  readonly startTime?: Date;
  readonly endTime?: Date;
  readonly errorMessage?: string;
  readonly tunedModel?: { readonly model: string; readonly endpoint: string };
}

export interface Model extends Resource {
  readonly versionId: string;
  /** When this version was created (createTime is the model's). */
  readonly versionCreateTime?: Date;
  readonly versionAliases: string[];
  readonly deployedTo: string[];
}

export interface DeployedModel {
  readonly id: string;
  readonly model: string;
  readonly modelVersionId: string;
  readonly displayName: string;
  readonly machineType?: string;
  readonly acceleratorType?: string;
  readonly acceleratorCount?: number;
  readonly minReplicaCount?: number;
  readonly maxReplicaCount?: number;
  /** Percent of the endpoint's traffic, 0–100. */
  readonly trafficPercent: number;
}

export interface Endpoint extends Resource {
  readonly deployedModels: DeployedModel[];
}

/** What a job runs on: the first worker pool's machine, and replicas over all pools. */
export interface JobMachine {
  readonly machineType?: string;
  readonly acceleratorType?: string;
  readonly acceleratorCount?: number;
  readonly tpuTopology?: string;
  readonly replicaCount: number;
  readonly workerPools: number;
  /** Container image, or the Python package's executor image. */
  readonly image?: string;
}

interface TrainingJob extends Resource {
  readonly state: JobState;
  readonly machine: JobMachine;
  readonly startTime?: Date;
  readonly endTime?: Date;
  readonly errorMessage?: string;
}

/** A custom training job on GPUs or TPUs (JobService), e.g. LoRA/PEFT of an open model. */
export interface CustomJob extends TrainingJob {
  readonly kind: 'custom';
}

export interface HyperparameterTuningJob extends TrainingJob {
  readonly kind: 'hyperparameterTuning';
  readonly maxTrialCount: number;
  readonly parallelTrialCount: number;
  readonly trialsCompleted: number;
  readonly metricId?: string;
  readonly bestTrial?: { readonly id: string; readonly value: number };
}

/** Everything the Tuning Jobs tree lists. */
export type Job = TuningJob | CustomJob | HyperparameterTuningJob;
