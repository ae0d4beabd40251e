// Reading request bodies and writing JSON answers the way Google's front end does.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError, invalidPayload } from './googleError';

const MAX_BODY_BYTES = 32 * 1024 * 1024;
/**
 * Deepest nesting of objects and arrays a body may have. Protobuf's JSON parsers (and so
 * Google's front end) stop at 100 levels; no request message of these APIs comes near it,
 * and it keeps every recursive walk of a body (decoding, journaling, answering) far from
 * the stack's end.
 */
export const MAX_JSON_DEPTH = 100;

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
  return parseJson(text);
}

/** JSON.parse with Google's answers: 400 INVALID_ARGUMENT for bad syntax and for nesting beyond MAX_JSON_DEPTH. */
export function parseJson(text: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    throw invalidPayload([{ description: `Invalid JSON payload received. ${detail}` }]);
  }
  if (nestedDeeperThan(text, MAX_JSON_DEPTH)) {
    throw invalidPayload([{ description: `Invalid JSON payload received. Message nesting is too deep: more than ${MAX_JSON_DEPTH} levels of objects and arrays.` }]);
  }
  return value;
}

/** Whether valid JSON `text` nests objects and arrays deeper than `limit` (a scan, no recursion). */
function nestedDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
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
