// Token estimate without Google's tokenizer (it is not public and calling countTokens
// per line would send the data): Google documents that "for Gemini models, a token is
// equivalent to about 4 characters" (ai.google.dev/gemini-api/docs/tokens), and that an
// image counts 258 tokens when small (larger ones are tiled at 258 per tile), so a
// media part counts at least 258.
import type { ExampleFormat } from './lintTypes';
import { isObject, type JsonObject } from './exampleFormat';

export const CHARS_PER_TOKEN = 4;
export const MEDIA_PART_TOKENS = 258;

export function estimateTokens(value: JsonObject, format: ExampleFormat): number {
  let chars = 0;
  let media = 0;
  const addParts = (parts: unknown) => {
    if (!Array.isArray(parts)) return;
    for (const part of parts) {
      if (!isObject(part)) continue;
      if (typeof part.text === 'string') chars += part.text.length;
      else if (part.inlineData !== undefined || part.fileData !== undefined) media++;
    }
  };
  if (format === 'gemini') {
    if (isObject(value.systemInstruction)) addParts(value.systemInstruction.parts);
    if (Array.isArray(value.contents)) for (const c of value.contents) if (isObject(c)) addParts(c.parts);
  } else if (format === 'chat' && Array.isArray(value.messages)) {
    for (const m of value.messages) if (isObject(m) && typeof m.content === 'string') chars += m.content.length;
  } else if (format === 'textPair') {
    for (const s of [value.input_text, value.output_text]) if (typeof s === 'string') chars += s.length;
  }
  return Math.ceil(chars / CHARS_PER_TOKEN) + media * MEDIA_PART_TOKENS;
}
