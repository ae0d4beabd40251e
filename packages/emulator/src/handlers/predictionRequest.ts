// Reads what a GenerateContent / CountTokens request asks for: the conversation (system
// instruction + contents) and the generation config, validated with Vertex's wording
// ("Unable to submit request because it has a temperature value of 3 but the supported
// range is from 0 (inclusive) to 2.0001 (exclusive). …").
import { randomInt } from 'node:crypto';
import { ApiError, invalidArgument } from '../googleError';
import type { Conversation, Turn } from '../models/chatFormat';
import type { DecodingOptions } from '../models/decoder';
import type { JsonObject } from '../wireCodec';

export const MAX_OUTPUT_TOKENS = 8192;
const MAX_CANDIDATES = 8;
const MAX_STOP_SEQUENCES = 5;
const DEFAULTS = { temperature: 1, topP: 0.95, topK: 40 };

/** The request's conversation; `requireContents` is false for countTokens with instances. */
export function conversationOf(request: JsonObject, requireContents = true): Conversation {
  const contents = (request.contents as JsonObject[] | undefined) ?? [];
  if (requireContents && !contents.some((c) => ((c.parts as unknown[] | undefined) ?? []).length)) {
    throw invalidArgument(
      'Unable to submit request because it must include at least one parts field, which describes the prompt input. ' +
        'Learn more: https://cloud.google.com/vertex-ai/generative-ai/docs/model-reference/gemini',
      'contents',
    );
  }
  const turns: Turn[] = contents.map((content, i) => {
    const role = content.role;
    if (role !== 'user' && role !== 'model') throw invalidArgument('Please use a valid role: user, model.', `contents[${i}].role`);
    return { role, text: textOf(content) };
  });
  const system = request.systemInstruction ? textOf(request.systemInstruction as JsonObject) : undefined;
  return { system, turns };
}

/** Text of a Content; other parts (images, files, function calls) mean nothing to an n-gram model. */
function textOf(content: JsonObject): string {
  return ((content.parts as JsonObject[] | undefined) ?? []).map((p) => (typeof p.text === 'string' ? p.text : '')).join('');
}

export interface GenerationRequest {
  decoding: DecodingOptions;
  candidateCount: number;
}

export function generationRequest(config: JsonObject | undefined): GenerationRequest {
  const c = config ?? {};
  const temperature = inRange('temperature', c.temperature, DEFAULTS.temperature, 0, true, 2.0001);
  const topP = inRange('topP', c.topP, DEFAULTS.topP, 0, false, 1.0001);
  const topK = inRange('topK', c.topK, DEFAULTS.topK, 1, true, 41);
  const candidateCount = inRange('candidateCount', c.candidateCount, 1, 1, true, MAX_CANDIDATES + 1);
  const maxOutputTokens = inRange('maxOutputTokens', c.maxOutputTokens, MAX_OUTPUT_TOKENS, 1, true, MAX_OUTPUT_TOKENS + 1);
  const stopSequences = (c.stopSequences as string[] | undefined) ?? [];
  if (stopSequences.length > MAX_STOP_SEQUENCES) {
    throw invalidArgument(
      `Unable to submit request because it has ${stopSequences.length} stop sequences but at most ${MAX_STOP_SEQUENCES} are supported. Update the value and try again.`,
      'generation_config.stop_sequences',
    );
  }
  // No seed: a fresh draw per request, as Gemini samples without one.
  const seed = c.seed === undefined ? randomInt(2 ** 31) : Number(c.seed);
  return { decoding: { temperature, topP, topK, maxOutputTokens, stopSequences, seed }, candidateCount };
}

function inRange(name: string, raw: unknown, fallback: number, min: number, minInclusive: boolean, maxExclusive: number): number {
  if (raw === undefined || raw === null) return fallback;
  const value = Number(raw);
  const ok = (minInclusive ? value >= min : value > min) && value < maxExclusive;
  if (!ok) {
    throw new ApiError(
      'INVALID_ARGUMENT',
      `Unable to submit request because it has a ${name} value of ${String(raw)} but the supported range is from ${min} ` +
        `(${minInclusive ? 'inclusive' : 'exclusive'}) to ${maxExclusive} (exclusive). Update the value and try again.`,
    );
  }
  return value;
}
