// The emulator's tabular classifier: logistic regression over the fraud table, trained
// by full-batch gradient descent (deterministic: same rows, same weights). Numeric
// features are standardized, categories one-hot encoded, booleans 0/1. Being linear
// in logit space, its explanations are exact: attribution_i = Σ w·(x_i − baseline_i)
// over feature i's encoded columns, so they add up to logit(x) − logit(baseline).
import { FRAUD_FEATURES, MERCHANT_CATEGORIES, type FraudFeatures, type FraudRow } from './fraudData';

interface Column {
  feature: keyof FraudFeatures;
  encode(instance: FraudFeatures): number;
}

export interface TrainingOptions {
  iterations: number;
  learningRate: number;
  l2: number;
}

export interface Explanation {
  baselineLogit: number;
  instanceLogit: number;
  attributions: Record<string, number>;
}

export class FraudClassifier {
  private constructor(
    private readonly columns: Column[],
    readonly weights: number[],
    readonly bias: number,
    /** Median of each numeric feature, mode of the others: the explanations' reference. */
    readonly baseline: FraudFeatures,
    /** Mean log loss on the training rows after each epoch of 50 iterations. */
    readonly trainingLoss: number[],
  ) {}

  static train(rows: readonly FraudRow[], options: TrainingOptions = { iterations: 400, learningRate: 0.5, l2: 1e-3 }): FraudClassifier {
    const columns = encoderFor(rows);
    const x = rows.map((row) => columns.map((c) => c.encode(row)));
    const y = rows.map((row) => row.is_fraud);
    const w = new Array<number>(columns.length).fill(0);
    let b = 0;
    const losses: number[] = [];
    for (let iteration = 1; iteration <= options.iterations; iteration++) {
      const grad = new Array<number>(columns.length).fill(0);
      let gradB = 0;
      let loss = 0;
      x.forEach((xi, i) => {
        const p = sigmoid(dot(w, xi) + b);
        const error = p - y[i];
        for (let j = 0; j < xi.length; j++) grad[j] += error * xi[j];
        gradB += error;
        loss -= y[i] ? Math.log(Math.max(p, 1e-12)) : Math.log(Math.max(1 - p, 1e-12));
      });
      for (let j = 0; j < w.length; j++) w[j] -= options.learningRate * (grad[j] / x.length + options.l2 * w[j]);
      b -= (options.learningRate * gradB) / x.length;
      if (iteration % 50 === 0) losses.push(loss / x.length);
    }
    return new FraudClassifier(columns, w, b, baselineOf(rows), losses);
  }

  logit(instance: FraudFeatures): number {
    return dot(this.weights, this.columns.map((c) => c.encode(instance))) + this.bias;
  }

  /** P(fraud). */
  probability(instance: FraudFeatures): number {
    return sigmoid(this.logit(instance));
  }

  explain(instance: FraudFeatures): Explanation {
    const attributions: Record<string, number> = Object.fromEntries(FRAUD_FEATURES.map((f) => [f.name, 0]));
    this.columns.forEach((c, j) => {
      attributions[c.feature] += this.weights[j] * (c.encode(instance) - c.encode(this.baseline));
    });
    return { baselineLogit: this.logit(this.baseline), instanceLogit: this.logit(instance), attributions };
  }
}

function encoderFor(rows: readonly FraudRow[]): Column[] {
  const columns: Column[] = [];
  for (const { name, kind } of FRAUD_FEATURES) {
    if (kind === 'numeric') {
      const values = rows.map((r) => Number(r[name]));
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      const std = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length) || 1;
      columns.push({ feature: name, encode: (x) => (Number(x[name]) - mean) / std });
    } else if (kind === 'boolean') {
      columns.push({ feature: name, encode: (x) => (x[name] ? 1 : 0) });
    } else {
      // An unseen category encodes as all zeros, like an unknown value in one-hot encoders.
      for (const category of MERCHANT_CATEGORIES) columns.push({ feature: name, encode: (x) => (x[name] === category ? 1 : 0) });
    }
  }
  return columns;
}

/** The explanations' reference: median of each numeric feature, mode of the others. */
export function baselineOf(rows: readonly FraudRow[]): FraudFeatures {
  const median = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  };
  const mode = <T>(values: T[]): T => {
    const counts = new Map<T, number>();
    for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
    return [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
  };
  return {
    amount: median(rows.map((r) => r.amount)),
    hour_of_day: median(rows.map((r) => r.hour_of_day)),
    distance_from_home_km: median(rows.map((r) => r.distance_from_home_km)),
    merchant_category: mode(rows.map((r) => r.merchant_category)),
    card_present: mode(rows.map((r) => r.card_present)),
  };
}

function dot(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}
