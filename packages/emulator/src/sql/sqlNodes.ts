// Tokens nested by parentheses and brackets: the only structure the translator needs.
import { SqlError, type SqlPosition } from './sqlError';
import type { Token } from './sqlLexer';

export interface Group {
  kind: 'group';
  open: Token;
  children: Node[];
}
export type Node = Token | Group;

/** The predicate names the bracket, so a failed check for '(' still leaves '[' groups possible. */
export function isGroup<O extends '(' | '['>(n: Node | undefined, open?: O): n is Group & { open: { text: O } } {
  return n?.kind === 'group' && (!open || n.open.text === open);
}
export const isWord = (n: Node | undefined, ...words: string[]): n is Token & { kind: 'ident' } =>
  n !== undefined && n.kind === 'ident' && (words.length === 0 || words.includes(n.text.toUpperCase()));
export const positionOf = (n: Node): SqlPosition => (n.kind === 'group' ? n.open : n);

/** Nests tokens by parentheses and brackets. */
export function group(tokens: Token[]): Node[] {
  const root: Node[] = [];
  const stack: { open: Token; children: Node[] }[] = [];
  let current = root;
  for (const token of tokens) {
    if (token.kind === 'op' && (token.text === '(' || token.text === '[')) {
      stack.push({ open: token, children: [] });
      current = stack[stack.length - 1].children;
      continue;
    }
    if (token.kind === 'op' && (token.text === ')' || token.text === ']')) {
      const top = stack.pop();
      if (!top || (top.open.text === '(') !== (token.text === ')')) throw new SqlError(`Syntax error: Unexpected "${token.text}"`, token);
      current = stack.length ? stack[stack.length - 1].children : root;
      current.push({ kind: 'group', open: top.open, children: top.children });
      continue;
    }
    current.push(token);
  }
  if (stack.length) throw new SqlError('Syntax error: Unexpected end of script', stack[stack.length - 1].open);
  return root;
}

export function splitArgs(children: Node[]): Node[][] {
  const args: Node[][] = [[]];
  for (const n of children) {
    if (n.kind === 'op' && n.text === ',') args.push([]);
    else args[args.length - 1].push(n);
  }
  return args.length === 1 && args[0].length === 0 ? [] : args;
}

