// The emulator models' tokenizer: a token is a word (letters and digits, with inner
// apostrophes or hyphens: "won't", "Apple-Tree"), a number ("3.5", "1,000"), one
// punctuation or symbol character, or a line break. Token counts the API reports are
// counts of these tokens. Straight double quotes become opening (``) and closing ('')
// tokens by what precedes them, as the Penn Treebank tokenizer does, so a model learns
// where quotes open and close. detokenize() puts the spaces back by English punctuation
// rules and depends only on earlier tokens, so streaming token by token and joining
// the pieces gives the same text as detokenizing everything at once.
const TOKEN = /\p{L}[\p{L}\p{M}\p{N}]*(?:['’-][\p{L}\p{N}]+)*|\p{N}+(?:[.,:][\p{N}]+)*(?:\p{L}+)?|\n|[^\s]/gu;

export const NEWLINE = '\n';
export const OPEN_QUOTE = '``';
export const CLOSE_QUOTE = "''";

export function tokenize(text: string): string[] {
  const normalized = text.replace(/\r\n?/g, '\n');
  return [...normalized.matchAll(TOKEN)].map((m) => {
    if (m[0] !== '"') return m[0];
    const before = m.index ? normalized[m.index - 1] : ' ';
    return /[\s([{]/.test(before) ? OPEN_QUOTE : CLOSE_QUOTE;
  });
}

export function countTokens(text: string): number {
  return tokenize(text).length;
}

/** No space before these ('>' closes a markup tag, so HTML in training data survives). */
const CLOSING = new Set(['.', ',', ';', ':', '!', '?', ')', ']', '}', '%', '…', "'", '’', '”', '»', '>', CLOSE_QUOTE]);
/** No space after these. */
const OPENING = new Set(['(', '[', '{', '“', '«', '$', '#', '@', '<', OPEN_QUOTE]);
const SURFACE: Record<string, string> = { [OPEN_QUOTE]: '"', [CLOSE_QUOTE]: '"' };
const JOINERS = new Set(['-', '/', '–']);

/** Rebuilds text from tokens. */
export function detokenize(tokens: readonly string[]): string {
  return tokenPieces(tokens).join('');
}

/** Each token's text with the space before it. */
export function tokenPieces(tokens: readonly string[]): string[] {
  const detokenizer = new Detokenizer();
  return tokens.map((token) => detokenizer.push(token));
}

/** Incremental detokenizing: a piece per token, from the token before it. */
export class Detokenizer {
  private previous: string | undefined;

  push(token: string): string {
    const previous = this.previous;
    this.previous = token;
    let space = previous !== undefined && previous !== NEWLINE && token !== NEWLINE;
    if (CLOSING.has(token) || JOINERS.has(token)) space = false;
    if (previous !== undefined && (OPENING.has(previous) || JOINERS.has(previous))) space = false;
    const surface = SURFACE[token] ?? token;
    return space ? ` ${surface}` : surface;
  }
}
