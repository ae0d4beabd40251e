import * as assert from 'node:assert/strict';
import { US_PARENT, useEmulator } from './emulatorHarness';

describe('emulator: Resource Manager, locations and operations routes', () => {
  const h = useEmulator({ operationDelayMs: 60_000 });
  const json = async <T>(path: string, init?: RequestInit) => {
    const res = await h.fetch(path, init);
    return { status: res.status, body: (await res.json()) as T };
  };

  it('lists the seeded projects in the Resource Manager v1 shape', async () => {
    const { body } = await json<{ projects: Record<string, string>[] }>('/v1/projects');
    assert.deepEqual(body.projects[0], {
      projectNumber: '123456789012',
      projectId: 'genai-demo',
      lifecycleState: 'ACTIVE',
      name: 'GenAI Demo',
      createTime: body.projects[0].createTime,
    });
  });

  it('searches projects in the v3 shape', async () => {
    const { body } = await json<{ projects: Record<string, string>[] }>('/v3/projects:search');
    assert.equal(body.projects[0].name, 'projects/123456789012');
    assert.equal(body.projects[0].state, 'ACTIVE');
    assert.equal(body.projects.length, 2);
  });

  it('lists and gets locations under /v1', async () => {
    const list = await json<{ locations: { locationId: string }[] }>('/v1/projects/genai-demo/locations');
    assert.ok(list.body.locations.some((l) => l.locationId === 'asia-northeast1'));
    const missing = await json<{ error: { code: number } }>('/v1/projects/genai-demo/locations/mars-north1');
    assert.equal(missing.status, 404);
  });

  it('serves operations under /v1, /v1beta1 and /ui, with cancel', async () => {
    const created = await json<{ name: string; done: boolean }>(`/v1/${US_PARENT}/endpoints`, {
      method: 'POST',
      body: JSON.stringify({ displayName: 'slow' }),
    });
    assert.equal(created.body.done, false);
    for (const prefix of ['v1', 'v1beta1', 'ui']) {
      const got = await json<{ name: string; metadata: Record<string, unknown> }>(`/${prefix}/${created.body.name}`);
      assert.equal(got.status, 200, prefix);
      assert.equal(got.body.metadata['@type'], 'type.googleapis.com/google.cloud.aiplatform.v1.CreateEndpointOperationMetadata');
    }
    const parent = created.body.name.slice(0, created.body.name.lastIndexOf('/operations/'));
    const listed = await json<{ operations: unknown[] }>(`/v1/${parent}/operations`);
    assert.equal(listed.body.operations.length, 1);
    await json(`/ui/${created.body.name}:cancel`, { method: 'POST' });
    const cancelled = await json<{ done: boolean; error: { code: number } }>(`/ui/${created.body.name}`);
    assert.equal(cancelled.body.done, true);
    assert.equal(cancelled.body.error.code, 1);
  });
});
