// Feature drift between a baseline and a target sample, as a model monitoring job
// computes it: per feature a distance (Jensen-Shannon divergence for numeric features,
// L-infinity for categorical ones unless DataDriftSpec chooses otherwise), its
// threshold (per-feature condition, else the default for its kind; none means no
// alert), and both distributions. Pure: the samples may come from any source.
import type { FieldViolation } from '../googleError';
import type { JsonObject } from '../wireCodec';
import type { Distribution } from '@vertex-genai-ops/catalog/drift/featureDrift';
import { isCategorical, type FieldSchema, type Sample } from './monitoringData';
import { categoricalDrift, JENSEN_SHANNON, L_INFINITY, numericDrift } from '@vertex-genai-ops/catalog/drift/featureDrift';

export { JENSEN_SHANNON, L_INFINITY };

export interface FeatureDrift {
  feature: string;
  algorithm: string;
  score: number;
  /** Unset: no threshold, so no alert. */
  threshold?: number;
  anomaly: boolean;
  baseline: Distribution;
  current: Distribution;
}

export function driftSpecProblems(spec: JsonObject, fields: readonly FieldSchema[], path: string): FieldViolation[] {
  const problems: FieldViolation[] = [];
  const categorical = spec.categoricalMetricType as string | undefined;
  const numeric = spec.numericMetricType as string | undefined;
  if (categorical && categorical !== L_INFINITY && categorical !== JENSEN_SHANNON) {
    problems.push({ field: `${path}.categorical_metric_type`, description: `Unsupported categorical metric type "${categorical}": use ${L_INFINITY} or ${JENSEN_SHANNON}.` });
  }
  if (numeric && numeric !== JENSEN_SHANNON) problems.push({ field: `${path}.numeric_metric_type`, description: `Unsupported numeric metric type "${numeric}": use ${JENSEN_SHANNON}.` });
  const known = new Set(fields.map((f) => f.name));
  ((spec.features as string[] | undefined) ?? []).forEach((feature, i) => {
    if (!known.has(feature)) problems.push({ field: `${path}.features[${i}]`, description: `"${feature}" is not a field of the model monitoring schema.` });
  });
  return problems;
}

export function computeDrift(fields: readonly FieldSchema[], baseline: Sample, target: Sample, spec: JsonObject): FeatureDrift[] {
  const wanted = spec.features as string[] | undefined;
  const conditions = (spec.featureAlertConditions as Record<string, JsonObject> | undefined) ?? {};
  return fields
    .filter((f) => !wanted?.length || wanted.includes(f.name))
    .map((field) => {
      const categorical = isCategorical(field);
      const condition = conditions[field.name] ?? ((categorical ? spec.defaultCategoricalAlertCondition : spec.defaultNumericAlertCondition) as JsonObject | undefined);
      const threshold = Number(condition?.threshold ?? 0) || undefined;
      const measured = categorical
        ? categoricalDrift((baseline[field.name] ?? []).map(String), (target[field.name] ?? []).map(String), String(spec.categoricalMetricType || L_INFINITY))
        : numericDrift((baseline[field.name] ?? []).map(Number), (target[field.name] ?? []).map(Number));
      return { feature: field.name, ...measured, threshold, anomaly: threshold !== undefined && measured.score > threshold };
    });
}
