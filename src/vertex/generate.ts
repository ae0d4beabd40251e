// Prompting a deployed Gemini-style endpoint (generateContent). No vscode.
import type { ClientPool } from './clients';
import { resourceRegion, toNumber } from './protoValues';

export interface GenerateResult {
  readonly text: string;
  readonly finishReason?: string;
  readonly promptTokens?: number;
  readonly outputTokens?: number;
}

const FINISH_REASONS = ['FINISH_REASON_UNSPECIFIED', 'STOP', 'MAX_TOKENS', 'SAFETY', 'RECITATION', 'OTHER', 'BLOCKLIST', 'PROHIBITED_CONTENT', 'SPII', 'MALFORMED_FUNCTION_CALL'];

type Raw = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export async function generateContent(pool: ClientPool, endpoint: string, prompt: string, signal?: AbortSignal): Promise<GenerateResult> {
  const client = await pool.get('PredictionServiceClient', resourceRegion(endpoint));
  const call = client.generateContent({ model: endpoint, contents: [{ role: 'user', parts: [{ text: prompt }] }] });
  const onAbort = () => (call as { cancel?: () => void }).cancel?.();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const [response] = (await call) as unknown as [Raw];
    const candidate = (response.candidates ?? [])[0] as Raw | undefined;
    const text = ((candidate?.content?.parts ?? []) as Raw[]).map((p) => String(p.text ?? '')).join('');
    const reason = candidate?.finishReason;
    return {
      text,
      finishReason: typeof reason === 'number' ? FINISH_REASONS[reason] : reason,
      promptTokens: toNumber(response.usageMetadata?.promptTokenCount),
      outputTokens: toNumber(response.usageMetadata?.candidatesTokenCount),
    };
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}
