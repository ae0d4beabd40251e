// The one place a value becomes source text: POSIX shell words, Python and
// TypeScript/JSON string literals, here-documents. Every copied command and code
// snippet goes through it, so a name containing `$(…)`, a quote, a newline or `;` stays
// one piece of data (test/unit/quoting/generators.test.ts runs the output through real
// bash and python3 to prove it). Pure.

// Characters that are never special to a POSIX shell, even at the start of a word
// (as Python's shlex.quote); anything else is single-quoted.
const SHELL_SAFE = /^[\w@%+=:,./-]+$/;

/** One shell word: as is when plainly safe, else in single quotes (a `'` inside becomes `'\''`). */
export function shellQuote(value: string): string {
  return SHELL_SAFE.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/** `--name=value` as one shell word; the name is ours, the value is quoted. */
export function shellFlag(name: string, value: string | number): string {
  return `--${name}=${shellQuote(String(value))}`;
}

/**
 * A here-document with a quoted delimiter (so nothing in the text expands) that no
 * line of the text equals, so the text cannot end it early: `<<'EOF'\ntext\nEOF`.
 */
export function shellHeredoc(text: string): string {
  const lines = new Set(text.split(/\r?\n/));
  let delimiter = 'EOF';
  for (let i = 1; lines.has(delimiter); i++) delimiter = `EOF_${i}`;
  return `<<'${delimiter}'\n${text}\n${delimiter}`;
}

/**
 * A Python str literal. JSON's escapes (\" \\ \n \t \uXXXX …) are all Python escapes
 * with the same meaning, and JSON escapes every control character, so the JSON text
 * of a string is a Python literal of the same value.
 */
export function pythonString(value: string): string {
  return JSON.stringify(value);
}

/** A TypeScript/JavaScript string literal (JSON strings are valid ones since ES2019). */
export function jsString(value: string): string {
  return JSON.stringify(value);
}

/** A JSON value as a Python literal (dict, list, str, int/float, True/False/None), indented like JSON.stringify(v, null, 2). */
export function pythonLiteral(value: unknown, indent = ''): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`${value} has no JSON form.`);
    return String(value);
  }
  if (typeof value === 'string') return pythonString(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    return value.length ? `[\n${value.map((v) => `${inner}${pythonLiteral(v, inner)}`).join(',\n')}\n${indent}]` : '[]';
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  return entries.length ? `{\n${entries.map(([k, v]) => `${inner}${pythonString(k)}: ${pythonLiteral(v, inner)}`).join(',\n')}\n${indent}}` : '{}';
}
