// Runs a TuningJob's supervised tuning: reads its JSONL datasets from the emulator's
// Cloud Storage, validates them and trains the base model. Shared by the job runner and
// by model lookup, which re-derives a tuned model from its job when it has none cached
// (seeded jobs, or after a restart): the training is deterministic, so it is the same model.
import type { EmulatorState } from '../context';
import { ApiError } from '../googleError';
import { readGcsText } from '../storage/readGcsText';
import type { JsonObject } from '../wireCodec';
import type { Conversation } from './chatFormat';
import { modelsOf } from './modelRegistry';
import { parseTuningJsonl, supervisedTuningDataStats } from './tuningData';
import { tuneLanguageModel, type TunedLanguageModel } from './tuningTrainer';

export const DEFAULT_EPOCHS = 3;
/**
 * The adapter (LoRA rank) is the capacity tuning adds; here it is how many tokens of
 * context beyond the base model's order the tuned model learns from the examples.
 */
const ADAPTER_EXTRA_ORDER: Record<string, number> = {
  ADAPTER_SIZE_ONE: 0, ADAPTER_SIZE_TWO: 1, ADAPTER_SIZE_FOUR: 2, ADAPTER_SIZE_EIGHT: 3, ADAPTER_SIZE_SIXTEEN: 4, ADAPTER_SIZE_THIRTY_TWO: 5,
};

export interface JobTraining extends TunedLanguageModel {
  stats: Record<string, unknown>;
}

/** Trains what the job describes; throws an ApiError (the job's error) on bad data. */
export function tuneFromJob(state: EmulatorState, job: JsonObject): JobTraining {
  const spec = (job.supervisedTuningSpec as JsonObject | undefined) ?? {};
  const hyper = (spec.hyperParameters as JsonObject | undefined) ?? {};
  const baseModel = baseModelId(String(job.baseModel ?? ''));
  const base = modelsOf(state).baseModel(baseModel);
  if (!base) throw new ApiError('INVALID_ARGUMENT', `Base model ${String(job.baseModel)} is not supported for tuning.`);
  const epochs = Number(hyper.epochCount ?? DEFAULT_EPOCHS);
  const training = readDataset(state, String(spec.trainingDatasetUri ?? ''));
  const validation = spec.validationDatasetUri ? readDataset(state, String(spec.validationDatasetUri), 1) : undefined;
  const tuned = tuneLanguageModel(base, training, validation, {
    epochs,
    learningRateMultiplier: Number(hyper.learningRateMultiplier ?? 1),
    extraOrder: ADAPTER_EXTRA_ORDER[String(hyper.adapterSize)] ?? ADAPTER_EXTRA_ORDER.ADAPTER_SIZE_FOUR,
  });
  return { ...tuned, stats: supervisedTuningDataStats(training, epochs) };
}

/** "publishers/google/models/gemini-2.0-flash-001" or "gemini-2.0-flash-001" → the id. */
export function baseModelId(name: string): string {
  return name.slice(name.lastIndexOf('/') + 1);
}

function readDataset(state: EmulatorState, uri: string, minExamples?: number): Conversation[] {
  const text = readGcsText(state, uri);
  if (text === undefined) {
    const object = uri.replace(/^gs:\/\//, '');
    throw new ApiError('NOT_FOUND', `Failed to read the tuning dataset ${uri}: No such object: ${object}`);
  }
  try {
    return parseTuningJsonl(text, uri, minExamples);
  } catch (err) {
    throw new ApiError('INVALID_ARGUMENT', err instanceof Error ? err.message : String(err));
  }
}
