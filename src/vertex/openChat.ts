// Prompting open models (vLLM-style containers on endpoints) with an OpenAI
// chat-completion body through rawPredict, the way Model Garden deployments take it.
// rawPredict is unary: the whole answer arrives at once. Its answer is the container's
// raw body, which the generated client's REST transport decodes as an (empty) HttpBody,
// so the call goes through the same credentials as an authorized request. No vscode.
import type { GenerationParams, PromptRequest } from './promptTypes';
import type { ClientPool } from './clients';
import type { PromptResult, RunOptions } from './generate';
import { tokensPerSecond } from './generate';
import { clientEndpoint } from './connection';
import { asApiError } from './projects';
import { resourceRegion, toNumber } from './protoValues';

type Raw = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The OpenAI chat-completion body for a prompt. */
export function chatCompletionBody(request: PromptRequest): Raw {
  const messages = [
    ...(request.system?.trim() ? [{ role: 'system', content: request.system }] : []),
    ...request.history.map((m) => ({ role: m.role === 'model' ? 'assistant' : 'user', content: m.text })),
    { role: 'user', content: request.prompt },
  ];
  return { messages, ...openAiParams(request.params) };
}

function openAiParams(p: GenerationParams): Raw {
  const out: Raw = {};
  if (p.temperature !== undefined) out.temperature = p.temperature;
  if (p.topP !== undefined) out.top_p = p.topP;
  if (p.topK !== undefined) out.top_k = p.topK;
  if (p.maxOutputTokens !== undefined) out.max_tokens = p.maxOutputTokens;
  if (p.stopSequences?.length) out.stop = [...p.stopSequences];
  if (p.seed !== undefined) out.seed = p.seed;
  if (p.candidateCount !== undefined) out.n = p.candidateCount;
  return out;
}

export async function chatComplete(pool: ClientPool, endpoint: string, request: PromptRequest, options: RunOptions = {}): Promise<PromptResult> {
  const auth = await pool.authClient();
  const started = performance.now();
  let completion: Raw;
  let deployedModelId: string | undefined;
  try {
    const response = await auth.request<Raw>({ url: rawPredictUrl(pool, endpoint), method: 'POST', data: chatCompletionBody(request), signal: options.signal, retry: false });
    completion = response.data;
    deployedModelId = headerOf(response.headers, 'x-vertex-ai-deployed-model-id');
  } catch (error) {
    throw asApiError(error);
  }
  const ended = performance.now();
  const choices = ((completion.choices ?? []) as Raw[]).sort((a, b) => (toNumber(a.index) ?? 0) - (toNumber(b.index) ?? 0));
  const candidates = choices.map((c) => String(c.message?.content ?? ''));
  candidates.forEach((text, i) => options.onText?.(i, text));
  const outputTokens = toNumber(completion.usage?.completion_tokens);
  return {
    candidates: candidates.length ? candidates : [''],
    figures: {
      ttftMs: ended - started,
      totalMs: ended - started,
      tokensPerSecond: tokensPerSecond(outputTokens, started, ended),
      promptTokens: toNumber(completion.usage?.prompt_tokens),
      outputTokens,
      finishReason: choices[0]?.finish_reason === 'length' ? 'MAX_TOKENS' : choices[0] ? 'STOP' : undefined,
      servedBy: completion.model ? String(completion.model) : undefined,
      deployedModelId,
    },
  };
}

/** A response header, from a Headers-like object (any fetch's) or a plain record (gaxios has used both). */
function headerOf(headers: unknown, name: string): string | undefined {
  const h = headers as { get?: (n: string) => unknown } & Record<string, unknown>;
  const value = typeof h?.get === 'function' ? h.get(name) : Object.entries(h ?? {}).find(([k]) => k.toLowerCase() === name)?.[1];
  return typeof value === 'string' && value ? value : undefined;
}

export function rawPredictUrl(pool: ClientPool, endpoint: string): string {
  const e = clientEndpoint(pool.connection, resourceRegion(endpoint));
  return `${e.protocol}://${e.apiEndpoint}:${e.port}/v1/${endpoint}:rawPredict`;
}
