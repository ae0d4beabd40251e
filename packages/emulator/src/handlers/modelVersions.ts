// Finding a model's versions in the store: "models/123" is the version aliased "default",
// "models/123@2" version 2, "models/123@prod" the version aliased "prod".
import type { EmulatorState } from '../context';
import type { StoredResource } from '../store';

/** Versions of a model, by version number. */
export function versionsOf(state: EmulatorState, model: string): StoredResource[] {
  const parent = model.slice(0, model.lastIndexOf('/models/'));
  return state.store
    .list(parent, 'models')
    .filter((r) => r.data.name === model)
    .sort((a, b) => Number(a.data.versionId) - Number(b.data.versionId));
}

/** "models/1", "models/1@3" or "models/1@prod" → the stored version, or undefined. */
export function findVersion(state: EmulatorState, requested: string, field = 'name'): { name: string; model: string; version?: StoredResource } {
  const name = state.names.canonical(requested, field);
  const [model, ref] = name.split('@');
  const versions = versionsOf(state, model);
  const version = ref === undefined
    ? versions.find((v) => aliases(v).includes('default'))
    : /^\d+$/.test(ref) ? versions.find((v) => v.data.versionId === ref) : versions.find((v) => aliases(v).includes(ref));
  return { name, model, version };
}

/** The version's aliases ("default", "prod", …). */
export function aliases(resource: StoredResource): string[] {
  return (resource.data.versionAliases as string[] | undefined) ?? [];
}
