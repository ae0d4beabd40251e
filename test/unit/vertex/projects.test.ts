// The project picker's list, through the pool's auth client against the emulator's
// Resource Manager routes.
import * as assert from 'node:assert/strict';
import { ClientPool } from '../../../src/vertex/clients';
import { parseError } from '../../../src/vertex/parseError';
import { listProjects } from '../../../src/vertex/projects';
import { rejection, useEmulator } from '@vertex-genai-ops/emulator/harness';
import { emulatorPool } from '../../support/emulatorPool';

describe('vertex projects (against the emulator)', function () {
  this.timeout(20_000);
  const h = useEmulator();
  let pool: ClientPool;
  before(() => (pool = emulatorPool(h)));
  after(() => pool.dispose());
  beforeEach(() => (h.requests.length = 0));
  afterEach(() => h.fetch('/_emulator/faults', { method: 'DELETE' }));
  const faults = (...specs: string[]) => h.fetch('/_emulator/faults', { method: 'POST', body: JSON.stringify({ faults: specs }) });
  const searches = () => h.requests.filter((l) => l.startsWith('GET /v3/projects:search ')).length;

  it('lists the visible projects as { projectId, name, number }', async () => {
    const { items, nextPageToken } = await listProjects(pool);
    assert.deepEqual(items.find((p) => p.projectId === 'genai-demo'), { projectId: 'genai-demo', name: 'GenAI Demo', number: '123456789012' });
    assert.equal(items.length, 2);
    assert.equal(nextPageToken, undefined);
  });

  it('pages with page tokens', async () => {
    const first = await listProjects(pool, { pageSize: 1 });
    assert.equal(first.items.length, 1);
    assert.ok(first.nextPageToken);
    const second = await listProjects(pool, { pageSize: 1, pageToken: first.nextPageToken });
    assert.notEqual(second.items[0].projectId, first.items[0].projectId);
  });

  it('retries a 503 (a read) and fails a lasting 429 with a quota sentence, within its deadline', async () => {
    await faults('path=/v3/projects:search,error=503,times=1');
    assert.equal((await listProjects(pool)).items.length, 2);
    assert.equal(searches(), 2);
    await faults('path=/v3/projects:search,error=429,retryAfter=1');
    const started = performance.now();
    const err = await rejection(listProjects(pool, { deadlineMs: 2500 }));
    assert.ok(performance.now() - started < 2600);
    assert.equal(parseError(err).code, 'RESOURCE_EXHAUSTED');
  });
});
