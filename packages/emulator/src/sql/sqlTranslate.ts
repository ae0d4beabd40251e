// GoogleSQL → DuckDB, by rewriting tokens rather than parsing the whole grammar: the two
// dialects share most of SELECT, so only what differs is rewritten (strings, `paths`,
// @params, functions, OFFSET subscripts, UNNEST aliases, typed literals). Every function
// must be known (sqlFunctions.ts); anything else is an invalidQuery naming it, so a
// query is either translated faithfully or refused, never answered wrongly.
import { SqlError, unsupported, type SqlPosition } from './sqlError';
import { FUNCTIONS, type Arg, type CallSite } from './sqlFunctions';
import { tokenize, type Token } from './sqlLexer';
import { group, isGroup, isWord, positionOf, splitArgs, type Group, type Node } from './sqlNodes';
import { DUCKDB_TABLE_FUNCTIONS } from './duckdbTableFunctions';
import { duckString, quoteIdent } from './sqlTypes';

export interface TranslateContext {
  defaultProject: string;
  defaultDataset?: string;
  /** DuckDB literal per named parameter, keyed by lower-cased name. */
  named?: Map<string, string>;
  /** DuckDB literal per positional (?) parameter. */
  positional?: string[];
  /** CURRENT_TIMESTAMP(): constant within a query, as in BigQuery. */
  now: Date;
}

export interface TableRef {
  project: string;
  dataset: string;
  table: string;
  position: SqlPosition;
}

export interface Translation {
  sql: string;
  tables: TableRef[];
}

/** Words that take a parenthesis without being a function call. */
const KEYWORDS = new Set(
  ('AND OR NOT IN EXISTS AS OVER FROM JOIN ON USING WHEN THEN ELSE CASE END SELECT WHERE BY HAVING QUALIFY UNION ALL ' +
    'DISTINCT INTERSECT EXCEPT VALUES WITH RECURSIVE WINDOW LIMIT OFFSET ARRAY IS LIKE BETWEEN INTERVAL ANY SOME PARTITION ' +
    'ROWS RANGE ROLLUP CUBE GROUPING SETS ORDER LEFT RIGHT INNER OUTER FULL CROSS NULL TRUE FALSE').split(' '),
);
const CLAUSE_END = new Set(['WHERE', 'GROUP', 'HAVING', 'QUALIFY', 'WINDOW', 'ORDER', 'LIMIT', 'UNION', 'INTERSECT', 'EXCEPT', 'SELECT']);
const TYPED_LITERALS: Record<string, (value: string) => string> = {
  TIMESTAMP: (v) => `CAST(${duckString(v)} AS TIMESTAMPTZ)`,
  DATETIME: (v) => `CAST(${duckString(v)} AS TIMESTAMP)`,
  DATE: (v) => `CAST(${duckString(v)} AS DATE)`,
  TIME: (v) => `CAST(${duckString(v)} AS TIME)`,
  JSON: (v) => `CAST(${duckString(v)} AS JSON)`,
  NUMERIC: (v) => `CAST(${duckString(v)} AS DECIMAL(38,9))`,
};
const UNSUPPORTED_WORDS: Record<string, string> = {
  PIVOT: 'PIVOT',
  UNPIVOT: 'UNPIVOT',
  TABLESAMPLE: 'TABLESAMPLE',
  FOR: 'FOR SYSTEM_TIME AS OF',
  SAFE: 'SAFE.-prefixed functions',
};

export function translateQuery(sql: string, ctx: TranslateContext): Translation {
  const nodes = group(tokenize(sql));
  while (nodes.length && isSemicolon(nodes[nodes.length - 1])) nodes.pop();
  const first = nodes[0];
  if (!first) throw new SqlError('Syntax error: Unexpected end of script');
  const semicolon = nodes.find(isSemicolon);
  if (semicolon) throw unsupported('Multi-statement queries (scripts)', positionOf(semicolon));
  if (!isGroup(first, '(') && !isWord(first, 'SELECT', 'WITH')) {
    const word = first.kind === 'group' ? first.open.text : first.text.toUpperCase();
    throw unsupported(`${word} statements (it runs SELECT queries)`, positionOf(first));
  }
  const translator = new Translator(ctx, cteNames(nodes));
  return { sql: translator.sequence(nodes), tables: translator.tables };
}

function isSemicolon(n: Node): boolean {
  return n.kind === 'op' && n.text === ';';
}

/** Names defined by WITH name AS (…), anywhere in the query. */
function cteNames(nodes: Node[], names = new Set<string>()): Set<string> {
  nodes.forEach((n, i) => {
    if (isGroup(n)) cteNames(n.children, names);
    else if ((n.kind === 'ident' || n.kind === 'quoted') && isWord(nodes[i + 1], 'AS') && isGroup(nodes[i + 2], '(')) {
      const before = nodes[i - 1];
      if (isWord(before, 'WITH', 'RECURSIVE') || (before?.kind === 'op' && before.text === ',')) names.add(cteName(n));
    }
  });
  return names;
}

/**
 * A WITH name: a plain name that is no function's. DuckDB lets a name followed by "(" call
 * its table function even where a WITH defines it, and reads a quoted path as a file.
 */
function cteName(n: Token): string {
  const name = n.text.toLowerCase();
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw unsupported(`WITH names that are not plain names (\`${n.text}\`)`, n);
  if (name.toUpperCase() in FUNCTIONS || DUCKDB_TABLE_FUNCTIONS.has(name)) throw unsupported(`WITH names that are function names (${n.text})`, n);
  return name;
}

/** FROM takes dataset tables, WITH names, UNNEST and subqueries: never a file path or a table function. */
function refuseInFrom(n: Node, next: Node | undefined): void {
  if (n.kind === 'string') throw unsupported(`file paths and strings in FROM ('${n.text}')`, n);
  if (n.kind === 'ident' && isGroup(next, '(') && n.text.toUpperCase() !== 'UNNEST' && !KEYWORDS.has(n.text.toUpperCase())) {
    throw unsupported(`table-valued functions in FROM (${n.text})`, n);
  }
}

/** DuckDB statements that may stand in parentheses, e.g. FROM (SHOW TABLES): only queries may. */
const STATEMENTS = new Set(
  ('ALTER ATTACH CALL CHECKPOINT COPY CREATE DELETE DESCRIBE DETACH DROP EXPLAIN EXPORT IMPORT INSERT INSTALL LOAD PRAGMA ' +
    'RESET SET SHOW SUMMARIZE UPDATE USE VACUUM').split(' '),
);

function refuseStatement(n: Group): void {
  const [first, second] = n.children;
  if (isWord(first) && STATEMENTS.has(first.text.toUpperCase()) && second && second.kind !== 'op') throw unsupported(`${first.text.toUpperCase()} statements (it runs SELECT queries)`, first);
}

/** Joins emitted pieces, keeping the source's spacing and never gluing two words. */
class Out {
  private text = '';
  add(piece: string, spaced: boolean): void {
    if (this.text && (spaced || (/[\w"']$/.test(this.text) && /^[\w"']/.test(piece)))) this.text += ' ';
    this.text += piece;
  }
  toString(): string {
    return this.text;
  }
}

class Translator {
  readonly tables: TableRef[] = [];
  private nextPositional = 0;

  constructor(
    private readonly ctx: TranslateContext,
    private readonly ctes: Set<string>,
  ) {}

  sequence(nodes: Node[]): string {
    const out = new Out();
    let inFrom = false;
    let expectTable = false;
    for (let i = 0; i < nodes.length; i++) {
      const n = nodes[i];
      const prev = nodes[i - 1];
      const spaced = n.kind === 'group' ? n.open.spaced : n.spaced;
      if (isGroup(n, '[')) {
        out.add(this.bracket(n, prev), spaced && !isSubscriptTarget(prev));
        continue;
      }
      if (n.kind === 'group') {
        refuseStatement(n);
        out.add(`(${this.sequence(n.children)})`, spaced);
        expectTable = false;
        continue;
      }
      const upper = n.text.toUpperCase();
      if (n.kind === 'ident' && upper in UNSUPPORTED_WORDS && (upper !== 'SAFE' || nodes[i + 1]?.kind === 'op')) {
        throw unsupported(UNSUPPORTED_WORDS[upper], n);
      }
      if (n.kind === 'quoted' && isGroup(nodes[i + 1], '(')) throw unsupported(`backtick-quoted function names (\`${n.text}\`)`, n);
      if (expectTable) refuseInFrom(n, nodes[i + 1]);
      if (expectTable && (n.kind === 'quoted' || (n.kind === 'ident' && !isGroup(nodes[i + 1], '(')))) {
        const { sql, next } = this.tablePath(nodes, i);
        out.add(sql, spaced);
        i = next - 1;
        expectTable = false;
        continue;
      }
      if (n.kind === 'ident' && isGroup(nodes[i + 1], '(') && !KEYWORDS.has(upper)) {
        if (upper === 'UNNEST' && expectTable) {
          const { sql, next } = this.unnestInFrom(nodes, i);
          out.add(sql, spaced);
          i = next - 1;
          expectTable = false;
          continue;
        }
        out.add(this.call(n, nodes[i + 1] as Group), spaced);
        i++;
        continue;
      }
      switch (n.kind) {
        case 'string':
          out.add(duckString(n.text), spaced);
          continue;
        case 'bytes':
          throw unsupported('BYTES literals', n);
        case 'number':
          out.add(number(n.text), spaced);
          continue;
        case 'param':
          out.add(this.param(n), spaced);
          continue;
        case 'positional':
          out.add(this.positional(n), spaced);
          continue;
        case 'quoted':
          out.add(n.text.split('.').map(quoteIdent).join('.'), spaced);
          continue;
        case 'op':
          if (n.text === ',' && inFrom) expectTable = true;
          if (n.text === '<' && isWord(prev, 'STRUCT', 'ARRAY')) throw unsupported(`Typed ${prev.text.toUpperCase()}<…> constructors`, n);
          out.add(n.text, spaced);
          continue;
      }
      // An identifier or keyword.
      const next = nodes[i + 1];
      if (upper in TYPED_LITERALS && next?.kind === 'string') {
        out.add(TYPED_LITERALS[upper](next.text), spaced);
        i++;
        continue;
      }
      if (upper === 'CURRENT_TIMESTAMP' || upper === 'CURRENT_DATE') {
        out.add(FUNCTIONS[upper]([], this.site(n, [])), spaced);
        continue;
      }
      if (upper === 'EXCEPT' && prev?.kind === 'op' && prev.text === '*') {
        out.add('EXCLUDE', spaced);
        continue;
      }
      if (upper === 'IN' && isWord(next, 'UNNEST') && isGroup(nodes[i + 2], '(')) {
        out.add(`IN (SELECT UNNEST(${this.sequence((nodes[i + 2] as Group).children)}))`, spaced);
        i += 2;
        continue;
      }
      if (upper === 'AS' && isWord(prev, 'SELECT') && isWord(next, 'STRUCT', 'VALUE')) throw unsupported(`SELECT AS ${next.text.toUpperCase()}`, n);
      if ((upper === 'FROM' && !isWord(prev, 'DISTINCT')) || upper === 'JOIN') {
        inFrom = true;
        expectTable = true;
      } else if (CLAUSE_END.has(upper)) {
        inFrom = false;
        expectTable = false;
      }
      out.add(n.text, spaced);
    }
    return out.toString();
  }

  /** A function call: a known BigQuery function, rewritten for DuckDB. */
  private call(name: Token, args: Group): string {
    const rule = FUNCTIONS[name.text.toUpperCase()];
    if (!rule) throw new SqlError(`Function not found: ${name.text} (the Vertex GenAI emulator runs a subset of GoogleSQL functions)`, name);
    const parts = splitArgs(args.children).map((nodes) => this.arg(nodes));
    return rule(parts, this.site(name, args.children));
  }

  private arg(nodes: Node[]): Arg {
    let sql: string | undefined;
    return { nodes, sql: () => (sql ??= this.sequence(nodes)) };
  }

  private site(name: Token, children: Node[]): CallSite {
    return { name: name.text.toUpperCase(), position: name, children, now: this.ctx.now, translate: (nodes) => this.sequence(nodes) };
  }

  /** `[OFFSET(i)]`, `[ORDINAL(i)]` and `[i]` subscripts (DuckDB lists are 1-based); otherwise an array literal. */
  private bracket(n: Group, prev: Node | undefined): string {
    if (!isSubscriptTarget(prev)) return `[${this.sequence(n.children)}]`;
    const [word, inner] = n.children;
    if (n.children.length === 2 && isWord(word) && isGroup(inner, '(')) {
      const index = this.sequence(inner.children);
      const kind = word.text.toUpperCase();
      if (kind === 'OFFSET' || kind === 'SAFE_OFFSET') return `[(${index}) + 1]`;
      if (kind === 'ORDINAL' || kind === 'SAFE_ORDINAL') return `[${index}]`;
    }
    if (n.children.length === 1 && n.children[0].kind === 'string') throw unsupported('JSON and field subscripts ([\'name\'])', n.open);
    return `[(${this.sequence(n.children)}) + 1]`;
  }

  /** project.dataset.table (quoted or not, dashes allowed in the project) → a qualified DuckDB name. */
  private tablePath(nodes: Node[], start: number): { sql: string; next: number } {
    const adjacent = (n: Node | undefined): n is Token => n !== undefined && n.kind !== 'group' && !n.spaced;
    let text = (nodes[start] as Token).text;
    let i = start + 1;
    for (;;) {
      const [sep, after] = [nodes[i], nodes[i + 1]];
      if (!adjacent(sep) || sep.kind !== 'op' || !adjacent(after)) break;
      const joins = (sep.text === '.' && (after.kind === 'ident' || after.kind === 'quoted')) || (sep.text === '-' && (after.kind === 'ident' || after.kind === 'number'));
      if (!joins) break;
      text += sep.text + after.text;
      i += 2;
    }
    const parts = text.split('.');
    const position = positionOf(nodes[start]);
    if (parts.length === 1 && this.ctes.has(parts[0].toLowerCase())) return { sql: quoteIdent(parts[0]), next: i };
    if (parts.some((p) => p.includes('*'))) throw unsupported('Wildcard tables', position);
    // Names, not paths: DuckDB would read a quoted name such as "/tmp/x.csv" as a file.
    if (parts.some((p) => !/^[\p{L}\p{N}_\- :]+$/u.test(p))) throw new SqlError(`Invalid table name: ${text}`, position);
    let ref: [string, string, string];
    if (parts.length === 3) ref = parts as [string, string, string];
    else if (parts.length === 2) ref = [this.ctx.defaultProject, parts[0], parts[1]];
    else if (parts.length === 1 && this.ctx.defaultDataset) ref = [this.ctx.defaultProject, this.ctx.defaultDataset, parts[0]];
    else if (parts.length === 1) throw new SqlError(`Table "${text}" must be qualified with a dataset (e.g. dataset.table).`, position);
    else throw new SqlError(`Invalid table name: ${text}`, position);
    this.tables.push({ project: ref[0], dataset: ref[1], table: ref[2], position });
    return { sql: ref.map(quoteIdent).join('.'), next: i };
  }

  /** UNNEST(arr) [AS] x [WITH OFFSET [AS] o]: BigQuery names the element column x. */
  private unnestInFrom(nodes: Node[], start: number): { sql: string; next: number } {
    const array = this.sequence((nodes[start + 1] as Group).children);
    let i = start + 2;
    if (isWord(nodes[i], 'AS')) i++;
    let alias: string | undefined;
    const aliasNode = nodes[i];
    if ((aliasNode?.kind === 'ident' && !KEYWORDS.has(aliasNode.text.toUpperCase()) && !CLAUSE_END.has(aliasNode.text.toUpperCase())) || aliasNode?.kind === 'quoted') {
      alias = aliasNode.text;
      i++;
    }
    if (isWord(nodes[i], 'WITH') && isWord(nodes[i + 1], 'OFFSET')) {
      i += 2;
      if (isWord(nodes[i], 'AS')) i++;
      const offset = nodes[i]?.kind === 'ident' || nodes[i]?.kind === 'quoted' ? (nodes[i++] as Token).text : 'offset';
      const element = quoteIdent(alias ?? 'unnest');
      return {
        sql: `(SELECT _u.${element} AS ${element}, _u._ordinal - 1 AS ${quoteIdent(offset)} FROM UNNEST(${array}) WITH ORDINALITY AS _u(${element}, _ordinal)) AS ${quoteIdent(`_unnest_${i}`)}`,
        next: i,
      };
    }
    return { sql: alias ? `UNNEST(${array}) AS ${quoteIdent(alias)}(${quoteIdent(alias)})` : `UNNEST(${array})`, next: i };
  }

  private param(n: Token): string {
    if (n.text.startsWith('@')) throw unsupported(`System variables (@@${n.text.slice(1)})`, n);
    if (this.ctx.positional?.length) throw new SqlError('Query cannot use both named and positional parameters', n);
    const value = this.ctx.named?.get(n.text.toLowerCase());
    if (value === undefined) throw new SqlError(`Query parameter '${n.text}' not found`, n);
    return `(${value})`;
  }

  private positional(n: Token): string {
    if (this.ctx.named?.size) throw new SqlError('Query cannot use both named and positional parameters', n);
    const value = this.ctx.positional?.[this.nextPositional++];
    if (value === undefined) throw new SqlError('Query has more positional parameters (?) than were given', n);
    return `(${value})`;
  }
}

/** What a [ ] after it subscripts: a name, a call or a parenthesised expression. */
function isSubscriptTarget(prev: Node | undefined): boolean {
  if (!prev) return false;
  if (prev.kind === 'group') return prev.open.text === '(' || prev.open.text === '[';
  return prev.kind === 'quoted' || prev.kind === 'param' || (prev.kind === 'ident' && !KEYWORDS.has(prev.text.toUpperCase()));
}

/** GoogleSQL float literals are FLOAT64 (DuckDB would read DECIMAL); hex integers become decimal. */
function number(text: string): string {
  if (/^0x/i.test(text)) return BigInt(text).toString();
  return /[.eE]/.test(text) ? `CAST(${text} AS DOUBLE)` : text;
}
