// Gemini supervised-tuning data: one JSON object per line,
//   {"systemInstruction"?: {parts:[{text}]}, "contents": [{"role":"user","parts":[{"text":…}]},
//                                                         {"role":"model","parts":[{"text":…}]}, …]}
// Validation names the file and line of each problem, as Vertex's dataset validation does,
// and the statistics are what TuningJob.tuningDataStats reports, computed from the data.
import type { Conversation, Turn } from './chatFormat';
import { countTokens } from './tokenizer';

export const MIN_TUNING_EXAMPLES = 10;
/** Examples per tuning step (Vertex does not publish Gemini's batch size; 32 matches its step counts). */
const BATCH_SIZE = 32;
const MAX_REPORTED_PROBLEMS = 5;

export class TuningDataError extends Error {}

/** The conversations of a JSONL file; throws TuningDataError naming the lines at fault. */
export function parseTuningJsonl(text: string, uri: string, minExamples = MIN_TUNING_EXAMPLES): Conversation[] {
  const problems: string[] = [];
  const examples: Conversation[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    const result = parseLine(line);
    if (typeof result === 'string') problems.push(`line ${i + 1}: ${result}`);
    else examples.push(result);
  });
  if (problems.length) {
    const more = problems.length > MAX_REPORTED_PROBLEMS ? ` (and ${problems.length - MAX_REPORTED_PROBLEMS} more)` : '';
    throw new TuningDataError(`Dataset validation failed: ${uri} ${problems.slice(0, MAX_REPORTED_PROBLEMS).join('; ')}${more}.`);
  }
  if (examples.length < minExamples) {
    throw new TuningDataError(`Dataset validation failed: ${uri} has ${examples.length} example(s); supervised tuning needs at least ${minExamples}.`);
  }
  return examples;
}

function parseLine(line: string): Conversation | string {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (err) {
    return `not valid JSON (${err instanceof Error ? err.message : String(err)})`;
  }
  if (!isObject(value)) return 'each line must be a JSON object';
  if (!Array.isArray(value.contents) || !value.contents.length) return '"contents" is required';
  const turns: Turn[] = [];
  for (const [j, content] of value.contents.entries()) {
    if (!isObject(content)) return `contents[${j}] must be an object`;
    const role = content.role;
    if (role !== 'user' && role !== 'model') return `contents[${j}].role must be "user" or "model", got ${JSON.stringify(role)}`;
    const text = partsText(content.parts);
    if (text === undefined) return `contents[${j}] needs "parts" with at least one text part`;
    const expected = j % 2 === 0 ? 'user' : 'model';
    if (role !== expected) return expected === 'model' ? 'a "model" turn must follow a "user" turn' : 'a "user" turn must follow a "model" turn';
    turns.push({ role, text });
  }
  if (turns[turns.length - 1].role !== 'model') return 'the last turn must be a "model" turn';
  let system: string | undefined;
  if (value.systemInstruction !== undefined) {
    system = isObject(value.systemInstruction) ? partsText(value.systemInstruction.parts) : undefined;
    if (system === undefined) return '"systemInstruction" needs "parts" with at least one text part';
  }
  return { system, turns };
}

function partsText(parts: unknown): string | undefined {
  if (!Array.isArray(parts)) return undefined;
  const texts = parts.filter((p): p is { text: string } => isObject(p) && typeof p.text === 'string').map((p) => p.text);
  return texts.length ? texts.join('') : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** TuningJob.tuningDataStats.supervisedTuningDataStats for a dataset and epoch count. */
export function supervisedTuningDataStats(examples: readonly Conversation[], epochs: number): Record<string, unknown> {
  const input = examples.map((e) => countTokens(e.system ?? '') + sumTokens(e.turns.filter((t) => t.role === 'user')));
  const output = examples.map((e) => sumTokens(e.turns.filter((t) => t.role === 'model')));
  const messages = examples.map((e) => e.turns.length);
  const characters = examples.reduce((n, e) => n + (e.system ?? '').length + e.turns.reduce((m, t) => m + t.text.length, 0), 0);
  const billable = input.reduce((a, b) => a + b, 0) + output.reduce((a, b) => a + b, 0);
  return {
    tuningDatasetExampleCount: String(examples.length),
    totalTuningCharacterCount: String(characters),
    totalBillableTokenCount: String(billable),
    tuningStepCount: String(Math.ceil((examples.length * epochs) / BATCH_SIZE)),
    userInputTokenDistribution: distribution(input),
    userOutputTokenDistribution: distribution(output),
    userMessagePerExampleDistribution: distribution(messages),
  };
}

function sumTokens(turns: readonly Turn[]): number {
  return turns.reduce((n, t) => n + countTokens(t.text), 0);
}

function distribution(values: readonly number[]): Record<string, unknown> {
  const sorted = [...values].sort((a, b) => a - b);
  const sum = sorted.reduce((a, b) => a + b, 0);
  const quantile = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
  const min = sorted[0];
  const max = sorted[sorted.length - 1];
  const bucketCount = Math.min(5, new Set(sorted).size);
  const width = (max - min) / bucketCount || 1;
  const buckets = Array.from({ length: bucketCount }, (_, i) => ({ count: 0, left: min + i * width, right: min + (i + 1) * width }));
  for (const v of sorted) buckets[Math.min(bucketCount - 1, Math.floor((v - min) / width))].count++;
  return {
    sum: String(sum),
    billableSum: String(sum),
    min,
    max,
    mean: sum / sorted.length,
    median: sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2,
    p5: quantile(0.05),
    p95: quantile(0.95),
    buckets,
  };
}
