// Reading prediction instances and shaping the classifier's answers: shared by Predict
// and Explain.
import type { MethodCall } from '../context';
import { invalidFields, type FieldViolation } from '../googleError';
import type { FraudFeatures } from '../models/fraudData';
import { parseFraudInstance } from '../models/fraudInstance';
import type { FraudClassifier } from '../models/logisticRegression';
import type { JsonObject } from '../wireCodec';
import type { ServingTarget } from './predictionTarget';

export function requireInstances(call: MethodCall): unknown[] {
  const instances = (call.request.instances as unknown[] | undefined) ?? [];
  if (!instances.length) throw invalidFields([{ field: 'instances', description: 'Required field is not set.' }]);
  return instances;
}

export function fraudInstances(instances: unknown[]): FraudFeatures[] {
  const violations: FieldViolation[] = [];
  const features = instances.map((instance, i) => {
    const parsed = parseFraudInstance(instance, i);
    violations.push(...parsed.violations);
    return parsed.features;
  });
  if (violations.length) throw invalidFields(violations);
  return features as FraudFeatures[];
}

export function classification(classifier: FraudClassifier, x: FraudFeatures): JsonObject {
  const p = classifier.probability(x);
  return { classes: ['0', '1'], scores: [1 - p, p] };
}

export function servedBy(target: ServingTarget): JsonObject {
  const d = target.deployed;
  return d ? { deployedModelId: d.id, model: d.model, modelVersionId: d.modelVersionId, modelDisplayName: d.modelDisplayName } : {};
}
