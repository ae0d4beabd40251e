// Predict and Explain (predictionExplain.ts) on endpoints. The tabular classifier answers
// in Vertex's classification shape ({classes, scores}); a language model on an endpoint
// takes vLLM-style {prompt, max_tokens, …} instances and answers "Prompt:\n…\nOutput:\n…",
// as Model Garden's vLLM containers do.
import type { MethodHandler } from '../context';
import { invalidFields } from '../googleError';
import { logged } from '../logging/servedRequests';
import { promptSequence } from '../models/chatFormat';
import { generate } from '../models/decoder';
import type { NgramModel } from '../models/ngramModel';
import { tokenize } from '../models/tokenizer';
import type { JsonObject } from '../wireCodec';
import { respond } from './generic';
import { generationRequest } from './predictionRequest';
import { explain } from './predictionExplain';
import { classification, fraudInstances, requireInstances, servedBy } from './predictionInstances';
import { servingTarget } from './predictionTarget';

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
  'PredictionService.Explain': logged('explain', explain),
};

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
