// rawPredict on endpoints serving an open language model, as Vertex's vLLM containers
// take it: an OpenAI chat-completion body in, a chat.completion out. Google's front end
// hands the raw HTTP body to the container (HttpBody), so this is a hand-written route:
// the generic request decoding would reject the chat fields. The official client's own
// form, {"httpBody": {"data": base64, "contentType"}}, is accepted too.
import { randomBytes } from 'node:crypto';
import type { CustomRoute, EmulatorState } from '../context';
import { failedPrecondition, invalidArgument } from '../googleError';
import { parseJson } from '../httpIo';
import type { Turn } from '../models/chatFormat';
import { promptSequence, promptTokenCount } from '../models/chatFormat';
import { answerTokenCount, generate } from '../models/decoder';
import { tokenize } from '../models/tokenizer';
import { servedCall } from '../logging/servedRequests';
import { compileTemplate } from '../pathTemplate';
import type { JsonObject } from '../wireCodec';
import { generationRequest } from './predictionRequest';
import { servingTarget, type ServingTarget } from './predictionTarget';

export function predictionRoutes(): CustomRoute[] {
  return ['v1', 'v1beta1'].map((version) => ({
    kind: 'custom',
    verb: 'POST',
    template: compileTemplate(`/${version}/{endpoint=projects/*/locations/*/endpoints/*}:rawPredict`),
    methodName: `google.cloud.aiplatform.${version}.PredictionService.RawPredict`,
    service: 'aiplatform.googleapis.com',
    handle: ({ vars, body, state }) => {
      const payload = payloadOf(body);
      return servedCall(state, 'rawPredict', payload, () => {
        const target = servingTarget(state, vars.endpoint, 'endpoint');
        // As Vertex documents for rawPredict: the endpoint and deployed model that served it, as headers.
        const headers = { 'X-Vertex-AI-Endpoint-Id': target.name.split('/').pop() ?? '', 'X-Vertex-AI-Deployed-Model-Id': target.deployed?.id ?? '' };
        return { body: chatCompletion(state, target, payload), headers };
      });
    },
  }));
}

function payloadOf(body: unknown): JsonObject {
  const wrapped = (body as JsonObject | undefined)?.httpBody as JsonObject | undefined;
  if (wrapped && typeof wrapped.data === 'string') {
    try {
      return parseJson(Buffer.from(wrapped.data, 'base64').toString('utf8')) as JsonObject;
    } catch (err) {
      throw invalidArgument(`The request body is not valid JSON: ${err instanceof Error ? err.message : String(err)}`, 'http_body.data');
    }
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw invalidArgument('The request body must be a JSON object.');
  return body as JsonObject;
}

function chatCompletion(state: EmulatorState, target: ServingTarget, payload: JsonObject): JsonObject {
  const { backing } = target;
  if (backing.kind !== 'language') {
    throw failedPrecondition(`The model deployed as ${target.deployed?.id ?? ''} is not a language model; rawPredict takes a chat-completion body only for those.`);
  }
  const messages = payload.messages;
  if (!Array.isArray(messages) || !messages.length) throw invalidArgument('"messages" must be a non-empty array of {role, content}.', 'messages');
  const system: string[] = [];
  const turns: Turn[] = [];
  for (const [i, m] of (messages as JsonObject[]).entries()) {
    const content = typeof m?.content === 'string' ? m.content : undefined;
    if (content === undefined) throw invalidArgument(`messages[${i}].content must be a string.`, `messages[${i}].content`);
    if (m.role === 'system') system.push(content);
    else if (m.role === 'user' || m.role === 'assistant') turns.push({ role: m.role === 'user' ? 'user' : 'model', text: content });
    else throw invalidArgument(`messages[${i}].role must be "system", "user" or "assistant".`, `messages[${i}].role`);
  }
  const conversation = { system: system.join('\n') || undefined, turns };
  const stop = typeof payload.stop === 'string' ? [payload.stop] : (payload.stop as string[] | undefined);
  const { decoding, candidateCount } = generationRequest({
    temperature: payload.temperature,
    topP: payload.top_p,
    topK: payload.top_k,
    maxOutputTokens: payload.max_tokens ?? payload.max_completion_tokens,
    stopSequences: stop,
    seed: payload.seed,
    candidateCount: payload.n,
  });
  const lastUser = [...turns].reverse().find((t) => t.role === 'user');
  const prompt = promptSequence(conversation);
  const choices = Array.from({ length: candidateCount }, (_, i) => generate(backing.model, prompt, tokenize(lastUser?.text ?? ''), { ...decoding, seed: decoding.seed + i }));
  const promptTokens = promptTokenCount(conversation);
  const completionTokens = choices.reduce((n, c) => n + answerTokenCount(c), 0);
  return {
    id: `chatcmpl-${randomBytes(12).toString('hex')}`,
    object: 'chat.completion',
    created: Math.floor(state.now().getTime() / 1000),
    model: target.modelVersion,
    choices: choices.map((c, index) => ({
      index,
      message: { role: 'assistant', content: c.text },
      logprobs: null,
      finish_reason: c.finishReason === 'MAX_TOKENS' ? 'length' : 'stop',
    })),
    usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens },
  };
}
