// Trials of a hyperparameter tuning study: parameters drawn from the study's parameter
// specs (double, integer, categorical, discrete; linear, log or reverse-log scale) and
// a final measurement from a deterministic synthetic objective. The objective has one
// optimum per parameter (fixed by the parameter id), so trials near it score best and
// "the best trial" means something. ALGORITHM_UNSPECIFIED (Vertex's default search)
// samples around the best trial so far once a round has finished; RANDOM_SEARCH never
// does; GRID_SEARCH walks the grid.
import type { FieldViolation } from '../googleError';
import type { JsonObject } from '../wireCodec';
import { SeededRandom, unit } from './customJobsRandom';

export interface PlannedTrial {
  id: string;
  /** 0-based round: trials of one round run in parallel. */
  round: number;
  parameters: { parameterId: string; value: number | string }[];
  metrics: { metricId: string; value: number }[];
}

type Spec = JsonObject;

/** Trials of the first `rounds` rounds, in order. */
export function planTrials(seed: string, study: Spec, maxTrials: number, parallel: number, rounds: number): PlannedTrial[] {
  const params = (study.parameters as Spec[] | undefined) ?? [];
  const metrics = (study.metrics as Spec[] | undefined) ?? [];
  const grid = study.algorithm === 'GRID_SEARCH' ? gridPoints(params) : undefined;
  const total = Math.min(maxTrials, grid?.length ?? maxTrials);
  const trials: PlannedTrial[] = [];
  for (let n = 0; n < total && Math.floor(n / parallel) < rounds; n++) {
    const round = Math.floor(n / parallel);
    const random = new SeededRandom(`${seed}:trial:${n + 1}`);
    // Only trials of earlier rounds have results a search could learn from.
    const best = bestOf(trials.filter((t) => t.round < round), metrics[0]);
    const units = grid?.[n] ?? params.map((p) => {
      if (study.algorithm !== 'RANDOM_SEARCH' && best && random.next() < 0.6) {
        return clamp01(toUnit(p, best.parameters.find((b) => b.parameterId === p.parameterId)?.value) + 0.12 * random.normal());
      }
      return random.next();
    });
    const parameters = params.map((p, i) => ({ parameterId: String(p.parameterId), value: fromUnit(p, units[i]) }));
    trials.push({ id: String(n + 1), round, parameters, metrics: metrics.map((m) => ({ metricId: String(m.metricId), value: objective(seed, String(n + 1), m, params, parameters) })) });
  }
  return trials;
}

/** The trial with the best first metric per its goal. */
export function bestOf(trials: PlannedTrial[], metric: Spec | undefined): PlannedTrial | undefined {
  const sign = metric?.goal === 'MINIMIZE' ? -1 : 1;
  return trials.reduce<PlannedTrial | undefined>((best, t) => (!best || sign * t.metrics[0].value > sign * best.metrics[0].value ? t : best), undefined);
}

/** How many rounds a study of this size runs. */
export function roundCount(study: Spec, maxTrials: number, parallel: number): number {
  const grid = study.algorithm === 'GRID_SEARCH' ? gridPoints((study.parameters as Spec[] | undefined) ?? []).length : maxTrials;
  return Math.ceil(Math.min(maxTrials, grid) / Math.max(1, parallel));
}

export function studySpecProblems(study: Spec | undefined, path: string): FieldViolation[] {
  const problems: FieldViolation[] = [];
  const metrics = (study?.metrics as Spec[] | undefined) ?? [];
  const params = (study?.parameters as Spec[] | undefined) ?? [];
  if (!metrics.length) problems.push({ field: `${path}.metrics`, description: 'Required field is not set.' });
  metrics.forEach((m, i) => {
    if (!m.metricId) problems.push({ field: `${path}.metrics[${i}].metric_id`, description: 'Required field is not set.' });
    if (m.goal !== 'MAXIMIZE' && m.goal !== 'MINIMIZE') problems.push({ field: `${path}.metrics[${i}].goal`, description: 'Goal must be MAXIMIZE or MINIMIZE.' });
  });
  if (!params.length) problems.push({ field: `${path}.parameters`, description: 'Required field is not set.' });
  const seen = new Set<string>();
  params.forEach((p, i) => {
    const at = `${path}.parameters[${i}]`;
    const id = String(p.parameterId ?? '');
    if (!id) problems.push({ field: `${at}.parameter_id`, description: 'Required field is not set.' });
    else if (seen.has(id)) problems.push({ field: `${at}.parameter_id`, description: `Duplicate parameter_id "${id}".` });
    seen.add(id);
    problems.push(...valueSpecProblems(p, at, study?.algorithm === 'GRID_SEARCH'));
  });
  return problems;
}

function valueSpecProblems(p: Spec, at: string, grid: boolean): FieldViolation[] {
  const specs = ['doubleValueSpec', 'integerValueSpec', 'categoricalValueSpec', 'discreteValueSpec'].filter((k) => p[k]);
  if (specs.length !== 1) return [{ field: at, description: 'Exactly one of double_value_spec, integer_value_spec, categorical_value_spec or discrete_value_spec must be set.' }];
  const log = isLog(p);
  const range = (p.doubleValueSpec ?? p.integerValueSpec) as Spec | undefined;
  if (range) {
    const kind = p.doubleValueSpec ? 'double_value_spec' : 'integer_value_spec';
    const [min, max] = [Number(range.minValue ?? 0), Number(range.maxValue ?? 0)];
    if (!(min < max)) return [{ field: `${at}.${kind}`, description: `min_value (${min}) must be less than max_value (${max}).` }];
    if (log && min <= 0) return [{ field: `${at}.scale_type`, description: `A log scale needs min_value > 0, got ${min}.` }];
    if (grid && p.doubleValueSpec) return [{ field: `${at}.double_value_spec`, description: 'GRID_SEARCH does not support DOUBLE parameters; use discrete_value_spec.' }];
    return [];
  }
  const values = ((p.categoricalValueSpec ?? p.discreteValueSpec) as Spec).values as unknown[] | undefined;
  const kind = p.categoricalValueSpec ? 'categorical_value_spec' : 'discrete_value_spec';
  if (!values?.length) return [{ field: `${at}.${kind}.values`, description: 'Required field is not set.' }];
  if (new Set(values.map(String)).size !== values.length) return [{ field: `${at}.${kind}.values`, description: 'Values must be unique.' }];
  if (log && p.discreteValueSpec && values.some((v) => Number(v) <= 0)) return [{ field: `${at}.scale_type`, description: 'A log scale needs positive values.' }];
  return [];
}

/** Unit-cube coordinate → parameter value, honouring the scale type. */
export function fromUnit(p: Spec, u: number): number | string {
  if (p.categoricalValueSpec) return choose(((p.categoricalValueSpec as Spec).values as string[]), u);
  if (p.discreteValueSpec) return choose(sorted((p.discreteValueSpec as Spec).values as number[]), u);
  const range = (p.doubleValueSpec ?? p.integerValueSpec) as Spec;
  const [min, max] = [Number(range.minValue), Number(range.maxValue)];
  // Linear integers: max - min + 1 equal cells, like discrete values.
  if (p.integerValueSpec && !isLog(p)) return Math.min(max, min + Math.floor(u * (max - min + 1)));
  let value = min + u * (max - min);
  if (p.scaleType === 'UNIT_LOG_SCALE') value = Math.exp(Math.log(min) + u * (Math.log(max) - Math.log(min)));
  if (p.scaleType === 'UNIT_REVERSE_LOG_SCALE') value = max + min - Math.exp(Math.log(min) + (1 - u) * (Math.log(max) - Math.log(min)));
  return p.integerValueSpec ? Math.min(max, Math.max(min, Math.round(value))) : Number(value.toPrecision(6));
}

/** Parameter value → unit-cube coordinate (inverse of fromUnit for numbers). */
export function toUnit(p: Spec, value: number | string | undefined): number {
  if (p.categoricalValueSpec) return position((p.categoricalValueSpec as Spec).values as string[], value);
  if (p.discreteValueSpec) return position(sorted((p.discreteValueSpec as Spec).values as number[]), Number(value));
  const range = (p.doubleValueSpec ?? p.integerValueSpec) as Spec;
  const [min, max, v] = [Number(range.minValue), Number(range.maxValue), Number(value)];
  if (p.integerValueSpec && !isLog(p)) return clamp01((v - min + 0.5) / (max - min + 1));
  if (p.scaleType === 'UNIT_LOG_SCALE') return clamp01((Math.log(v) - Math.log(min)) / (Math.log(max) - Math.log(min)));
  if (p.scaleType === 'UNIT_REVERSE_LOG_SCALE') return clamp01(1 - (Math.log(max + min - v) - Math.log(min)) / (Math.log(max) - Math.log(min)));
  return clamp01((v - min) / (max - min));
}

/** The synthetic objective: quality falls off with the distance to each parameter's optimum. */
export function objective(seed: string, trialId: string, metric: Spec, params: Spec[], values: PlannedTrial['parameters']): number {
  let distance = 0;
  for (const p of params) {
    const id = String(p.parameterId);
    const value = values.find((v) => v.parameterId === id)?.value;
    if (p.categoricalValueSpec) {
      const scores = ((p.categoricalValueSpec as Spec).values as string[]).map((v) => unit(`${id}:${v}`));
      distance += (Math.max(...scores) - unit(`${id}:${String(value)}`)) ** 2;
    } else {
      distance += (toUnit(p, value) - (0.2 + 0.6 * unit(`${id}:optimum`))) ** 2;
    }
  }
  const quality = Math.exp(-3 * distance);
  const noise = (unit(`${seed}:${trialId}:${String(metric.metricId)}`) - 0.5) * 0.01;
  const value = metric.goal === 'MINIMIZE' ? 0.08 + 1.2 * (1 - quality) + noise : 0.55 + 0.4 * quality + noise;
  return Math.round(value * 1e4) / 1e4;
}

/** Every combination of discrete, categorical and integer values, as unit coordinates. */
function gridPoints(params: Spec[]): number[][] {
  const axes = params.map((p) => {
    const n = p.categoricalValueSpec || p.discreteValueSpec
      ? (((p.categoricalValueSpec ?? p.discreteValueSpec) as Spec).values as unknown[]).length
      : Number((p.integerValueSpec as Spec | undefined)?.maxValue ?? 0) - Number((p.integerValueSpec as Spec | undefined)?.minValue ?? 0) + 1;
    return Array.from({ length: Math.max(1, n) }, (_, i) => (n <= 1 ? 0 : (i + 0.5) / n));
  });
  return axes.reduce<number[][]>((points, axis) => points.flatMap((point) => axis.map((u) => [...point, u])), [[]]);
}

function choose<T>(values: T[], u: number): T {
  return values[Math.min(values.length - 1, Math.floor(u * values.length))];
}

function position<T>(values: T[], value: T | undefined): number {
  const i = values.findIndex((v) => String(v) === String(value));
  return i < 0 ? 0.5 : (i + 0.5) / values.length;
}

function sorted(values: number[]): number[] {
  return [...values].map(Number).sort((a, b) => a - b);
}

function isLog(p: Spec): boolean {
  return p.scaleType === 'UNIT_LOG_SCALE' || p.scaleType === 'UNIT_REVERSE_LOG_SCALE';
}

function clamp01(u: number): number {
  return Math.min(1, Math.max(0, u));
}
