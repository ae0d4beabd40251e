// The emulator's trained models, kept on EmulatorState.models: the pre-trained base
// language models (trained on first use, then cached, so the emulator starts at once),
// tuned language models by model version, tabular classifiers, training curves, and
// the per-endpoint random streams that route traffic.
import { hash32 } from '../ids';
import { aesopFables } from './aesopCorpus';
import { trainingSequence } from './chatFormat';
import type { FraudClassifier } from './logisticRegression';
import { NgramModel } from './ngramModel';
import { seededRandom, type Random } from './rng';
import type { EpochLoss } from './tuningTrainer';

/** Google's model ids the emulator serves, with the n-gram order standing in for each. */
export const PUBLISHER_LANGUAGE_MODELS: Readonly<Record<string, number>> = {
  'gemini-2.0-flash-001': 4,
  'gemini-2.0-flash-lite-001': 3,
  'gemini-1.5-pro-002': 5,
  'gemini-1.5-flash-002': 4,
};

/** Says what answered: every response of an emulator model carries it. */
export function emulatorLabel(order: number): string {
  return `vertex-genai-emulator ${order}-gram LM`;
}

export interface ModelRegistryOptions {
  /** Pause between streamed chunks (default 20 ms). */
  tokenDelayMs?: number;
}

export class ModelRegistry {
  readonly tokenDelayMs: number;
  private readonly pretrained = new Map<number, NgramModel>();
  readonly tuned = new Map<string, NgramModel>();
  readonly classifiers = new Map<string, FraudClassifier>();
  readonly curves = new Map<string, EpochLoss[]>();
  private readonly routers = new Map<string, Random>();

  constructor(options: ModelRegistryOptions = {}) {
    this.tokenDelayMs = options.tokenDelayMs ?? 20;
  }

  /** A base model by id ("gemini-2.0-flash-001"), or undefined when the emulator has none. */
  baseModel(id: string): NgramModel | undefined {
    const order = PUBLISHER_LANGUAGE_MODELS[id];
    return order === undefined ? undefined : this.pretrainedModel(order);
  }

  /** The corpus model of an order; base models of the same order share it (read-only). */
  pretrainedModel(order: number): NgramModel {
    let model = this.pretrained.get(order);
    if (!model) {
      model = new NgramModel(order);
      for (const fable of aesopFables()) {
        model.train(trainingSequence({ turns: [{ role: 'user', text: fable.title }, { role: 'model', text: fable.text }] }).sequence);
      }
      this.pretrained.set(order, model);
    }
    return model;
  }

  /** The next draw of an endpoint's routing stream: seeded by its name, so runs repeat. */
  routeDraw(endpoint: string): number {
    let random = this.routers.get(endpoint);
    if (!random) {
      random = seededRandom(hash32(endpoint));
      this.routers.set(endpoint, random);
    }
    return random();
  }
}

export function modelsOf(state: { models?: ModelRegistry }): ModelRegistry {
  state.models ??= new ModelRegistry();
  return state.models;
}
