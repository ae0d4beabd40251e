// The Gemini supervised-tuning example, as Google documents it
// (cloud.google.com/vertex-ai/generative-ai/docs/models/gemini-supervised-tuning-prepare):
//   {"systemInstruction"?: {"role"?: string, "parts": [{"text"}]},
//    "contents": [{"role": "user"|"model", "parts": [{"text"} | {"inlineData"} | {"fileData"}]}, …]}
// Turns alternate, starting with "user" and ending with the "model" answer to learn.
import * as l10n from '@vscode/l10n';
import type { JSONPath } from 'jsonc-parser';
import { columns, type LineLocator } from './jsonLine';
import { isObject, ROLE_ALIASES, type JsonObject } from './exampleFormat';
import type { QuickFix, RuleCode, Severity, TuningDiagnostic } from './lintTypes';

const TOP_KEYS = new Set(['contents', 'systemInstruction', 'tools']);
const CONTENT_KEYS = new Set(['role', 'parts']);
/** A Part's data is a union: exactly one of these (function calls for tool-use tuning). */
const DATA_KEYS = ['text', 'inlineData', 'fileData', 'functionCall', 'functionResponse'];
const BASE64 = /^[A-Za-z0-9+/\-_]*={0,2}$/;

/** `contents[1].parts[0]` for a path. */
function label(path: JSONPath): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

export function checkGemini(value: JsonObject, text: string, at: LineLocator): TuningDiagnostic[] {
  const out: TuningDiagnostic[] = [];
  const report = (code: RuleCode, severity: Severity, range: TuningDiagnostic['range'], message: string, fixes?: QuickFix[]) =>
    out.push(fixes ? { range, severity, code, message, fixes } : { range, severity, code, message });
  const unknownKeys = (obj: JsonObject, path: JSONPath, known: Set<string>, name?: string) => {
    for (const key of Object.keys(obj)) {
      if (known.has(key)) continue;
      const names = [...known].map((k) => `"${k}"`).join(', ');
      report('unknown-key', 'warning', at.key([...path, key]), l10n.t('Unknown key "{0}" in {1}: expected {2}.', key, name ?? label(path), names));
    }
  };

  unknownKeys(value, [], TOP_KEYS, l10n.t('the example'));
  if ('systemInstruction' in value) checkSystemInstruction(value.systemInstruction);

  const contents = value.contents;
  if (!Array.isArray(contents)) {
    report('schema', 'error', at.value(['contents']), l10n.t('"contents" must be an array of turns: [{"role": "user", "parts": […]}, …].'));
    return out;
  }
  if (contents.length === 0) {
    report('schema', 'error', at.value(['contents']), l10n.t('"contents" is empty: an example needs a "user" turn and a "model" turn.'));
    return out;
  }
  const roles: ('user' | 'model' | undefined)[] = contents.map((content, i) => checkContent(content, i));
  if (roles.every((r) => r !== undefined)) checkOrder(roles as ('user' | 'model')[]);
  return out;

  function checkContent(content: unknown, i: number): 'user' | 'model' | undefined {
    const path: JSONPath = ['contents', i];
    if (!isObject(content)) {
      report('schema', 'error', at.value(path), l10n.t('{0} must be an object {"role", "parts"}.', label(path)));
      return undefined;
    }
    unknownKeys(content, path, CONTENT_KEYS);
    checkParts(content.parts, [...path, 'parts'], false);
    return checkRole(content.role, path);
  }

  function checkRole(role: unknown, path: JSONPath): 'user' | 'model' | undefined {
    const rolePath = [...path, 'role'];
    if (role === undefined) {
      report('role', 'error', at.value(path), l10n.t('{0} has no "role": use "user" or "model".', label(path)));
      return undefined;
    }
    if (role === 'user' || role === 'model') return role;
    const range = at.value(rolePath);
    const name = typeof role === 'string' ? role.trim().toLowerCase() : undefined;
    const alias = name === undefined ? undefined : ROLE_ALIASES[name];
    if (alias) {
      const fix = { title: l10n.t('Change the role to "{0}"', alias), edits: [{ range, newText: `"${alias}"` }] };
      report('role', 'error', range, l10n.t('Role {0} is not a Gemini role: use "{1}".', JSON.stringify(role), alias), [fix]);
      return alias;
    }
    if (name === 'system') {
      const fix = path[1] === 0 ? moveToSystemInstruction() : undefined;
      report(
        'role',
        'error',
        range,
        l10n.t('Role "system" is not a turn in Gemini tuning: put system text in "systemInstruction".'),
        fix ? [fix] : undefined,
      );
      return undefined;
    }
    report('role', 'error', range, l10n.t('Role {0} is not valid: use "user" or "model".', JSON.stringify(role)));
    return undefined;
  }

  /** contents[0] with role "system" becomes systemInstruction, when there is none yet. */
  function moveToSystemInstruction(): QuickFix | undefined {
    const contents = value.contents as JsonObject[];
    if ('systemInstruction' in value || contents.length < 2 || !Array.isArray(contents[0].parts)) return undefined;
    const { contents: _, ...rest } = value;
    const moved = { systemInstruction: { parts: contents[0].parts }, ...rest, contents: contents.slice(1) };
    return { title: l10n.t('Move the "system" turn to "systemInstruction"'), edits: [{ range: columns(0, text.length), newText: JSON.stringify(moved) }] };
  }

  function checkOrder(roles: ('user' | 'model')[]): void {
    const role = (i: number) => at.value(['contents', i, 'role']);
    if (roles[0] !== 'user') {
      report('turn-order', 'error', role(0), l10n.t('The conversation starts with a "model" turn: the first turn must be "user".'));
    }
    for (let i = 1; i < roles.length; i++) {
      if (roles[i] === roles[i - 1]) {
        report(
          'turn-order',
          'error',
          role(i),
          l10n.t('Two "{0}" turns in a row (contents[{1}] and contents[{2}]): turns alternate between "user" and "model".', roles[i], i - 1, i),
        );
      }
    }
    const last = roles.length - 1;
    if (roles[last] !== 'model') {
      report('turn-order', 'error', role(last), l10n.t('The example ends with a "user" turn: the last turn must be the "model" answer to learn.'));
    }
  }

  function checkSystemInstruction(system: unknown): void {
    const path: JSONPath = ['systemInstruction'];
    if (!isObject(system)) {
      report('schema', 'error', at.value(path), l10n.t('"systemInstruction" must be an object {"parts": [{"text": "…"}]}.'));
      return;
    }
    unknownKeys(system, path, CONTENT_KEYS, '"systemInstruction"');
    checkParts(system.parts, [...path, 'parts'], true);
  }

  function checkParts(parts: unknown, path: JSONPath, textOnly: boolean): void {
    if (parts === undefined) {
      report('part', 'error', at.value(path.slice(0, -1)), l10n.t('{0} has no "parts": add [{"text": "…"}].', label(path.slice(0, -1))));
      return;
    }
    if (!Array.isArray(parts) || parts.length === 0) {
      report('part', 'error', at.value(path), l10n.t('{0} must be a non-empty array of parts such as {"text": "…"}.', label(path)));
      return;
    }
    parts.forEach((part, j) => checkPart(part, [...path, j], textOnly));
  }

  function checkPart(part: unknown, path: JSONPath, textOnly: boolean): void {
    if (!isObject(part)) {
      report('part', 'error', at.value(path), l10n.t('{0} must be an object such as {"text": "…"}.', label(path)));
      return;
    }
    const keys = Object.keys(part);
    const data = keys.filter((k) => DATA_KEYS.includes(k));
    for (const key of keys.filter((k) => !DATA_KEYS.includes(k))) {
      report('unknown-key', 'warning', at.key([...path, key]), l10n.t('Unknown key "{0}" in {1}: a part holds "text", "inlineData" or "fileData".', key, label(path)));
    }
    if (textOnly && data.some((k) => k !== 'text')) {
      report('part', 'error', at.key([...path, data.find((k) => k !== 'text')!]), l10n.t('{0}: "systemInstruction" parts hold text only.', label(path)));
      return;
    }
    if (data.length === 0) {
      report('part', 'error', at.value(path), l10n.t('{0} needs one of "text", "inlineData" or "fileData".', label(path)));
      return;
    }
    if (data.length > 1) {
      report(
        'part',
        'error',
        at.key([...path, data[1]]),
        l10n.t('{0} has both "{1}" and "{2}": a part holds exactly one of "text", "inlineData", "fileData"; split it into two parts.', label(path), data[0], data[1]),
      );
      return;
    }
    const [kind] = data;
    const valuePath = [...path, kind];
    const field = part[kind];
    if (kind === 'text') {
      if (typeof field !== 'string') report('schema', 'error', at.value(valuePath), l10n.t('{0} must be a string.', label(valuePath)));
      else if (field.trim() === '') report('empty-text', 'error', at.value(valuePath), l10n.t('Empty text in {0}: write the turn\'s text or remove the part.', label(path)));
    } else if (kind === 'inlineData') {
      checkMedia(field, valuePath, 'data', (data) => BASE64.test(data) || l10n.t('must be base64-encoded bytes'));
    } else if (kind === 'fileData') {
      checkMedia(field, valuePath, 'fileUri', (uri) => /^gs:\/\/[^/]+\/.+/.test(uri) || l10n.t('must be a Cloud Storage URI (gs://bucket/object)'));
    }
  }

  function checkMedia(field: unknown, path: JSONPath, key: 'data' | 'fileUri', valid: (s: string) => true | string): void {
    const name = label(path);
    if (!isObject(field)) {
      report('part', 'error', at.value(path), l10n.t('{0} must be an object {1}.', name, `{"mimeType", "${key}"}`));
      return;
    }
    for (const k of ['mimeType', key]) {
      const v = field[k];
      if (typeof v !== 'string' || v === '') {
        report('part', 'error', k in field ? at.value([...path, k]) : at.value(path), l10n.t('{0} needs a non-empty "{1}" string.', name, k));
        return;
      }
    }
    const verdict = valid(field[key] as string);
    if (verdict !== true) report('part', 'error', at.value([...path, key]), `${name}.${key} ${verdict}.`);
  }
}
