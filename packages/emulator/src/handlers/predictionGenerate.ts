// GenerateContent, StreamGenerateContent and CountTokens on publisher models and
// endpoints, answered by the emulator's n-gram language models. Streaming sends a JSON
// array with one GenerateContentResponse per token, paced by tokenDelayMs; everything is
// generated and validated before the first byte, so errors still get a non-200 status.
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { HttpResult, MethodCall, MethodHandler } from '../context';
import { timestamp } from '../timestamp';
import { failedPrecondition } from '../googleError';
import { logged } from '../logging/servedRequests';
import { promptSequence, promptTokenCount, type Conversation } from '../models/chatFormat';
import { answerTokenCount, generate, type Generation } from '../models/decoder';
import { modelsOf } from '../models/modelRegistry';
import { rateSafety } from '../models/safetyRater';
import { tokenize } from '../models/tokenizer';
import type { JsonObject } from '../wireCodec';
import { respond } from './generic';
import { conversationOf, generationRequest } from './predictionRequest';
import { servingTarget, type ServingTarget } from './predictionTarget';

export const generateHandlers: Record<string, MethodHandler> = {
  'PredictionService.GenerateContent': logged('generateContent', (call) => {
    const answer = answerFor(call);
    return respond(call, call.route.method.responseType, { ...answer.envelope, candidates: answer.candidates.map((c, i) => candidate(i, c, true)), usageMetadata: answer.usage });
  }),
  'PredictionService.StreamGenerateContent': logged('streamGenerateContent', (call) => {
    const answer = answerFor(call);
    const type = call.route.method.responseType;
    const encode = (data: JsonObject) => call.state.codec.encode(type, data, call.enumsAsInt);
    return { body: undefined, stream: chunks(answer, modelsOf(call.state).tokenDelayMs, encode) } satisfies HttpResult;
  }),
  'LlmUtilityService.CountTokens': countTokens,
  'PredictionService.CountTokens': countTokens,
};

interface Answer {
  candidates: Generation[];
  usage: JsonObject;
  /** Fields every chunk of one answer shares. */
  envelope: JsonObject;
}

function answerFor(call: MethodCall): Answer {
  const { state, request } = call;
  const target = servingTarget(state, String(request.model), 'model');
  const conversation = conversationOf(request);
  const { decoding, candidateCount } = generationRequest(request.generationConfig as JsonObject | undefined);
  const model = languageModel(target);
  const prompt = promptSequence(conversation);
  const lastUser = [...conversation.turns].reverse().find((t) => t.role === 'user');
  const promptWords = tokenize(lastUser?.text ?? '');
  // Candidate i samples with seed + i: one seed gives a reproducible set of different candidates.
  const candidates = Array.from({ length: candidateCount }, (_, i) => generate(model, prompt, promptWords, { ...decoding, seed: decoding.seed + i }));
  const promptTokens = promptTokenCount(conversation);
  const answerTokens = candidates.reduce((n, c) => n + answerTokenCount(c), 0);
  return {
    candidates,
    usage: {
      promptTokenCount: promptTokens,
      candidatesTokenCount: answerTokens,
      totalTokenCount: promptTokens + answerTokens,
      trafficType: 'ON_DEMAND',
      promptTokensDetails: [{ modality: 'TEXT', tokenCount: promptTokens }],
      candidatesTokensDetails: [{ modality: 'TEXT', tokenCount: answerTokens }],
    },
    envelope: { modelVersion: target.modelVersion, createTime: timestamp(state.now()), responseId: randomBytes(12).toString('base64url') },
  };
}

function languageModel(target: ServingTarget) {
  if (target.backing.kind !== 'language') {
    throw failedPrecondition(`The model deployed as ${target.deployed?.id ?? target.name} (${target.deployed?.model ?? ''}) is a tabular classifier and does not support generateContent; use predict.`);
  }
  return target.backing.model;
}

/** `soFar` is the answer up to this chunk: streamed chunks carry the ratings of what was sent. */
function candidate(index: number, generation: Generation, last: boolean, text = generation.text, soFar = generation.text): JsonObject {
  const out: JsonObject = { index, content: { role: 'model', parts: [{ text }] }, safetyRatings: rateSafety(soFar) as unknown as JsonObject[] };
  if (last) {
    out.finishReason = generation.finishReason;
    out.avgLogprobs = generation.avgLogprob;
  }
  return out;
}

/** Chunk k carries every candidate's k-th piece; a candidate's last piece carries its finishReason. */
async function* chunks(answer: Answer, delayMs: number, encode: (data: JsonObject) => unknown): AsyncGenerator<unknown> {
  const length = Math.max(1, ...answer.candidates.map((c) => c.pieces.length));
  for (let k = 0; k < length; k++) {
    if (k > 0 && delayMs > 0) await sleep(delayMs);
    const candidates = answer.candidates.flatMap((c, i) => {
      const pieces = c.pieces.length;
      if (k >= pieces && !(pieces === 0 && k === 0)) return [];
      return [candidate(i, c, k >= pieces - 1, c.pieces[k] ?? '', c.pieces.slice(0, k + 1).join(''))];
    });
    const chunk: JsonObject = { ...answer.envelope, candidates };
    if (k === length - 1) chunk.usageMetadata = answer.usage;
    yield encode(chunk);
  }
}

function countTokens(call: MethodCall): HttpResult {
  const { state, request } = call;
  const field = 'endpoint';
  // Count on the model named, without routing: every emulator model shares the tokenizer.
  const name = state.names.canonical(String(request.endpoint), field);
  if (name.includes('/publishers/') || !state.store.get(name)) servingTarget(state, String(request.endpoint), field);
  const instances = (request.instances as unknown[] | undefined) ?? [];
  const conversation: Conversation = conversationOf(request, instances.length === 0);
  const instanceText = instances.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join('\n');
  const total = promptTokenCount(conversation) + (instanceText ? tokenize(instanceText).length : 0);
  const characters = [conversation.system ?? '', ...conversation.turns.map((t) => t.text), instanceText].join('').replace(/\s/g, '').length;
  return respond(call, call.route.method.responseType, {
    totalTokens: total,
    totalBillableCharacters: characters,
    promptTokensDetails: [{ modality: 'TEXT', tokenCount: total }],
  });
}
