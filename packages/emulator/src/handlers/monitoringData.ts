// Samples that monitoring jobs compare, until request logs can be read for real: a
// deterministic generator per dataset. Each feature has one underlying distribution
// (fixed by its name), so a baseline and an unshifted target agree up to sampling
// noise; a dataset location carrying a Hive-style "shift=" segment is drawn from
// shifted distributions: "shift=0.5" shifts every feature, "shift=tenure:0.8,plan:0.4"
// only the named ones (0 = none, 1 = far).
import type { JsonObject } from '../wireCodec';
import { SeededRandom, unit } from './customJobsRandom';

export interface FieldSchema {
  name: string;
  /** float, integer, boolean, string or categorical (ModelMonitoringSchema.FieldSchema.data_type). */
  dataType: string;
}

/** Column per field. */
export type Sample = Record<string, (number | string)[]>;

export const SAMPLE_ROWS = 1000;

const VOCABULARIES: [RegExp, string[]][] = [
  [/plan|tier|subscription/i, ['basic', 'standard', 'premium', 'enterprise']],
  [/channel|device|platform/i, ['web', 'ios', 'android', 'partner']],
  [/region|country|market/i, ['na', 'emea', 'apac', 'latam']],
  [/payment/i, ['card', 'invoice', 'paypal', 'bank_transfer']],
];

export function isCategorical(field: FieldSchema): boolean {
  return ['string', 'categorical', 'boolean'].includes(field.dataType.toLowerCase());
}

/** The text that identifies a ModelMonitoringInput's data (URI, table, query, endpoints). */
export function datasetLocation(input: JsonObject | undefined): string {
  const columnized = input?.columnizedDataset as JsonObject | undefined;
  const gcs = columnized?.gcsSource as JsonObject | undefined;
  const bigquery = columnized?.bigquerySource as JsonObject | undefined;
  const logs = input?.vertexEndpointLogs as JsonObject | undefined;
  const batch = input?.batchPredictionOutput as JsonObject | undefined;
  const found = columnized?.vertexDataset ?? gcs?.gcsUri ?? bigquery?.tableUri ?? bigquery?.query ?? batch?.batchPredictionJob ?? (logs?.endpoints as string[] | undefined)?.join(',');
  return typeof found === 'string' ? found : '';
}

/** Shift per feature read from "shift=" in a location; `*` applies to all. */
export function parseShift(location: string): Record<string, number> {
  const match = /(?:^|[/?&])shift=([^/?&]+)/.exec(location);
  if (!match) return {};
  const shifts: Record<string, number> = {};
  for (const part of decodeURIComponent(match[1]).split(',')) {
    const [name, amount] = part.includes(':') ? part.split(':') : ['*', part];
    const value = Number(amount);
    if (name && Number.isFinite(value)) shifts[name] = Math.min(1, Math.max(0, value));
  }
  return shifts;
}

/** `rows` rows per field from `location` (`seed` adds e.g. the time window). */
export function syntheticSample(fields: readonly FieldSchema[], location: string, seed = location, rows = SAMPLE_ROWS): Sample {
  const shifts = parseShift(location);
  const sample: Sample = {};
  for (const field of fields) {
    const shift = shifts[field.name] ?? shifts['*'] ?? 0;
    const random = new SeededRandom(`${seed}|${field.name}`);
    sample[field.name] = Array.from({ length: rows }, () => draw(field, shift, random));
  }
  return sample;
}

function draw(field: FieldSchema, shift: number, random: SeededRandom): number | string {
  const type = field.dataType.toLowerCase();
  if (isCategorical(field)) {
    const values = type === 'boolean' ? ['true', 'false'] : vocabulary(field.name);
    const base = values.map((v) => 0.2 + unit(`${field.name}:${v}:weight`));
    const total = base.reduce((a, b) => a + b, 0);
    // Shifting moves probability mass to the category the baseline sees least.
    const rarest = base.indexOf(Math.min(...base));
    return values[random.pick(base.map((w, i) => (1 - shift) * (w / total) + (i === rarest ? shift : 0)))];
  }
  const mean = 20 + 80 * unit(`${field.name}:mean`);
  const sd = mean * (0.1 + 0.2 * unit(`${field.name}:sd`));
  const value = mean + shift * 2 * sd + sd * (1 + 0.5 * shift) * random.normal();
  return type === 'integer' ? Math.max(0, Math.round(value)) : Math.round(value * 1000) / 1000;
}

function vocabulary(name: string): string[] {
  const known = VOCABULARIES.find(([pattern]) => pattern.test(name));
  if (known) return known[1];
  const size = 3 + Math.floor(unit(`${name}:size`) * 4);
  return Array.from({ length: size }, (_, i) => `${name}_${i + 1}`);
}
