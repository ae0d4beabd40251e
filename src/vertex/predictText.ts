// Prompting custom models on endpoints with predict: the prompt is either a JSON array
// (or object) of instances, sent as is, or text, sent as one vLLM-style instance
// {prompt, max_tokens, …}. The predictions come back as JSON text. No vscode.
import * as l10n from '@vscode/l10n';
import type { PromptRequest } from './promptTypes';
import type { ClientPool } from './clients';
import type { PromptResult, RunOptions } from './generate';
import { resourceRegion } from './protoValues';
import { fromProtoValue, toProtoValue } from './jsonValue';
import { cancelOnAbort } from './retry';

type Raw = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The instances a prompt stands for; throws a precise message for JSON that is not instances. */
export function predictInstances(request: PromptRequest): unknown[] {
  const text = request.prompt.trim();
  if (/^[[{]/.test(text)) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw Object.assign(new Error(l10n.t('The prompt looks like JSON instances but does not parse: {0}', (error as Error).message)), { code: 3 });
    }
    return Array.isArray(parsed) ? parsed : [parsed];
  }
  const p = request.params;
  const instance: Raw = { prompt: text };
  if (p.maxOutputTokens !== undefined) instance.max_tokens = p.maxOutputTokens;
  if (p.temperature !== undefined) instance.temperature = p.temperature;
  if (p.topP !== undefined) instance.top_p = p.topP;
  if (p.topK !== undefined) instance.top_k = p.topK;
  if (p.seed !== undefined) instance.seed = p.seed;
  return [instance];
}

export async function predictText(pool: ClientPool, endpoint: string, request: PromptRequest, options: RunOptions = {}): Promise<PromptResult> {
  const instances = predictInstances(request);
  const client = await pool.get('PredictionServiceClient', resourceRegion(endpoint));
  const started = performance.now();
  const call = client.predict({ endpoint, instances: instances.map(toProtoValue) });
  const [response] = (await (options.signal ? cancelOnAbort(call, options.signal) : call)) as unknown as [Raw];
  const ended = performance.now();
  const predictions = ((response.predictions ?? []) as unknown[]).map(fromProtoValue);
  const text = predictions.every((p) => typeof p === 'string') ? (predictions as string[]).join('\n\n') : '```json\n' + JSON.stringify(predictions, null, 2) + '\n```';
  options.onText?.(0, text);
  return {
    candidates: [text],
    figures: {
      totalMs: ended - started,
      ttftMs: ended - started,
      finishReason: 'STOP',
      servedBy: response.model ? `${String(response.model)}@${String(response.modelVersionId ?? '')}` : undefined,
      deployedModelId: response.deployedModelId ? String(response.deployedModelId) : undefined,
    },
  };
}
