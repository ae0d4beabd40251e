// Explain on endpoints, computed from the model that serves the call.
// - Tabular classifier: exact attributions in logit space (logistic regression is linear
//   there), so they add up to instanceOutputValue − baselineOutputValue; approximation 0.
// - Language model: leave-one-out over the words of the instance's "prompt". The output
//   explained is the natural log probability of the model's greedy answer under its own
//   decoding rules; a word's attribution is that value with the full prompt minus the
//   value with the word left out. Vertex reports an array-valued input's attributions
//   as an array of the same shape, so featureAttributions is {prompt: [one per word]},
//   the words being the prompt split on whitespace. The baseline is the empty prompt.
//   Leave-one-out is not additive: approximationError is how far the attributions'
//   sum is from instance − baseline, relative to that difference.
import type { HttpResult, MethodCall } from '../context';
import { failedPrecondition, invalidFields } from '../googleError';
import { promptSequence } from '../models/chatFormat';
import { answerLogprob, generate } from '../models/decoder';
import type { NgramModel } from '../models/ngramModel';
import { tokenize } from '../models/tokenizer';
import type { JsonObject } from '../wireCodec';
import { respond } from './generic';
import { generationRequest } from './predictionRequest';
import { classification, fraudInstances, requireInstances } from './predictionInstances';
import { servingTarget } from './predictionTarget';

/** Leave-one-out costs one scoring per word: bound the work per instance. */
const MAX_WORDS = 200;
const MAX_ANSWER_TOKENS = 64;

export function explain(call: MethodCall): HttpResult {
  const deployedModelId = call.request.deployedModelId ? String(call.request.deployedModelId) : undefined;
  const target = servingTarget(call.state, String(call.request.endpoint), 'endpoint', deployedModelId);
  const instances = requireInstances(call);
  const { backing } = target;
  if (backing.kind === 'tabular') {
    const features = fraudInstances(instances);
    const explanations = features.map((x) => {
      const e = backing.classifier.explain(x);
      return {
        attributions: [{
          baselineOutputValue: e.baselineLogit,
          instanceOutputValue: e.instanceLogit,
          featureAttributions: e.attributions,
          outputIndex: [1],
          outputDisplayName: '1',
          outputName: 'logit',
          approximationError: 0,
        }],
      };
    });
    return respond(call, call.route.method.responseType, { explanations, deployedModelId: target.deployed?.id, predictions: features.map((x) => classification(backing.classifier, x)) });
  }
  if (!target.deployed) throw failedPrecondition(`${target.name} does not support explanations: explain a model deployed to an endpoint.`);
  const results = instances.map((instance, i) => leaveOneOut(backing.model, instance, i));
  return respond(call, call.route.method.responseType, {
    explanations: results.map((r) => ({ attributions: [r.attribution] })),
    deployedModelId: target.deployed.id,
    predictions: results.map((r) => r.answer),
  });
}

function leaveOneOut(model: NgramModel, instance: unknown, index: number): { attribution: JsonObject; answer: string } {
  const params = (instance ?? {}) as JsonObject;
  if (typeof params.prompt !== 'string' || !params.prompt.trim()) {
    throw invalidFields([{ field: `instances[${index}].prompt`, description: 'A language model instance needs a non-empty "prompt" string to explain.' }]);
  }
  const words = params.prompt.trim().split(/\s+/);
  if (words.length > MAX_WORDS) {
    throw invalidFields([{ field: `instances[${index}].prompt`, description: `The prompt has ${words.length} words; explanations take at most ${MAX_WORDS}.` }]);
  }
  const { decoding } = generationRequest({ temperature: 0, maxOutputTokens: Math.min(Number(params.max_tokens ?? MAX_ANSWER_TOKENS), MAX_ANSWER_TOKENS) });
  const context = (text: string) => ({ sequence: promptSequence({ turns: [{ role: 'user', text }] }), words: tokenize(text) });
  const full = context(words.join(' '));
  const answer = generate(model, full.sequence, full.words, decoding).text;
  const answerTokens = tokenize(answer);
  const score = (text: string) => {
    const c = context(text);
    return answerLogprob(model, c.sequence, c.words, answerTokens);
  };
  const instanceValue = score(words.join(' '));
  const baselineValue = score('');
  const attributions = words.map((_, i) => instanceValue - score(words.filter((__, j) => j !== i).join(' ')));
  const difference = instanceValue - baselineValue;
  const sum = attributions.reduce((a, b) => a + b, 0);
  return {
    answer,
    attribution: {
      baselineOutputValue: baselineValue,
      instanceOutputValue: instanceValue,
      featureAttributions: { prompt: attributions },
      outputIndex: [0],
      outputDisplayName: answer,
      outputName: 'answer_logprob',
      approximationError: Math.abs(difference) > 1e-12 ? Math.abs(sum - difference) / Math.abs(difference) : 0,
    },
  };
}
