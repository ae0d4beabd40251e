// The trees' listing cache against the emulator, through the official clients.
import * as assert from 'node:assert/strict';
import { ClientPool } from '../../../src/vertex/clients';
import { listAllJobs } from '../../../src/vertex/jobs';
import { listEndpoints } from '../../../src/vertex/resources';
import type { Endpoint, Job } from '../../../src/vertex/types';
import { TreeListings } from '../../../src/features/trees/treeListings';
import type { PagedSource } from '../../../src/features/trees/treeNodes';
import { US_PARENT, trapUnhandledRejections, useEmulator, useFaults } from '@vertex-genai-ops/emulator/harness';
import { emulatorPool } from '../../support/emulatorPool';

describe('tree listings (against the emulator)', function () {
  this.timeout(30_000);
  const h = useEmulator({ jobDurationMs: 600 });
  trapUnhandledRejections();
  const faults = useFaults(h);
  let pool: ClientPool;
  let pageSize = 50;
  let filter: string | undefined;
  before(() => (pool = emulatorPool(h)));
  after(() => pool.dispose());
  beforeEach(() => {
    pageSize = 50;
    filter = undefined;
  });
  const listings = () => new TreeListings({ pool: async () => pool, pageSize: () => pageSize, serverFilter: () => filter });
  const endpoints: PagedSource = {
    key: 'endpoints',
    kind: 'endpoint',
    list: (p, r) => listEndpoints(p, { region: 'us-central1', ...r }),
    idOf: (e) => (e as Endpoint).name,
  };
  const jobs: PagedSource = { key: 'jobs', kind: 'job', list: (p, r) => listAllJobs(p, { region: 'us-central1', ...r }), idOf: (j) => (j as Job).name };

  it('shares one request between concurrent loads of the same node', async () => {
    const l = listings();
    const listing = l.get(endpoints, undefined);
    await Promise.all([l.load(listing), l.load(listing), l.load(l.get(endpoints, undefined))]);
    assert.equal(faults.served(/GET \/v1\/\S*\/endpoints /), 1, h.requests.join('\n'));
    assert.ok(listing.nodes.some((n) => (n.value as Endpoint).displayName === 'support-bot-prod'));
  });

  it('pages with the page size, and Load more appends the next page', async () => {
    pageSize = 2;
    const l = listings();
    const listing = l.get(endpoints, undefined);
    await l.load(listing);
    assert.equal(listing.nodes.length, 2);
    assert.ok(listing.nextPageToken);
    const first = listing.nodes[0];
    const more = await l.loadMore(listing);
    assert.equal(more.structural, true);
    assert.equal(listing.nodes.length, 4);
    assert.equal(listing.nodes[0], first, 'loaded nodes stay');
    // A refresh reloads as many as are shown, in place.
    const again = await l.load(listing);
    assert.equal(listing.nodes.length, 4);
    assert.equal(listing.nodes[0], first);
    assert.deepEqual([again.structural, again.changed.length], [false, 0], 'nothing changed');
  });

  it('sends the label filter to the server', async () => {
    filter = 'labels.team="research"';
    const l = listings();
    const listing = l.get(jobs, undefined);
    await l.load(listing);
    assert.deepEqual(listing.nodes.map((n) => (n.value as Job).displayName).sort(), ['gemma-2b-peft-tpu', 'gemma-lora-sweep-t4', 'llama-3-8b-lora-l4']);
  });

  it('updates a job in place when its state changes, without rebuilding the list', async () => {
    const l = listings();
    const listing = l.get(jobs, undefined);
    await l.load(listing);
    const created = await h.fetch(`/v1/${US_PARENT}/customJobs`, {
      method: 'POST',
      body: JSON.stringify({ displayName: 'quick-job', jobSpec: { workerPoolSpecs: [{ machineSpec: { machineType: 'n1-standard-4' }, replicaCount: '1', containerSpec: { imageUri: 'gcr.io/x/y' } }] } }),
    });
    assert.equal(created.status, 200, await created.clone().text());
    const added = await l.load(listing);
    assert.equal(added.structural, true, 'a new job changes the list');
    const node = listing.nodes.find((n) => (n.value as Job).displayName === 'quick-job')!;
    assert.equal((node.value as Job).state, 'pending');
    await new Promise((r) => setTimeout(r, 900));
    const moved = await l.load(listing);
    assert.equal(moved.structural, false);
    assert.deepEqual(moved.changed, [node], 'only the job that moved changed');
    assert.equal((node.value as Job).state, 'succeeded');
  });

  it('keeps the items it has and records the reason when a reload fails', async () => {
    const l = listings();
    const listing = l.get(endpoints, undefined);
    await l.load(listing);
    const count = listing.nodes.length;
    await faults.set('method=*ListEndpoints,error=503');
    const failed = await l.load(listing);
    assert.equal(failed.structural, true);
    assert.equal(listing.nodes.length, count);
    assert.equal(listing.error?.action, 'retry');
    assert.match(listing.error!.message, /did not answer|Retry/);
    await h.fetch('/_emulator/faults', { method: 'DELETE' });
    await l.load(listing);
    assert.equal(listing.error, undefined);
  });
});
