// Tokens of GoogleSQL (BigQuery Standard SQL), per its lexical structure: quoted and
// raw string literals with backslash escapes, `backtick` identifiers, @named and ?
// positional parameters, and --, # and /* */ comments. Positions are kept for the
// "at [line:column]" BigQuery appends to query errors.
import { SqlError } from './sqlError';

export type TokenKind = 'ident' | 'quoted' | 'string' | 'bytes' | 'number' | 'param' | 'positional' | 'op';

export interface Token {
  kind: TokenKind;
  /** Source text; for strings and quoted identifiers, the decoded value. */
  text: string;
  /** Whitespace or a comment came before it (kept so the output stays readable). */
  spaced: boolean;
  line: number;
  column: number;
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', '\\': '\\', "'": "'", '"': '"', '`': '`', '?': '?' };
const OPERATORS = ['<>', '!=', '<=', '>=', '||', '<<', '>>', '=>'];

export function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  let spaced = false;
  const at = () => ({ line, column: i - lineStart + 1 });
  const advance = (to: number) => {
    for (; i < to; i++) {
      if (sql[i] === '\n') {
        line++;
        lineStart = i + 1;
      }
    }
  };
  while (i < sql.length) {
    const c = sql[i];
    const rest = sql.slice(i);
    if (/\s/.test(c)) {
      advance(i + 1);
      spaced = true;
      continue;
    }
    if (rest.startsWith('--') || c === '#') {
      const end = sql.indexOf('\n', i);
      advance(end < 0 ? sql.length : end);
      spaced = true;
      continue;
    }
    if (rest.startsWith('/*')) {
      const end = sql.indexOf('*/', i + 2);
      if (end < 0) throw new SqlError('Syntax error: Unclosed comment', at());
      advance(end + 2);
      spaced = true;
      continue;
    }
    const pos = at();
    const push = (kind: TokenKind, text: string, end: number) => {
      tokens.push({ kind, text, spaced, ...pos });
      advance(end);
      spaced = false;
    };
    const prefix = /^([rRbB]{1,2})?(['"`])/.exec(rest);
    if (prefix && (prefix[1] === undefined || prefix[2] !== '`')) {
      const flags = (prefix[1] ?? '').toLowerCase();
      const { value, end } = readQuoted(sql, i + (prefix[1]?.length ?? 0), flags.includes('r'), pos);
      push(prefix[2] === '`' ? 'quoted' : flags.includes('b') ? 'bytes' : 'string', value, end);
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(rest);
    if (word) {
      push('ident', word[0], i + word[0].length);
      continue;
    }
    const number = /^(0[xX][0-9a-fA-F]+|(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?)/.exec(rest);
    if (number) {
      push('number', number[0], i + number[0].length);
      continue;
    }
    const param = /^@@?[A-Za-z_][A-Za-z0-9_]*/.exec(rest);
    if (param) {
      push('param', param[0].slice(1), i + param[0].length);
      continue;
    }
    if (c === '?') {
      push('positional', '?', i + 1);
      continue;
    }
    const op = OPERATORS.find((o) => rest.startsWith(o)) ?? c;
    if (!/[-+*/%=<>!|&^~(),.;[\]{}:]/.test(op[0])) throw new SqlError(`Syntax error: Illegal input character "${c}"`, pos);
    push('op', op, i + op.length);
  }
  return tokens;
}

function readQuoted(sql: string, start: number, raw: boolean, pos: { line: number; column: number }): { value: string; end: number } {
  const quote = sql[start];
  const triple = quote !== '`' && sql.startsWith(quote.repeat(3), start);
  const close = triple ? quote.repeat(3) : quote;
  let i = start + close.length;
  let value = '';
  while (i < sql.length) {
    if (sql.startsWith(close, i)) return { value, end: i + close.length };
    const c = sql[i];
    if (!triple && c === '\n') break;
    if (c !== '\\') {
      value += c;
      i++;
      continue;
    }
    const next = sql[i + 1] ?? '';
    if (raw) {
      value += c + next;
      i += 2;
      continue;
    }
    if (next in ESCAPES) {
      value += ESCAPES[next];
      i += 2;
      continue;
    }
    const hex = /^(?:x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|([0-7]{3}))/.exec(sql.slice(i + 1));
    if (!hex) throw new SqlError(`Syntax error: Illegal escape sequence: \\${next}`, pos);
    const code = hex[4] !== undefined ? parseInt(hex[4], 8) : parseInt(hex[1] ?? hex[2] ?? hex[3], 16);
    value += String.fromCodePoint(code);
    i += 1 + hex[0].length;
  }
  throw new SqlError(quote === '`' ? 'Syntax error: Unclosed identifier literal' : 'Syntax error: Unclosed string literal', pos);
}
