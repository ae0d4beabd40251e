import * as assert from 'node:assert/strict';
import type { EmulatorState } from '../src/context';
import type { FieldViolation } from '../src/googleError';
import { createState } from '../src/server';
import type { StoredResource } from '../src/store';

function resources(state: EmulatorState): [string, StoredResource][] {
  return [...state.store.under('projects')];
}

describe('emulator seeds', () => {
  const demo = createState({ seed: 'demo' });

  it('seeds only fields the protos know, with valid enum values', () => {
    const problems: string[] = [];
    for (const [name, resource] of resources(demo)) {
      const violations: FieldViolation[] = [];
      demo.codec.decode(resource.typeName, resource.data, '', violations);
      problems.push(...violations.map((v) => `${name}: ${v.description}`));
    }
    assert.deepEqual(problems, []);
  });

  it('gives every model exactly one "default" version and unique aliases', () => {
    const byModel = new Map<string, string[][]>();
    for (const [, r] of resources(demo)) {
      if (!r.typeName.endsWith('.Model')) continue;
      byModel.set(String(r.data.name), [...(byModel.get(String(r.data.name)) ?? []), (r.data.versionAliases as string[]) ?? []]);
    }
    assert.equal(byModel.size, 4);
    for (const [model, versions] of byModel) {
      const all = versions.flat();
      assert.equal(all.filter((a) => a === 'default').length, 1, model);
      assert.equal(new Set(all).size, all.length, `${model} has a duplicate alias`);
    }
  });

  it('splits endpoint traffic over its deployed models, summing to 100', () => {
    for (const [name, r] of resources(demo)) {
      if (!r.typeName.endsWith('.Endpoint')) continue;
      const deployed = ((r.data.deployedModels as { id: string }[]) ?? []).map((d) => d.id).sort();
      const split = (r.data.trafficSplit as Record<string, number>) ?? {};
      assert.deepEqual(Object.keys(split).sort(), deployed, name);
      if (deployed.length) assert.equal(Object.values(split).reduce((a, b) => a + b, 0), 100, name);
    }
  });

  it('scale:N is deterministic and has N of each kind', () => {
    const count = (state: EmulatorState, kind: string) => resources(state).filter(([, r]) => r.typeName.endsWith(kind)).length;
    const a = createState({ seed: 'scale:25' });
    const b = createState({ seed: 'scale:25' });
    for (const kind of ['.Model', '.Endpoint', '.TuningJob']) assert.equal(count(a, kind), 25, kind);
    assert.deepEqual(resources(a).map(([n]) => n), resources(b).map(([n]) => n));
  });

  it('empty has a project and no resources; an unknown seed is an error', () => {
    const empty = createState({ seed: 'empty' });
    assert.equal(resources(empty).length, 0);
    assert.equal(empty.projects.list()[0].projectId, 'genai-demo');
    assert.throws(() => createState({ seed: 'lots' }), /Unknown seed "lots"/);
  });
});
