// A deterministic card-transaction table for the emulator's tabular classifier (and for
// loading the same rows into the BigQuery emulator). Fraud is drawn from a hidden
// logistic rule: large amounts, night hours, far from home, card not present and some
// merchant categories raise the odds; the classifier has to learn that from the rows.
import { seededRandom, type Random } from './rng';

export const MERCHANT_CATEGORIES = ['grocery', 'gas_station', 'restaurant', 'online_retail', 'electronics', 'travel', 'jewelry'] as const;
export type MerchantCategory = (typeof MERCHANT_CATEGORIES)[number];

export interface FraudFeatures {
  amount: number;
  hour_of_day: number;
  distance_from_home_km: number;
  merchant_category: string;
  card_present: boolean;
}

export interface FraudRow extends FraudFeatures {
  transaction_id: string;
  is_fraud: 0 | 1;
}

export type FeatureKind = 'numeric' | 'categorical' | 'boolean';

/** The features, in the order the classifier and its explanations use. */
export const FRAUD_FEATURES: readonly { name: keyof FraudFeatures; kind: FeatureKind }[] = [
  { name: 'amount', kind: 'numeric' },
  { name: 'hour_of_day', kind: 'numeric' },
  { name: 'distance_from_home_km', kind: 'numeric' },
  { name: 'merchant_category', kind: 'categorical' },
  { name: 'card_present', kind: 'boolean' },
];

export const FRAUD_LABEL = 'is_fraud';

const CATEGORY_WEIGHTS: Record<MerchantCategory, number> = {
  grocery: 30, gas_station: 18, restaurant: 22, online_retail: 15, electronics: 7, travel: 5, jewelry: 3,
};
const CATEGORY_RISK: Record<MerchantCategory, number> = {
  grocery: -0.6, gas_station: -0.2, restaurant: -0.4, online_retail: 0.5, electronics: 0.9, travel: 0.6, jewelry: 1.2,
};

/** `n` rows; the same (n, seed) always gives the same rows. */
export function generateFraudRows(n: number, seed = 42): FraudRow[] {
  const random = seededRandom(seed);
  const rows: FraudRow[] = [];
  for (let i = 0; i < n; i++) {
    const category = pickCategory(random);
    const online = category === 'online_retail';
    const cardPresent = !online && random() < 0.8;
    const amount = round(Math.exp(3.4 + 1.1 * gaussian(random) + (category === 'travel' || category === 'jewelry' ? 1.2 : 0)), 2);
    const hour = Math.floor(hourOfDay(random));
    const distance = round(Math.exp(1.6 + 1.3 * gaussian(random)), 1);
    const night = hour < 6 ? 1 : 0;
    const logit =
      -3.6 + 0.55 * Math.log(amount / 30) + 1.3 * night + 0.45 * Math.log1p(distance / 10) + (cardPresent ? -1.1 : 0.7) + CATEGORY_RISK[category];
    const isFraud = random() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
    rows.push({
      transaction_id: `txn-${String(seed)}-${String(i + 1).padStart(6, '0')}`,
      amount,
      hour_of_day: hour,
      distance_from_home_km: distance,
      merchant_category: category,
      card_present: cardPresent,
      is_fraud: isFraud,
    });
  }
  return rows;
}

function pickCategory(random: Random): MerchantCategory {
  const total = Object.values(CATEGORY_WEIGHTS).reduce((a, b) => a + b, 0);
  let r = random() * total;
  for (const category of MERCHANT_CATEGORIES) {
    r -= CATEGORY_WEIGHTS[category];
    if (r < 0) return category;
  }
  return 'grocery';
}

/** Mostly daytime, a thin tail at night. */
function hourOfDay(random: Random): number {
  const h = 14 + 4.5 * gaussian(random);
  return ((h % 24) + 24) % 24;
}

/** Box-Muller. */
function gaussian(random: Random): number {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
