// One JSONL line: parse it fast (JSON.parse), and only when something is wrong ask
// jsonc-parser where exactly (its error offsets, its tree for a JSON path).
import * as l10n from '@vscode/l10n';
import { findNodeAtLocation, parse, parseTree, printParseErrorCode, visit, type JSONPath, type Node, type ParseError } from 'jsonc-parser';
import type { QuickFix, Range, TuningDiagnostic } from './lintTypes';

/** A range on line 0; the linter moves it to the real line. */
export function columns(start: number, end: number): Range {
  return { start: { line: 0, character: start }, end: { line: 0, character: Math.max(end, start) } };
}

export type ParsedLine = { readonly value: unknown } | { readonly diagnostics: TuningDiagnostic[] };

export function parseLine(text: string): ParsedLine {
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    return { diagnostics: syntaxDiagnostics(text, error) };
  }
}

// jsonc-parser's codes, in words a person fixing a data file understands.
const SYNTAX_MESSAGES: Record<string, string> = {
  InvalidSymbol: l10n.t('Invalid JSON: unexpected character.'),
  InvalidNumberFormat: l10n.t('Invalid JSON: malformed number.'),
  PropertyNameExpected: l10n.t('Invalid JSON: expected a property name in double quotes.'),
  ValueExpected: l10n.t('Invalid JSON: expected a value.'),
  ColonExpected: l10n.t('Invalid JSON: expected ":" after the property name.'),
  CommaExpected: l10n.t('Invalid JSON: expected "," between values.'),
  CloseBraceExpected: l10n.t('Invalid JSON: expected "}" to close the object.'),
  CloseBracketExpected: l10n.t('Invalid JSON: expected "]" to close the array.'),
  EndOfFileExpected: l10n.t('Invalid JSON: one JSON value per line; unexpected text after the value.'),
  InvalidCommentToken: l10n.t('Invalid JSON: comments are not allowed in JSONL.'),
  UnexpectedEndOfComment: l10n.t('Invalid JSON: comments are not allowed in JSONL.'),
  UnexpectedEndOfString: l10n.t('Invalid JSON: unterminated string.'),
  UnexpectedEndOfNumber: l10n.t('Invalid JSON: malformed number.'),
  InvalidUnicode: l10n.t('Invalid JSON: malformed \\u escape.'),
  InvalidEscapeCharacter: l10n.t('Invalid JSON: invalid escape character in string.'),
  InvalidCharacter: l10n.t('Invalid JSON: control character in string (escape it, e.g. \\n).'),
};

function syntaxDiagnostics(text: string, error: unknown): TuningDiagnostic[] {
  const errors: ParseError[] = [];
  parse(text, errors, { disallowComments: true, allowTrailingComma: true, allowEmptyContent: false });
  if (errors.length === 0) {
    const commas = trailingCommas(text);
    if (commas.length > 0) {
      const fix: QuickFix = {
        title: commas.length === 1 ? l10n.t('Remove the trailing comma') : l10n.t('Remove the trailing commas'),
        edits: commas.map((offset) => ({ range: columns(offset, offset + 1), newText: '' })),
      };
      return commas.map((offset) => ({
        range: columns(offset, offset + 1),
        severity: 'error',
        code: 'trailing-comma',
        message: l10n.t('Invalid JSON: trailing comma.'),
        fixes: [fix],
      }));
    }
    // jsonc-parser accepted what JSON.parse refused: report JSON.parse's words on the whole line.
    const detail = error instanceof Error ? error.message : String(error);
    return [{ range: columns(0, text.length), severity: 'error', code: 'invalid-json', message: l10n.t('Invalid JSON: {0}', detail) }];
  }
  const first = errors[0];
  const code = printParseErrorCode(first.error);
  const inner = insideString(text.slice(first.offset, first.offset + first.length), code);
  // An error at the end of the line has no width: mark the last character so it shows.
  const start = inner ? first.offset + inner.index : Math.min(first.offset, Math.max(0, text.length - 1));
  const end = inner ? start + inner[0].length : Math.max(start + 1, Math.min(text.length, first.offset + first.length));
  return [{ range: columns(start, end), severity: 'error', code: 'invalid-json', message: SYNTAX_MESSAGES[code] ?? l10n.t('Invalid JSON ({0}).', code) }];
}

// jsonc-parser marks the whole string for these; point at the character at fault.
const STRING_FAULTS: Record<string, RegExp> = {
  // eslint-disable-next-line no-control-regex -- control characters are what it looks for
  InvalidCharacter: /[\u0000-\u001f]/,
  InvalidEscapeCharacter: /\\[^"\\/bfnrtu]/,
  InvalidUnicode: /\\u(?![0-9a-fA-F]{4})[0-9a-fA-F]{0,3}/,
};

function insideString(token: string, code: string): RegExpExecArray | null {
  return STRING_FAULTS[code]?.exec(token) ?? null;
}

/** Offsets of commas directly before a closing brace or bracket. */
function trailingCommas(text: string): number[] {
  const found: number[] = [];
  let lastComma = -1;
  const close = () => {
    if (lastComma >= 0) found.push(lastComma);
    lastComma = -1;
  };
  const other = () => {
    lastComma = -1;
  };
  visit(
    text,
    {
      onSeparator: (sep, offset) => {
        lastComma = sep === ',' ? offset : -1;
      },
      onObjectEnd: close,
      onArrayEnd: close,
      onObjectBegin: other,
      onArrayBegin: other,
      onObjectProperty: other,
      onLiteralValue: other,
    },
    { allowTrailingComma: true, disallowComments: true },
  );
  return found;
}

/** Locates JSON paths in one line's text; builds the tree only when first asked. */
export class LineLocator {
  private tree: Node | undefined;

  constructor(private readonly text: string) {}

  private root(): Node | undefined {
    return (this.tree ??= parseTree(this.text));
  }

  /** The range of the value at path (the whole line for []). */
  value(path: JSONPath): Range {
    const node = path.length === 0 ? this.root() : findNodeAtLocation(this.root()!, path);
    return node ? columns(node.offset, node.offset + node.length) : columns(0, this.text.length);
  }

  /** The range of the key of the property at path. */
  key(path: JSONPath): Range {
    const node = findNodeAtLocation(this.root()!, path);
    const key = node?.parent?.type === 'property' ? node.parent.children?.[0] : undefined;
    return key ? columns(key.offset, key.offset + key.length) : this.value(path);
  }
}
