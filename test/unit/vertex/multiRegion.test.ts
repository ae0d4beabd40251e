// Listing several regions at once: concurrent, and one region's failure keeps the others.
import * as assert from 'node:assert/strict';
import { ClientPool } from '../../../src/vertex/clients';
import { listAcrossRegions } from '../../../src/vertex/multiRegion';
import { readPages } from '../../../src/vertex/paging';
import { listEndpoints, listModels } from '../../../src/vertex/resources';
import { useEmulator } from '@vertex-genai-ops/emulator/harness';

describe('vertex multi-region listing (against the emulator)', function () {
  this.timeout(20_000);
  const h = useEmulator();
  let pool: ClientPool;
  const regions = ['us-central1', 'europe-west4', 'asia-northeast1'];
  before(() => {
    pool = new ClientPool({ backend: 'emulator', project: 'genai-demo', regions, emulatorUrl: h.emulator.url });
  });
  after(() => pool.dispose());
  afterEach(() => h.fetch('/_emulator/faults', { method: 'DELETE' }));
  const faults = (...specs: string[]) => h.fetch('/_emulator/faults', { method: 'POST', body: JSON.stringify({ faults: specs }) });

  it('keeps the regions that answered when one fails, with that region’s error as a sentence', async () => {
    await faults('path=/v1/projects/genai-demo/locations/europe-west4/,error=503');
    const results = await listAcrossRegions(regions, (region) => listEndpoints(pool, { region }));
    assert.deepEqual(results.map((r) => [r.region, r.ok]), [['us-central1', true], ['europe-west4', false], ['asia-northeast1', true]]);
    const [us, eu, asia] = results;
    assert.ok(us.ok && us.page.items.some((e) => e.displayName === 'support-bot-prod'));
    assert.ok(!eu.ok && eu.error.code === 'UNAVAILABLE' && eu.error.action === 'retry', JSON.stringify(eu));
    assert.ok(asia.ok && asia.page.items.length === 0);
  });

  it('lists the regions concurrently', async () => {
    // One after another takes at least 3 × 1 s; together about 1 s. The bound leaves a loaded machine 1.5 s.
    await faults('method=*ListModels,latency=1000');
    const started = performance.now();
    const results = await listAcrossRegions(regions, (region) => listModels(pool, { region }));
    assert.ok(results.every((r) => r.ok));
    assert.ok(performance.now() - started < 2500, `${performance.now() - started} ms for 3 × 1000 ms`);
  });

  it('survives a lister that throws before it returns a promise', async () => {
    const results = await listAcrossRegions(['x'], () => {
      throw new Error('boom');
    });
    assert.equal(results[0].ok, false);
  });

  it('reads several pages by token, and keeps the token when it stops early', async () => {
    const all = await readPages((pageToken) => listEndpoints(pool, { region: 'us-central1', pageSize: 2, pageToken }));
    const first = await listEndpoints(pool, { region: 'us-central1', pageSize: 2 });
    assert.ok(first.nextPageToken && all.items.length > first.items.length);
    assert.equal(new Set(all.items.map((e) => e.name)).size, all.items.length);
    assert.equal(all.nextPageToken, undefined);
    const some = await readPages((pageToken) => listEndpoints(pool, { region: 'us-central1', pageSize: 2, pageToken }), { limit: 2 });
    assert.deepEqual([some.items.length, Boolean(some.nextPageToken)], [2, true]);
  });
});
