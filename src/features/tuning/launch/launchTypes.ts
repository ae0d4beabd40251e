// What a launch is, before it becomes a request: the answers of a flow and the
// content of a spec file are the same object, so one validator serves both.
import type { AdapterSize } from '@vertex-genai-ops/catalog/tunableModels';
import type { MachineChoice } from '@vertex-genai-ops/catalog/checkMachineSpec';

export type LaunchKind = 'geminiTuning' | 'customTuning' | 'hyperparameterTuning';

export interface GeminiLaunch {
  readonly kind: 'geminiTuning';
  readonly region: string;
  readonly baseModel: string;
  /** gs://… or a local JSONL path (uploaded to `bucket` when sent). */
  readonly training: string;
  readonly validation?: string;
  /** gs://bucket[/prefix] that receives local files. */
  readonly bucket?: string;
  readonly epochs?: number;
  readonly learningRateMultiplier?: number;
  readonly adapterSize?: AdapterSize;
  readonly displayName: string;
  readonly labels: Readonly<Record<string, string>>;
}

export interface TrainingArgs {
  readonly baseModel: string;
  readonly dataset: string;
  readonly loraRank: number;
  readonly loraAlpha: number;
  readonly loraDropout: number;
  readonly targetModules: readonly string[];
  readonly quantize4bit: boolean;
  readonly epochs: number;
  readonly learningRate: number;
  readonly batchSize: number;
  readonly outputDir: string;
}

export type { MachineChoice } from '@vertex-genai-ops/catalog/checkMachineSpec';

export interface CustomLaunch {
  readonly kind: 'customTuning';
  readonly region: string;
  readonly displayName: string;
  readonly container: string;
  readonly args: TrainingArgs;
  readonly machine: MachineChoice;
  /** Replicas in the worker pool beside the chief (0: single-node). */
  readonly workerCount: number;
  readonly spot: boolean;
  readonly serviceAccount?: string;
  readonly labels: Readonly<Record<string, string>>;
}

export type SearchAlgorithm = 'ALGORITHM_UNSPECIFIED' | 'RANDOM_SEARCH' | 'GRID_SEARCH';

export interface StudyChoice {
  /** Learning rate searched on a log scale between these. */
  readonly learningRate: { readonly min: number; readonly max: number };
  /** LoRA ranks tried (DISCRETE). */
  readonly loraRanks: readonly number[];
  readonly metricId: string;
  readonly goal: 'MAXIMIZE' | 'MINIMIZE';
  readonly algorithm: SearchAlgorithm;
  readonly maxTrials: number;
  readonly parallelTrials: number;
}

export interface HptLaunch extends Omit<CustomLaunch, 'kind'> {
  readonly kind: 'hyperparameterTuning';
  readonly study: StudyChoice;
}

export type Launch = GeminiLaunch | CustomLaunch | HptLaunch;

/** A problem with one field; `path` names it as in a spec file (e.g. machine.acceleratorCount). */
export interface LaunchProblem {
  readonly path: string;
  readonly message: string;
}
