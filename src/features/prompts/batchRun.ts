// Batch runs: a JSONL of prompts against one target with a concurrency limit. Each
// result is written the moment it arrives, so a cancelled run keeps every finished
// answer and nothing half-done. No vscode.
import * as l10n from '@vscode/l10n';
import type { GenerationParams, PromptRequest } from '../../vertex/promptTypes';
import type { PromptResult } from '../../vertex/generate';
import { parseError } from '../../vertex/parseError';

export interface BatchItem {
  /** 0-based line of the input file. */
  readonly line: number;
  readonly id?: unknown;
  readonly request: PromptRequest;
}

export interface BatchOptions {
  readonly concurrency: number;
  readonly signal: AbortSignal;
  readonly target: string;
  readonly run: (request: PromptRequest, signal: AbortSignal) => Promise<PromptResult>;
  /** Appends one JSONL line; awaited before the next result is written. */
  readonly write: (line: string) => Promise<void>;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface BatchSummary {
  readonly total: number;
  readonly succeeded: number;
  readonly failed: number;
  readonly cancelled: boolean;
}

/** Parses the input: `{"prompt": …, "system"?, "parameters"?, "id"?}` or a JSON string per line; throws naming the first bad line. */
export function parseBatchInput(text: string, defaults: GenerationParams = {}): BatchItem[] {
  const items: BatchItem[] = [];
  text.split(/\r?\n/).forEach((raw, line) => {
    if (!raw.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      throw new Error(l10n.t('Line {0} is not valid JSON: {1}', line + 1, (error as Error).message), { cause: error });
    }
    const record = typeof value === 'string' ? { prompt: value } : (value as Record<string, unknown> | null);
    if (!record || typeof record.prompt !== 'string' || !record.prompt.trim()) throw new Error(l10n.t('Line {0} has no "prompt" string.', line + 1));
    items.push({
      line,
      id: record.id,
      request: {
        system: typeof record.system === 'string' ? record.system : undefined,
        history: [],
        prompt: record.prompt,
        params: { ...defaults, ...((record.parameters as GenerationParams | undefined) ?? {}) },
      },
    });
  });
  if (!items.length) throw new Error(l10n.t('The file has no prompts: one JSON object with a "prompt" per line.'));
  return items;
}

export async function runBatch(items: readonly BatchItem[], options: BatchOptions): Promise<BatchSummary> {
  let next = 0;
  let done = 0;
  let succeeded = 0;
  let failed = 0;
  let writing = Promise.resolve();
  const write = (record: Record<string, unknown>) => (writing = writing.then(() => options.write(`${JSON.stringify(record)}\n`)));
  const worker = async () => {
    while (next < items.length && !options.signal.aborted) {
      const item = items[next++];
      const base = { line: item.line + 1, ...(item.id !== undefined ? { id: item.id } : {}), target: options.target, prompt: item.request.prompt };
      try {
        const result = await options.run(item.request, options.signal);
        succeeded++;
        await write({ ...base, answer: result.candidates[0] ?? '', finishReason: result.figures.finishReason, outputTokens: result.figures.outputTokens, totalMs: Math.round(result.figures.totalMs) });
      } catch (error) {
        // A request cut short by Cancel is not a result: it is left out, not written as failed.
        if (options.signal.aborted) return;
        failed++;
        await write({ ...base, error: parseError(error).message });
      }
      options.onProgress?.(++done, items.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency, items.length)) }, worker));
  await writing;
  return { total: items.length, succeeded, failed, cancelled: options.signal.aborted };
}
