// Predict and Explain on endpoints. The tabular classifier answers in Vertex's
// classification shape ({classes, scores}) and explains with exact attributions in logit
// space; a language model on an endpoint takes vLLM-style {prompt, max_tokens, …}
// instances and answers "Prompt:\n…\nOutput:\n…", as Model Garden's vLLM containers do.
import type { MethodCall, MethodHandler } from '../context';
import { logged } from '../logging/servedRequests';
import { failedPrecondition, invalidFields, type FieldViolation } from '../googleError';
import { promptSequence } from '../models/chatFormat';
import { generate } from '../models/decoder';
import type { FraudFeatures } from '../models/fraudData';
import { parseFraudInstance } from '../models/fraudInstance';
import type { FraudClassifier } from '../models/logisticRegression';
import type { NgramModel } from '../models/ngramModel';
import { tokenize } from '../models/tokenizer';
import type { JsonObject } from '../wireCodec';
import { respond } from './generic';
import { generationRequest } from './predictionRequest';
import { servingTarget, type ServingTarget } from './predictionTarget';

export const predictHandlers: Record<string, MethodHandler> = {
  'PredictionService.Predict': logged('predict', (call) => {
    const target = servingTarget(call.state, String(call.request.endpoint), 'endpoint');
    const instances = requireInstances(call);
    const { backing } = target;
    const predictions = backing.kind === 'tabular'
      ? fraudInstances(instances).map((x) => classification(backing.classifier, x))
      : instances.map((instance, i) => completion(backing.model, instance, i));
    return respond(call, call.route.method.responseType, { predictions, ...servedBy(target) });
  }),
  'PredictionService.Explain': logged('explain', (call) => {
    const deployedModelId = call.request.deployedModelId ? String(call.request.deployedModelId) : undefined;
    const target = servingTarget(call.state, String(call.request.endpoint), 'endpoint', deployedModelId);
    if (target.backing.kind !== 'tabular') {
      throw failedPrecondition(`Deployed model ${target.deployed?.id ?? ''} does not support explanations: only the tabular classifier is explainable.`);
    }
    const classifier = target.backing.classifier;
    const features = fraudInstances(requireInstances(call));
    const explanations = features.map((x) => {
      const e = classifier.explain(x);
      return {
        attributions: [
          {
            baselineOutputValue: e.baselineLogit,
            instanceOutputValue: e.instanceLogit,
            featureAttributions: e.attributions,
            outputIndex: [1],
            outputDisplayName: '1',
            outputName: 'logit',
            approximationError: 0,
          },
        ],
      };
    });
    return respond(call, call.route.method.responseType, { explanations, deployedModelId: target.deployed?.id, predictions: features.map((x) => classification(classifier, x)) });
  }),
};

function requireInstances(call: MethodCall): unknown[] {
  const instances = (call.request.instances as unknown[] | undefined) ?? [];
  if (!instances.length) throw invalidFields([{ field: 'instances', description: 'Required field is not set.' }]);
  return instances;
}

function fraudInstances(instances: unknown[]): FraudFeatures[] {
  const violations: FieldViolation[] = [];
  const features = instances.map((instance, i) => {
    const parsed = parseFraudInstance(instance, i);
    violations.push(...parsed.violations);
    return parsed.features;
  });
  if (violations.length) throw invalidFields(violations);
  return features as FraudFeatures[];
}

function classification(classifier: FraudClassifier, x: FraudFeatures): JsonObject {
  const p = classifier.probability(x);
  return { classes: ['0', '1'], scores: [1 - p, p] };
}

function completion(model: NgramModel, instance: unknown, index: number): string {
  const params = (instance ?? {}) as JsonObject;
  if (typeof params.prompt !== 'string') {
    throw invalidFields([{ field: `instances[${index}].prompt`, description: 'A language model instance needs a "prompt" string.' }]);
  }
  const { decoding } = generationRequest({
    temperature: params.temperature,
    topP: params.top_p,
    topK: params.top_k,
    maxOutputTokens: params.max_tokens ?? 256,
    seed: params.seed,
  });
  const text = generate(model, promptSequence({ turns: [{ role: 'user', text: params.prompt }] }), tokenize(params.prompt), decoding).text;
  return `Prompt:\n${params.prompt}\nOutput:\n${text}`;
}

function servedBy(target: ServingTarget): JsonObject {
  const d = target.deployed;
  return d ? { deployedModelId: d.id, model: d.model, modelVersionId: d.modelVersionId, modelDisplayName: d.modelDisplayName } : {};
}
