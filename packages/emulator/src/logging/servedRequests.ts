// The one place prediction handlers meet request-response logging: `logged()` wraps a
// handler, times it, learns which deployed model served it (servingTarget() reports it
// through `noteServingTarget`) and hands request and answer to the logger when the
// answer is complete (for streams, after the last chunk). `atLogTime()` lets the traffic
// generator back-date what it sends.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { EmulatorState, HttpResult, MethodHandler } from '../context';
import { toApiError } from '../googleError';
import type { JsonObject } from '../wireCodec';
import { logServedRequest, type ApiMethod } from './requestLog';

interface Served {
  deployed?: { endpoint: string; id: string; model: string; modelVersionId: string };
}

const current = new AsyncLocalStorage<Served>();
const logTime = new AsyncLocalStorage<Date>();

/** Called by servingTarget(): the endpoint and deployed model answering the current call. */
export function noteServingTarget(endpoint: string, deployed: { id: string; model: string; modelVersionId: string } | undefined): void {
  const served = current.getStore();
  if (served && deployed) served.deployed = { endpoint, ...deployed };
}

/** Runs `work` with requests logged as if served at `at` (plus their latency). */
export function atLogTime<T>(at: Date, work: () => T): T {
  return logTime.run(at, work);
}

export function logged(apiMethod: ApiMethod, handler: MethodHandler): MethodHandler {
  return (call) => {
    const request = call.state.codec.encode(call.route.method.requestType, call.request, false) as JsonObject;
    const responseType = call.route.method.responseType;
    return servedCall(call.state, apiMethod, request, () => handler(call), (body) => call.state.codec.encode(responseType, body, false) as JsonObject);
  };
}

/** Runs one served call and logs it; `readable` turns a wire body (or stream chunk) into logged JSON. */
export async function servedCall(
  state: EmulatorState,
  apiMethod: ApiMethod,
  request: JsonObject,
  run: () => HttpResult | Promise<HttpResult>,
  readable: (body: unknown) => JsonObject = (body) => body as JsonObject,
): Promise<HttpResult> {
  const served: Served = {};
  const started = performance.now();
  const base = logTime.getStore();
  const finish = (response: JsonObject | undefined, err?: unknown) => {
    const deployed = served.deployed;
    if (!deployed) return;
    const latencyMs = performance.now() - started;
    const error = err === undefined ? undefined : toApiError(err);
    // Logging never fails the request it logs, as on Vertex.
    try {
      logServedRequest(state, {
      endpoint: deployed.endpoint,
      deployedModelId: deployed.id,
      model: deployed.model,
      modelVersionId: deployed.modelVersionId,
      apiMethod,
      request,
      response,
      error: error && { code: error.httpStatus, message: error.message, status: error.status },
      latencyMs,
      statusCode: error ? error.httpStatus : 200,
      at: new Date((base ?? state.now()).getTime() + (base ? latencyMs : 0)),
      });
    } catch {
      // A broken destination table only loses the row.
    }
  };
  let result: HttpResult;
  try {
    result = await current.run(served, run);
  } catch (err) {
    finish(undefined, err);
    throw err;
  }
  if (result.stream) return { ...result, stream: loggedStream(result.stream, readable, finish) };
  finish(readable(result.body));
  return result;
}

/** Passes chunks through and logs the merged answer once the stream ends. */
async function* loggedStream(chunks: AsyncIterable<unknown>, readable: (body: unknown) => JsonObject, finish: (response: JsonObject | undefined, err?: unknown) => void): AsyncGenerator<unknown> {
  const seen: JsonObject[] = [];
  try {
    for await (const chunk of chunks) {
      seen.push(readable(chunk));
      yield chunk;
    }
  } catch (err) {
    finish(undefined, err);
    throw err;
  }
  finish(mergeChunks(seen));
}

/** A streamed GenerateContent answer as one response: candidate texts joined, the last finishReason and usage. */
export function mergeChunks(chunks: JsonObject[]): JsonObject {
  const merged: JsonObject = { ...(chunks[chunks.length - 1] ?? {}) };
  const candidates = new Map<number, JsonObject>();
  for (const chunk of chunks) {
    for (const c of (chunk.candidates as JsonObject[] | undefined) ?? []) {
      const index = Number(c.index ?? 0);
      const text = ((c.content as JsonObject | undefined)?.parts as JsonObject[] | undefined)?.map((p) => String(p.text ?? '')).join('') ?? '';
      const previous = candidates.get(index);
      const joined = String(((previous?.content as JsonObject | undefined)?.parts as JsonObject[] | undefined)?.[0]?.text ?? '') + text;
      candidates.set(index, { ...previous, ...c, content: { role: 'model', parts: [{ text: joined }] } });
    }
  }
  merged.candidates = [...candidates.values()];
  return merged;
}
