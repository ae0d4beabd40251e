// `stream=stall|truncate` on a streamed JSON array. Truncate ends the array after N
// elements and strips finishReason, as a cut connection would leave it; stall sends N
// elements and then nothing, keeping the socket open until the client gives up.
import type { JsonObject } from '../wireCodec';

export async function* faultyStream(
  elements: AsyncIterable<unknown> | Iterable<unknown>,
  mode: 'stall' | 'truncate',
  after: number,
  closed: Promise<unknown>,
): AsyncGenerator<unknown> {
  let sent = 0;
  for await (const element of elements) {
    if (sent >= after) break;
    sent++;
    yield mode === 'truncate' ? withoutFinishReason(element) : element;
  }
  if (mode === 'stall') await closed;
}

function withoutFinishReason(element: unknown): unknown {
  const candidates = (element as JsonObject | null)?.candidates;
  if (!Array.isArray(candidates)) return element;
  return {
    ...(element as JsonObject),
    candidates: candidates.map((c) => {
      const { finishReason: _finish, ...rest } = c as JsonObject;
      return rest;
    }),
  };
}
