// What computes the answers of a Model Registry version, decided from the version
// itself as Vertex's serving does: a Gemini tuning result (source GENIE, or the version
// a TuningJob produced) or an open model in a vLLM-style container is a language model;
// any other serving container is the tabular classifier. Tuned language models are
// trained from their job's data (cached); classifiers from the fraud table.
import type { EmulatorState } from '../context';
import type { StoredResource } from '../store';
import type { JsonObject } from '../wireCodec';
import { generateFraudRows, type FraudRow } from './fraudData';
import { FraudClassifier } from './logisticRegression';
import { emulatorLabel, modelsOf } from './modelRegistry';
import type { NgramModel } from './ngramModel';
import { baseModelId, tuneFromJob } from './tuneFromJob';

export type Backing = { kind: 'language'; model: NgramModel; label: string } | { kind: 'tabular'; classifier: FraudClassifier; label: string };

const OPEN_MODEL_ORDER = 3;
const LLM_CONTAINER = /vllm|hex-llm|text-generation-inference|tgi|llama|gemma/i;
const TUNING_BASE_LABEL = 'google-vertex-llm-tuning-base-model-id';

/** The backing of a stored model version (data of `…/models/ID@N`). */
export function backingOf(state: EmulatorState, version: JsonObject): Backing {
  const name = `${String(version.name)}@${String(version.versionId ?? '1')}`;
  const registry = modelsOf(state);
  const tuned = registry.tuned.get(name);
  if (tuned) return { kind: 'language', model: tuned, label: emulatorLabel(tuned.order) };
  const cached = registry.classifiers.get(name);
  if (cached) return { kind: 'tabular', classifier: cached, label: 'vertex-genai-emulator logistic regression' };
  const model = languageModelOf(state, version, name);
  if (model) {
    registry.tuned.set(name, model);
    return { kind: 'language', model, label: emulatorLabel(model.order) };
  }
  const classifier = FraudClassifier.train(classifierTrainingRows(version.versionId));
  registry.classifiers.set(name, classifier);
  return { kind: 'tabular', classifier, label: 'vertex-genai-emulator logistic regression' };
}

function languageModelOf(state: EmulatorState, version: JsonObject, name: string): NgramModel | undefined {
  const registry = modelsOf(state);
  const job = tuningJobOf(state, name);
  if (job) {
    try {
      const training = tuneFromJob(state, job.data);
      registry.curves.set(name, training.losses);
      registry.curves.set(String(job.data.name), training.losses);
      return training.model;
    } catch {
      // The job's data is gone or invalid: serve its base model, as an untuned stand-in.
      return registry.baseModel(baseModelId(String(job.data.baseModel ?? ''))) ?? registry.pretrainedModel(OPEN_MODEL_ORDER);
    }
  }
  const labels = (version.labels as Record<string, string> | undefined) ?? {};
  const source = (version.modelSourceInfo as JsonObject | undefined)?.sourceType;
  if (labels[TUNING_BASE_LABEL] || source === 'GENIE') {
    // Labels can't hold dots: Vertex writes gemini-2.0-flash-001 as gemini-2_0-flash-001.
    const base = labels[TUNING_BASE_LABEL]?.replace(/_/g, '.') ?? '';
    return registry.baseModel(base) ?? registry.baseModel('gemini-2.0-flash-001');
  }
  const image = String((version.containerSpec as JsonObject | undefined)?.imageUri ?? '');
  return LLM_CONTAINER.test(image) ? registry.pretrainedModel(OPEN_MODEL_ORDER) : undefined;
}

/** The succeeded tuning job that produced a model version (`…/models/ID@N`). */
export function tuningJobOf(state: EmulatorState, versionName: string): StoredResource | undefined {
  const location = versionName.split('/').slice(0, 4).join('/');
  return state.store
    .list(location, 'tuningJobs')
    .find((job) => (job.data.tunedModel as JsonObject | undefined)?.model === versionName && job.data.state === 'JOB_STATE_SUCCEEDED');
}

/** Versions train on different draws of the table, so a challenger really differs. */
export function classifierTrainingRows(versionId: unknown): FraudRow[] {
  return generateFraudRows(3000, 1000 + Number(versionId ?? 1));
}
