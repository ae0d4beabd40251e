// google.api.http path templates ("/v1/{parent=projects/*/locations/*}/endpoints",
// "/v1/{name=projects/*/locations/*/endpoints/*}:predict") compiled to matchers that
// capture each variable. Grammar: https://google.aip.dev/127 and google/api/http.proto.
import { camelCase } from './protoSchema';

export interface PathTemplate {
  source: string;
  /** Matches the path without its ":verb" suffix. */
  regex: RegExp;
  verb?: string;
  /** Request field paths bound by the template, camelCase ("endpoint.name"). */
  variables: string[];
  /** Each variable's segment pattern, as written after "=" in the template; "*" when none is given. */
  patterns: string[];
  /** Literal segments: more literals = more specific, tried first. */
  literalCount: number;
  hasDoubleWildcard: boolean;
}

const VARIABLE = /\{([^}=]+)(?:=([^}]*))?\}/g;

export function compileTemplate(template: string): PathTemplate {
  const { path, verb } = splitTemplateVerb(template);
  const variables: string[] = [];
  const patterns: string[] = [];
  let source = '^';
  let last = 0;
  let literalCount = 0;
  const segments = (text: string): string =>
    text
      .split('/')
      .map((segment) => {
        if (segment === '**') return '.+';
        if (segment === '*') return '[^/]+';
        if (segment !== '') literalCount++;
        return escapeRegExp(segment);
      })
      .join('/');
  for (const match of path.matchAll(VARIABLE)) {
    source += segments(path.slice(last, match.index));
    source += `(${segments(match[2] ?? '*')})`;
    variables.push(match[1].split('.').map(camelCase).join('.'));
    patterns.push(match[2] ?? '*');
    last = match.index + match[0].length;
  }
  source += `${segments(path.slice(last))}$`;
  return {
    source: template,
    regex: new RegExp(source),
    verb,
    variables,
    patterns,
    literalCount,
    hasDoubleWildcard: template.includes('**'),
  };
}

/**
 * Matches a raw (still percent-encoded) request path. Matching before decoding keeps an
 * encoded "/" inside a value from splitting segments. Returns the decoded variables.
 */
export function matchTemplate(template: PathTemplate, rawPath: string): Record<string, string> | undefined {
  const { path, verb } = splitRequestVerb(rawPath);
  if (verb !== template.verb) return undefined;
  const match = template.regex.exec(path);
  if (!match) return undefined;
  const values: Record<string, string> = {};
  try {
    template.variables.forEach((name, i) => {
      values[name] = decodeURIComponent(match[i + 1]);
    });
  } catch {
    return undefined; // malformed percent-encoding: no route
  }
  return values;
}

/** Orders templates so the most specific is tried first. */
export function compareSpecificity(a: PathTemplate, b: PathTemplate): number {
  if (a.hasDoubleWildcard !== b.hasDoubleWildcard) return a.hasDoubleWildcard ? 1 : -1;
  return b.literalCount - a.literalCount;
}

function splitTemplateVerb(template: string): { path: string; verb?: string } {
  const colon = template.lastIndexOf(':');
  if (colon > template.lastIndexOf('}') && colon > template.lastIndexOf('/')) {
    return { path: template.slice(0, colon), verb: template.slice(colon + 1) };
  }
  return { path: template };
}

/** The custom verb is what follows the first ':' of the last segment (ids never hold ':'). */
export function splitRequestVerb(path: string): { path: string; verb?: string } {
  const slash = path.lastIndexOf('/');
  const colon = path.indexOf(':', slash + 1);
  return colon < 0 ? { path } : { path: path.slice(0, colon), verb: path.slice(colon + 1) };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
