// Supervised tuning of the n-gram model: each epoch adds the examples' model-turn
// n-grams to a copy of the base model's counts, weighted by the learning-rate
// multiplier, so after E epochs the tuning data weighs E × multiplier. After every
// epoch the loss is measured for real: the mean cross-entropy (nats per token) of
// the model turns of the training (and validation) examples, and once before the
// first epoch (epoch 0: the base model), so a curve shows where tuning started.
import { trainingSequence, type Conversation } from './chatFormat';
import type { NgramModel } from './ngramModel';

export interface TuningHyperParameters {
  epochs: number;
  learningRateMultiplier: number;
  /** Longer contexts the tuned model learns beyond the base model's order (0 by default). */
  extraOrder?: number;
}

export interface EpochLoss {
  epoch: number;
  trainingLoss: number;
  validationLoss?: number;
}

export interface TunedLanguageModel {
  model: NgramModel;
  losses: EpochLoss[];
}

export function tuneLanguageModel(
  base: NgramModel,
  training: readonly Conversation[],
  validation: readonly Conversation[] | undefined,
  hyper: TuningHyperParameters,
): TunedLanguageModel {
  const model = base.clone(base.order + (hyper.extraOrder ?? 0));
  const sequences = training.map(trainingSequence);
  const losses: EpochLoss[] = [];
  const measure = (epoch: number) => {
    const loss: EpochLoss = { epoch, trainingLoss: crossEntropy(model, training) };
    if (validation?.length) loss.validationLoss = crossEntropy(model, validation);
    losses.push(loss);
  };
  measure(0);
  for (let epoch = 1; epoch <= hyper.epochs; epoch++) {
    for (const { sequence, isTarget } of sequences) model.train(sequence, hyper.learningRateMultiplier, isTarget);
    measure(epoch);
  }
  return { model, losses };
}

/** Mean −ln P of the model-turn tokens (and their end markers) given everything before. */
export function crossEntropy(model: NgramModel, conversations: readonly Conversation[]): number {
  let total = 0;
  let count = 0;
  for (const conversation of conversations) {
    const { sequence, isTarget } = trainingSequence(conversation);
    const ids = sequence.map((t) => model.idOf(t));
    for (let i = 1; i < ids.length; i++) {
      if (!isTarget(i)) continue;
      total -= Math.log(model.probability(ids.slice(Math.max(0, i - model.order + 1), i), ids[i]));
      count++;
    }
  }
  return count ? total / count : 0;
}
