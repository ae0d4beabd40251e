// Prompting Gemini-style targets (tuned Gemini endpoints, publisher models) with
// streamGenerateContent through the official client, read with guardStream so Stop,
// stalls and truncated streams all end the answer with a clear error. No vscode.
import type { AnswerFigures, GenerationParams, PromptRequest, SafetyRatingView } from './promptTypes';
import type { ClientPool } from './clients';
import { enumName, resourceRegion, toNumber } from './protoValues';
import { guardStream, hasFinishReason } from './streaming';

export const FINISH_REASONS = ['FINISH_REASON_UNSPECIFIED', 'STOP', 'MAX_TOKENS', 'SAFETY', 'RECITATION', 'OTHER', 'BLOCKLIST', 'PROHIBITED_CONTENT', 'SPII', 'MALFORMED_FUNCTION_CALL', 'MODEL_ARMOR'] as const;
const HARM_CATEGORIES = ['HARM_CATEGORY_UNSPECIFIED', 'HARM_CATEGORY_HATE_SPEECH', 'HARM_CATEGORY_DANGEROUS_CONTENT', 'HARM_CATEGORY_HARASSMENT', 'HARM_CATEGORY_SEXUALLY_EXPLICIT', 'HARM_CATEGORY_CIVIC_INTEGRITY'] as const;
const HARM_PROBABILITIES = ['HARM_PROBABILITY_UNSPECIFIED', 'NEGLIGIBLE', 'LOW', 'MEDIUM', 'HIGH'] as const;

type Raw = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface PromptResult {
  readonly candidates: string[];
  readonly figures: AnswerFigures;
}

export interface RunOptions {
  readonly signal?: AbortSignal;
  /** Called with each new piece of text of candidate `index`, as it arrives. */
  readonly onText?: (index: number, text: string) => void;
  /** Longest silence between two chunks (default 30 s). */
  readonly idleTimeoutMs?: number;
}

/** The GenerateContentRequest body for a prompt: what is sent, and what Copy as code shows. */
export function generateContentBody(request: PromptRequest): Raw {
  const body: Raw = {
    contents: [...request.history, { role: 'user' as const, text: request.prompt }].map((m) => ({ role: m.role, parts: [{ text: m.text }] })),
  };
  if (request.system?.trim()) body.systemInstruction = { parts: [{ text: request.system }] };
  const config = generationConfig(request.params);
  if (Object.keys(config).length) body.generationConfig = config;
  return body;
}

export function generationConfig(params: GenerationParams): Raw {
  const config: Raw = {};
  for (const key of ['temperature', 'topP', 'topK', 'maxOutputTokens', 'seed', 'candidateCount'] as const) {
    if (params[key] !== undefined) config[key] = params[key];
  }
  if (params.stopSequences?.length) config.stopSequences = [...params.stopSequences];
  return config;
}

/** Streams a Gemini answer; resolves with every candidate's text and the figures. */
export async function streamGenerate(pool: ClientPool, model: string, request: PromptRequest, options: RunOptions = {}): Promise<PromptResult> {
  const client = await pool.get('PredictionServiceClient', resourceRegion(model) || 'us-central1');
  const started = performance.now();
  const stream = client.streamGenerateContent({ model, ...generateContentBody(request) });
  const texts: string[] = [];
  let firstAt: number | undefined;
  let last: Raw | undefined;
  let usage: Raw | undefined;
  const finish: unknown[] = [];
  for await (const chunk of guardStream<Raw>(stream, { signal: options.signal, isComplete: hasFinishReason, idleTimeoutMs: options.idleTimeoutMs })) {
    for (const c of (chunk.candidates ?? []) as Raw[]) {
      const index = toNumber(c.index) ?? 0;
      const text = ((c.content?.parts ?? []) as Raw[]).map((p) => String(p.text ?? '')).join('');
      if (text) {
        firstAt ??= performance.now();
        texts[index] = (texts[index] ?? '') + text;
        options.onText?.(index, text);
      }
      if (c.finishReason) finish[index] = c.finishReason;
    }
    if (chunk.usageMetadata) usage = chunk.usageMetadata;
    last = chunk;
  }
  const ended = performance.now();
  const first = ((last?.candidates ?? []) as Raw[]).find((c) => (toNumber(c.index) ?? 0) === 0);
  const outputTokens = toNumber(usage?.candidatesTokenCount);
  return {
    candidates: Array.from({ length: Math.max(1, texts.length) }, (_, i) => texts[i] ?? ''),
    figures: {
      ttftMs: firstAt === undefined ? undefined : firstAt - started,
      totalMs: ended - started,
      tokensPerSecond: tokensPerSecond(outputTokens, firstAt, ended),
      promptTokens: toNumber(usage?.promptTokenCount),
      outputTokens,
      finishReason: finish[0] === undefined ? undefined : enumName(FINISH_REASONS, finish[0]),
      safety: safetyOf(first?.safetyRatings),
      servedBy: last?.modelVersion ? String(last.modelVersion) : undefined,
    },
  };
}

/** Output tokens over the time they took to stream (from the first one on). */
export function tokensPerSecond(tokens: number | undefined, firstAt: number | undefined, ended: number): number | undefined {
  if (!tokens || firstAt === undefined || ended <= firstAt) return undefined;
  return tokens / ((ended - firstAt) / 1000);
}

function safetyOf(ratings: unknown): SafetyRatingView[] | undefined {
  if (!Array.isArray(ratings) || !ratings.length) return undefined;
  return (ratings as Raw[]).map((r) => ({
    category: enumName(HARM_CATEGORIES, r.category).replace(/^HARM_CATEGORY_/, ''),
    probability: enumName(HARM_PROBABILITIES, r.probability),
    blocked: r.blocked ? true : undefined,
  }));
}
