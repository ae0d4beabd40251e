// Reading request bodies and writing JSON answers the way Google's front end does.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError, invalidPayload } from './googleError';

const MAX_BODY_BYTES = 32 * 1024 * 1024;

/** The parsed JSON body, or undefined when there is none. */
export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new ApiError('INVALID_ARGUMENT', `Request payload size exceeds the limit: ${MAX_BODY_BYTES} bytes.`);
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text.trim()) return undefined;
  try {
    return JSON.parse(text);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    throw invalidPayload([{ description: `Invalid JSON payload received. ${detail}` }]);
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown, pretty: boolean, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body ?? {}, null, pretty ? 2 : undefined);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    Vary: 'Origin, X-Origin, Referer',
    ...headers,
  });
  res.end(text);
}
