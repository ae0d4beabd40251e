// Which format a line is in, and the unambiguous conversions to Gemini's contents[]:
// the chat "messages" format (OpenAI's, and Gemini 1.0's older tuning format) and the
// PaLM-era {"input_text", "output_text"} pairs.
import * as l10n from '@vscode/l10n';
import type { ExampleFormat } from './lintTypes';

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function detectFormat(value: JsonObject): ExampleFormat {
  if ('contents' in value) return 'gemini';
  if (Array.isArray(value.messages)) return 'chat';
  if ('input_text' in value || 'output_text' in value) return 'textPair';
  return 'unknown';
}

export const FORMAT_NAMES: Record<ExampleFormat, string> = {
  gemini: l10n.t('Gemini "contents"'),
  chat: l10n.t('chat "messages"'),
  textPair: '"input_text"/"output_text"',
  unknown: 'unknown',
};

/** Turn roles other tools write, and the Gemini role each one means. */
export const ROLE_ALIASES: Record<string, 'user' | 'model'> = {
  user: 'user',
  human: 'user',
  model: 'model',
  assistant: 'model',
  bot: 'model',
  ai: 'model',
};

const textContent = (role: string, text: string) => ({ role, parts: [{ text }] });

/** The example as a Gemini line, or undefined when the conversion would have to guess. */
export function toGemini(value: JsonObject, format: ExampleFormat): JsonObject | undefined {
  const { messages, input_text: input, output_text: output, ...rest } = value;
  if (format === 'textPair') {
    if (typeof input !== 'string' || typeof output !== 'string') return undefined;
    return { contents: [textContent('user', input), textContent('model', output)], ...rest };
  }
  if (format !== 'chat' || !Array.isArray(messages)) return undefined;
  let system: string | undefined;
  const contents: JsonObject[] = [];
  for (const [i, message] of messages.entries()) {
    if (!isObject(message) || typeof message.content !== 'string' || typeof message.role !== 'string') return undefined;
    if (Object.keys(message).some((k) => k !== 'role' && k !== 'content')) return undefined;
    const role = message.role.toLowerCase();
    if (role === 'system' && i === 0) system = message.content;
    else if (ROLE_ALIASES[role]) contents.push(textContent(ROLE_ALIASES[role], message.content));
    else return undefined;
  }
  return { ...(system === undefined ? {} : { systemInstruction: { parts: [{ text: system }] } }), contents, ...rest };
}
