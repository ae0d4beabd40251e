// Reads prediction instances for the fraud classifier. Numbers may come as JSON numbers
// or numeric strings and booleans as true/false or "true"/"false" (tabular clients
// often send every value as a string); anything else is a violation naming the field.
// Other keys (an id, the label) are ignored, so rows of the table can be sent as they are.
import type { FieldViolation } from '../googleError';
import { FRAUD_FEATURES, type FraudFeatures } from './fraudData';

export function parseFraudInstance(value: unknown, index: number): { features?: FraudFeatures; violations: FieldViolation[] } {
  const at = `instances[${index}]`;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { violations: [{ field: at, description: `Instance ${index} must be a JSON object with the features ${FRAUD_FEATURES.map((f) => f.name).join(', ')}.` }] };
  }
  const raw = value as Record<string, unknown>;
  const violations: FieldViolation[] = [];
  const features: Record<string, unknown> = {};
  for (const { name, kind } of FRAUD_FEATURES) {
    const field = `${at}.${name}`;
    const v = raw[name];
    if (v === undefined || v === null || v === '') {
      violations.push({ field, description: `Instance ${index} is missing the required feature "${name}".` });
    } else if (kind === 'numeric') {
      const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
      if (Number.isFinite(n)) features[name] = n;
      else violations.push({ field, description: `Feature "${name}" of instance ${index} must be a number, got ${JSON.stringify(v)}.` });
    } else if (kind === 'boolean') {
      if (v === true || v === 'true') features[name] = true;
      else if (v === false || v === 'false') features[name] = false;
      else violations.push({ field, description: `Feature "${name}" of instance ${index} must be a boolean, got ${JSON.stringify(v)}.` });
    } else if (typeof v === 'string') {
      features[name] = v;
    } else {
      violations.push({ field, description: `Feature "${name}" of instance ${index} must be a string, got ${JSON.stringify(v)}.` });
    }
  }
  return violations.length ? { violations } : { features: features as unknown as FraudFeatures, violations };
}
