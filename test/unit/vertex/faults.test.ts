// Streamed answers under injected stream faults, read through guardStream from the
// official PredictionServiceClient: each read ends within its bound, with an error a
// person can act on, and nothing is left unhandled.
import * as assert from 'node:assert/strict';
import { PredictionServiceClient } from '@google-cloud/aiplatform/build/src/v1/prediction_service_client';
import { parseError } from '../../../src/vertex/parseError';
import { guardStream, hasFinishReason } from '../../../src/vertex/streaming';
import { US_PARENT, rejection, useEmulator, trapUnhandledRejections, useFaults } from '@vertex-genai-ops/emulator/harness';

type Chunk = { candidates?: { finishReason?: unknown; content?: { parts?: { text?: string | null }[] | null } | null }[] | null };

describe('vertex streams under injected faults', function () {
  this.timeout(20_000);
  const h = useEmulator({ tokenDelayMs: 2 });
  let client: PredictionServiceClient;
  trapUnhandledRejections();
  before(() => {
    client = h.client(PredictionServiceClient);
  });
  const { set: faults } = useFaults(h);

  const ask = () =>
    client.streamGenerateContent({
      model: `${US_PARENT}/publishers/google/models/gemini-2.0-flash-001`,
      contents: [{ role: 'user', parts: [{ text: 'Tell me about the fox and the grapes' }] }],
      generationConfig: { temperature: 0, maxOutputTokens: 16 },
    });
  const read = async (options: Parameters<typeof guardStream<Chunk>>[1] = {}) => {
    const chunks: Chunk[] = [];
    let error: unknown;
    try {
      for await (const chunk of guardStream<Chunk>(ask(), { isComplete: hasFinishReason, ...options })) chunks.push(chunk);
    } catch (err) {
      error = err;
    }
    return { chunks, error: error as (Error & { code?: number }) | undefined };
  };

  it('reads a whole stream that ends with a finishReason', async () => {
    const { chunks, error } = await read();
    assert.equal(error, undefined);
    assert.ok(chunks.length > 2);
    assert.ok(hasFinishReason(chunks.at(-1)!));
  });

  it('reports a stream truncated without a finishReason, after yielding what came', async () => {
    await faults('method=*StreamGenerateContent,stream=truncate,after=2');
    const { chunks, error } = await read();
    assert.equal(chunks.length, 2);
    assert.ok(error, 'a truncated stream is an error');
    const shown = parseError(error);
    assert.deepEqual([shown.code, shown.action], ['UNAVAILABLE', 'retry']);
    assert.match(shown.message, /ended before the model finished/);
  });

  it('gives up on a stalled stream after the idle timeout and frees the connection', async () => {
    await faults('method=*StreamGenerateContent,stream=stall,after=2');
    const started = performance.now();
    const { chunks, error } = await read({ idleTimeoutMs: 400 });
    const elapsed = performance.now() - started;
    assert.equal(chunks.length, 2);
    assert.equal(error?.code, 4);
    assert.match(String(error?.message), /stalled/);
    assert.ok(elapsed < 1500, `${elapsed} ms`);
    await h.fetch('/_emulator/faults', { method: 'DELETE' });
    assert.equal((await read()).error, undefined, 'the emulator still answers');
  });

  it('ends at the overall timeout and on abort', async () => {
    await faults('method=*StreamGenerateContent,stream=stall,after=1');
    const timedOut = await read({ idleTimeoutMs: 5000, timeoutMs: 300 });
    assert.equal(parseError(timedOut.error).code, 'DEADLINE_EXCEEDED');
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const aborted = await read({ signal: controller.signal });
    assert.equal(parseError(aborted.error).code, 'CANCELLED');
  });

  it('surfaces an injected error before the stream starts with its status', async () => {
    await faults('method=*StreamGenerateContent,error=429,retryAfter=1');
    const err = await rejection((async () => {
      for await (const _ of guardStream<Chunk>(ask())) void _;
    })());
    assert.equal(parseError(err).code, 'RESOURCE_EXHAUSTED');
  });
});
