// Endpoint.traffic_split rules, from the EndpointService protos: the percentages must
// add up to 100 (or the map be empty), keys must be deployed model ids; in DeployModel
// the key "0" stands for the model being deployed; UndeployModel refuses to leave
// traffic on the model it removes unless a new split moves it away.
import { invalidFields, type FieldViolation } from '../googleError';

export type TrafficSplit = Record<string, number>;

/** The split to use after deploying `newId`; `requested` may use "0" for it. */
export function splitAfterDeploy(current: TrafficSplit, requested: TrafficSplit, deployedIds: string[], newId: string): TrafficSplit {
  if (!Object.keys(requested).length) return deployedIds.length ? current : { [newId]: 100 };
  const split = Object.fromEntries(Object.entries(requested).map(([id, pct]) => [id === '0' ? newId : id, pct]));
  assertSplit(split, [...deployedIds, newId], 'traffic_split');
  return split;
}

/** The split to use after removing `removedId`; throws when traffic would be left on it. */
export function splitAfterUndeploy(current: TrafficSplit, requested: TrafficSplit, deployedIds: string[], removedId: string): TrafficSplit {
  const remaining = deployedIds.filter((id) => id !== removedId);
  if (!remaining.length) return {};
  if (Object.keys(requested).length) {
    if ((requested[removedId] ?? 0) > 0) {
      throw invalidFields([{ field: 'traffic_split', description: `The traffic_split gives ${requested[removedId]}% to DeployedModel ${removedId}, which is being undeployed.` }]);
    }
    const { [removedId]: _removed, ...split } = requested;
    void _removed;
    assertSplit(split, remaining, 'traffic_split');
    return split;
  }
  if ((current[removedId] ?? 0) > 0) {
    throw invalidFields([{
      field: 'traffic_split',
      description: `DeployedModel ${removedId} receives ${current[removedId]}% of the Endpoint's traffic. Provide a traffic_split that assigns it to the remaining deployed models.`,
    }]);
  }
  const { [removedId]: _removed, ...rest } = current;
  void _removed;
  return rest;
}

export function assertSplit(split: TrafficSplit, deployedIds: string[], field: string): void {
  const violations = splitProblems(split, deployedIds, field);
  if (violations.length) throw invalidFields(violations);
}

export function splitProblems(split: TrafficSplit, deployedIds: string[], field: string): FieldViolation[] {
  const violations: FieldViolation[] = [];
  for (const [id, pct] of Object.entries(split)) {
    if (!deployedIds.includes(id)) violations.push({ field: `${field}[${id}]`, description: `DeployedModel ${id} is not deployed to this Endpoint.` });
    if (!Number.isInteger(pct) || pct < 0 || pct > 100) violations.push({ field: `${field}[${id}]`, description: `Traffic percentage ${pct} must be an integer between 0 and 100.` });
  }
  const total = Object.values(split).reduce((a, b) => a + b, 0);
  if (Object.keys(split).length && total !== 100) {
    violations.push({ field, description: `The traffic percentage values must add up to 100, or the map must be empty; they add up to ${total}.` });
  }
  return violations;
}
