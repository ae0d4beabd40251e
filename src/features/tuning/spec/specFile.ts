// Spec files (*.tuning.yaml / *.tuning.json): a launch saved to the workspace and run
// again later. YAML's parser reads both (JSON is YAML), and keeps positions, so every
// problem names its line and column. Defaults are filled in before the value checks.
import * as l10n from '@vscode/l10n';
import { isAbsolute, resolve } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, stringify, type Document, type Node } from 'yaml';
import { customProblems } from '../launch/customRequest';
import { geminiProblems, isLocal } from '../launch/geminiRequest';
import { hptProblems } from '../launch/hptRequest';
import type { Launch, LaunchKind, LaunchProblem } from '../launch/launchTypes';
import { SPEC_SCHEMAS, type FieldType, type ObjectSchema } from './specSchema';

export interface SpecProblem {
  readonly line: number;
  readonly column: number;
  readonly path: string;
  readonly message: string;
}

export type SpecResult = { readonly launch: Launch; readonly problems: readonly [] } | { readonly launch?: undefined; readonly problems: readonly SpecProblem[] };

const KINDS = Object.keys(SPEC_SCHEMAS) as LaunchKind[];

/** "file:line:column: path: message", the way compilers and CI logs say it. */
export function formatSpecProblem(file: string, p: SpecProblem): string {
  return `${file}:${p.line}:${p.column}: ${p.path ? `${p.path}: ` : ''}${p.message}`;
}

/** Reads and checks a spec; local data paths are resolved against `baseDir`. */
export function readSpec(text: string, baseDir: string): SpecResult {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number | undefined, path: string, message: string): SpecProblem => {
    const { line, col } = lines.linePos(offset ?? 0);
    return { line, column: col, path, message };
  };
  if (doc.errors.length) return { problems: doc.errors.map((e) => at(e.pos[0], '', e.message.split('\n')[0])) };
  const value = doc.toJS() as unknown;
  if (!isObject(value)) return { problems: [at(0, '', l10n.t('A spec file holds one object with a `kind:` field.'))] };
  const kind = value.kind as LaunchKind;
  if (!KINDS.includes(kind)) return { problems: [at(nodeAt(doc, ['kind'])?.range?.[0], 'kind', l10n.t('kind must be one of {0}.', KINDS.join(', ')))] };
  const shape = shapeProblems(value, SPEC_SCHEMAS[kind], '');
  const position = (path: string) => positionOf(doc, path);
  if (shape.length) return { problems: shape.map((p) => at(position(p.path), p.path, p.message)) };
  const launch = withDefaults(value as unknown as Launch, baseDir);
  const problems = launchProblems(launch);
  if (problems.length) return { problems: problems.map((p) => at(position(p.path), p.path, p.message)) };
  return { launch, problems: [] };
}

export function launchProblems(launch: Launch): LaunchProblem[] {
  if (launch.kind === 'geminiTuning') return geminiProblems(launch);
  if (launch.kind === 'customTuning') return customProblems(launch);
  return hptProblems(launch);
}

/** YAML (default) or JSON text of a launch; local paths are written relative to `baseDir`. */
export function writeSpec(launch: Launch, format: 'yaml' | 'json', baseDir: string): string {
  const data = relativePaths(launch, baseDir);
  if (format === 'json') return `${JSON.stringify(data, null, 2)}\n`;
  return `# Vertex GenAI Ops tuning spec: run it with "Run Tuning Spec" (reviewed before anything is sent).\n${stringify(data)}`;
}

function withDefaults(launch: Launch, baseDir: string): Launch {
  const labels = launch.labels ?? {};
  if (launch.kind === 'geminiTuning') {
    const local = (p: string | undefined) => (isLocal(p) && !isAbsolute(p) ? resolve(baseDir, p) : p);
    return { ...launch, labels, training: local(launch.training)!, ...(launch.validation ? { validation: local(launch.validation) } : {}) };
  }
  const base = { ...launch, labels, workerCount: launch.workerCount ?? 0, spot: launch.spot ?? false };
  if (launch.kind === 'hyperparameterTuning') {
    // Swept arguments are set per trial; the placeholders only keep the shape complete.
    return { ...base, kind: 'hyperparameterTuning', args: { ...launch.args, loraRank: launch.args.loraRank ?? 0, learningRate: launch.args.learningRate ?? 0 }, study: { ...launch.study, algorithm: launch.study.algorithm ?? 'ALGORITHM_UNSPECIFIED' } };
  }
  return base as Launch;
}

function relativePaths(launch: Launch, baseDir: string): Launch {
  if (launch.kind !== 'geminiTuning') return launch;
  const rel = (p: string | undefined) => (isLocal(p) && p.startsWith(`${baseDir}/`) ? p.slice(baseDir.length + 1) : p);
  const out = { ...launch, training: rel(launch.training)!, validation: rel(launch.validation) };
  if (out.validation === undefined) delete (out as { validation?: string }).validation;
  return out;
}

function shapeProblems(value: Record<string, unknown>, schema: ObjectSchema, prefix: string): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  for (const key of Object.keys(value)) {
    if (!(key in schema)) problems.push({ path: prefix + key, message: l10n.t('Unknown field; expected one of {0}.', Object.keys(schema).join(', ')) });
  }
  for (const [key, spec] of Object.entries(schema)) {
    const path = prefix + key;
    const v = value[key];
    if (v === undefined || v === null) {
      if (!spec.optional) problems.push({ path, message: l10n.t('Required field is missing.') });
      continue;
    }
    if (typeof spec.type === 'object') {
      if (!isObject(v)) problems.push({ path, message: l10n.t('Expected an object.') });
      else problems.push(...shapeProblems(v, spec.type, `${path}.`));
      continue;
    }
    const problem = typeProblem(v, spec.type);
    if (problem) problems.push({ path, message: problem });
  }
  return problems;
}

function typeProblem(v: unknown, type: Exclude<FieldType, ObjectSchema>): string | undefined {
  switch (type) {
    case 'string': return typeof v === 'string' ? undefined : l10n.t('Expected text, got {0}.', JSON.stringify(v));
    case 'number': return typeof v === 'number' && Number.isFinite(v) ? undefined : l10n.t('Expected a number, got {0}.', JSON.stringify(v));
    case 'boolean': return typeof v === 'boolean' ? undefined : l10n.t('Expected true or false, got {0}.', JSON.stringify(v));
    case 'string[]': return Array.isArray(v) && v.every((x) => typeof x === 'string') ? undefined : l10n.t('Expected a list of text values.');
    case 'number[]': return Array.isArray(v) && v.every((x) => typeof x === 'number') ? undefined : l10n.t('Expected a list of numbers.');
    case 'labels': return isObject(v) && Object.values(v).every((x) => typeof x === 'string') ? undefined : l10n.t('Expected key: value pairs of text.');
  }
}

/** The offset of the node a problem's path names, or of its nearest existing parent. */
function positionOf(doc: Document, path: string): number | undefined {
  const keys = path.split('.');
  for (let n = keys.length; n > 0; n--) {
    const node = nodeAt(doc, keys.slice(0, n));
    if (node?.range) return node.range[0];
    // A missing field: point at the key of its parent pair when there is one.
  }
  return (doc.contents as Node | null)?.range?.[0];
}

function nodeAt(doc: Document, keys: string[]): Node | undefined {
  const node = doc.getIn(keys, true) as Node | undefined;
  if (node && (isScalar(node) || isMap(node) || isSeq(node))) return node;
  return undefined;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
