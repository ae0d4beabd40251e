// Prompt files: `*.prompt.md` (YAML front matter, then the prompt) and `*.prompt.yaml`
// (the same keys, with the prompt under `prompt:`). Front matter names the target, the
// targets to compare, the system instruction, the parameters and variable values;
// `{{name}}` in the prompt is filled from them or asked for. No vscode.
import * as l10n from '@vscode/l10n';
import { parse } from 'yaml';
import type { GenerationParams } from '../../vertex/promptTypes';

export interface PromptFile {
  readonly target?: string;
  readonly compare: string[];
  readonly system?: string;
  readonly params: GenerationParams;
  readonly variables: Record<string, string>;
  readonly prompt: string;
  /** Problems a person must fix before running, each one sentence. */
  readonly errors: string[];
}

const PARAM_KEYS = ['temperature', 'topP', 'topK', 'maxOutputTokens', 'seed', 'candidateCount'] as const;
const VARIABLE = /\{\{\s*([A-Za-z_][\w.-]*)\s*\}\}/g;

export function isPromptFile(path: string): boolean {
  return /\.prompt\.(md|ya?ml)$/i.test(path);
}

export function parsePromptFile(text: string, path: string): PromptFile {
  const errors: string[] = [];
  let meta: Record<string, unknown> = {};
  let prompt = '';
  try {
    if (/\.ya?ml$/i.test(path)) {
      meta = asObject(parse(text)) ?? {};
      prompt = typeof meta.prompt === 'string' ? meta.prompt : '';
      if (!prompt) errors.push(l10n.t('The file has no `prompt:` text.'));
    } else {
      const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
      if (match) meta = asObject(parse(match[1])) ?? {};
      prompt = match ? text.slice(match[0].length) : text;
    }
  } catch (error) {
    errors.push(l10n.t('The front matter is not valid YAML: {0}', (error as Error).message.split('\n')[0]));
  }
  const params: Record<string, unknown> = {};
  const rawParams = asObject(meta.parameters) ?? {};
  for (const [key, value] of Object.entries(rawParams)) {
    if ((PARAM_KEYS as readonly string[]).includes(key)) {
      if (typeof value !== 'number') errors.push(l10n.t('parameters.{0} must be a number.', key));
      else params[key] = value;
    } else if (key === 'stopSequences') {
      if (!Array.isArray(value) || !value.every((s) => typeof s === 'string')) errors.push('parameters.stopSequences must be a list of strings.');
      else params.stopSequences = value;
    } else errors.push(l10n.t('Unknown parameter "{0}": use {1}.', key, [...PARAM_KEYS, 'stopSequences'].join(', ')));
  }
  const variables: Record<string, string> = {};
  for (const [key, value] of Object.entries(asObject(meta.variables) ?? {})) variables[key] = String(value);
  const compare = Array.isArray(meta.compare) ? meta.compare.map(String) : [];
  if (compare.length > 4) errors.push(l10n.t('Compare takes 2 to 4 targets; there are {0}.', compare.length));
  return {
    target: typeof meta.target === 'string' && meta.target.trim() ? meta.target.trim() : undefined,
    compare,
    system: typeof meta.system === 'string' ? meta.system : undefined,
    params: params as GenerationParams,
    variables,
    prompt: prompt.trim(),
    errors,
  };
}

/** Names of `{{variables}}` in a prompt, in order of first use. */
export function variablesIn(prompt: string): string[] {
  return [...new Set([...prompt.matchAll(VARIABLE)].map((m) => m[1]))];
}

export function fillVariables(prompt: string, values: Readonly<Record<string, string>>): string {
  return prompt.replace(VARIABLE, (whole, name: string) => values[name] ?? whole);
}

function asObject(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
