// Raw request and response bytes for the routes that are not JSON: Cloud Storage media
// uploads and downloads, and empty 204 answers.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError } from '../googleError';

/** Uploads are held in memory: a cap keeps a runaway client from exhausting it. */
const MAX_UPLOAD_BYTES = 256 * 1024 * 1024;

export async function readBytes(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_UPLOAD_BYTES) throw new ApiError('INVALID_ARGUMENT', `Request payload size exceeds the emulator's limit: ${MAX_UPLOAD_BYTES} bytes.`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export function sendBytes(res: ServerResponse, status: number, raw: { data: Buffer; headers?: Record<string, string> }): void {
  res.writeHead(status, { ...(status === 204 ? {} : { 'Content-Length': raw.data.length }), ...raw.headers });
  res.end(status === 204 ? undefined : raw.data);
}
