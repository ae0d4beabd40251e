// Training curves for custom jobs, as their trainer would log them to TensorBoard: a
// loss that decays towards a floor with step-to-step noise, and a learning rate with a
// linear warm-up then cosine decay. Deterministic per job (seeded by its name), so a
// chart reads the same every time; the run length comes from the job's own arguments.
import { unit } from './customJobsRandom';

export interface CurveSpec {
  seed: string;
  totalSteps: number;
  peakLearningRate: number;
}

export type CurveName = 'loss' | 'learning_rate';

export const CURVES: CurveName[] = ['loss', 'learning_rate'];
export const LOG_EVERY_STEPS = 10;
const STEPS_PER_EPOCH = 200;

/** Reads --epochs and --learning-rate (or --lr) from trainer arguments. */
export function curveSpec(seed: string, args: readonly string[]): CurveSpec {
  const flag = (names: string[]) => {
    for (const arg of args) {
      const match = /^--([\w-]+)=(.+)$/.exec(arg);
      if (match && names.includes(match[1])) return Number(match[2]);
    }
    return undefined;
  };
  const epochs = flag(['epochs', 'num-epochs', 'num_epochs']);
  const lr = flag(['learning-rate', 'learning_rate', 'lr']);
  return {
    seed,
    totalSteps: Math.max(1, Math.round((epochs && epochs > 0 ? epochs : 3) * STEPS_PER_EPOCH)),
    peakLearningRate: lr && lr > 0 ? lr : 2e-4,
  };
}

export function valueAt(curve: CurveName, spec: CurveSpec, step: number): number {
  return curve === 'loss' ? lossAt(spec, step) : learningRateAt(spec, step);
}

/** Logged steps from 0 through `lastStep`, every LOG_EVERY_STEPS, plus the final step. */
export function loggedSteps(spec: CurveSpec, lastStep: number): number[] {
  const steps: number[] = [];
  const until = Math.min(spec.totalSteps, Math.floor(lastStep));
  for (let step = 0; step <= until; step += LOG_EVERY_STEPS) steps.push(step);
  if (until === spec.totalSteps && steps[steps.length - 1] !== until) steps.push(until);
  return steps;
}

function lossAt(spec: CurveSpec, step: number): number {
  const start = 2.2 + 0.6 * unit(`${spec.seed}:start`);
  const floor = 0.25 + 0.3 * unit(`${spec.seed}:floor`);
  const tau = spec.totalSteps * (0.18 + 0.1 * unit(`${spec.seed}:tau`));
  const clean = floor + (start - floor) * Math.exp(-step / tau);
  // Minibatch noise: proportional to the loss, centred on zero.
  const noise = (unit(`${spec.seed}:noise:${step}`) - 0.5) * 0.12 * clean;
  return round(clean + noise);
}

function learningRateAt(spec: CurveSpec, step: number): number {
  const warmup = Math.max(1, Math.round(spec.totalSteps * 0.05));
  if (step < warmup) return spec.peakLearningRate * (step / warmup);
  const progress = (step - warmup) / Math.max(1, spec.totalSteps - warmup);
  return spec.peakLearningRate * 0.5 * (1 + Math.cos(Math.PI * Math.min(1, progress)));
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
