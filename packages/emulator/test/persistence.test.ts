// --data-dir: what the emulator acknowledged survives SIGKILL, clean restarts compact,
// and a torn journal line or an interrupted operation is handled as documented.
import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { EndpointServiceClient } from '@google-cloud/aiplatform/build/src/v1/endpoint_service_client';
import { JobServiceClient } from '@google-cloud/aiplatform/build/src/v1/job_service_client';
import { ModelServiceClient } from '@google-cloud/aiplatform/build/src/v1/model_service_client';
import { OAuth2Client } from 'google-auth-library';
import { DurableState, MIN_COMPACT_BYTES, type PersistentPart } from '../src/persistence/durableState';
import { createState } from '../src/server';
import { DEMO_IDS, US } from '../src/seeds/demoIds';
import { rejection } from './emulatorHarness';

const CLI = process.env.VGO_EMULATOR_JS ?? resolve(__dirname, '../emulator.js');
const SUPPORT_BOT = `${US}/models/${DEMO_IDS.models.supportBot}`;

interface Emulator {
  child: ChildProcess;
  endpoints: EndpointServiceClient;
  jobs: JobServiceClient;
  models: ModelServiceClient;
  exited: Promise<number | null>;
}

async function start(dataDir: string, ...extra: string[]): Promise<Emulator> {
  const child = spawn(process.execPath, [CLI, '--port', '0', '--seed', 'demo', '--data-dir', dataDir, ...extra], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const port = await new Promise<number>((done, fail) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      const m = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(chunk.toString());
      if (m) done(Number(m[1]));
    });
    void exited.then((code) => fail(new Error(`emulator exited ${code}`)));
  });
  const authClient = new OAuth2Client();
  authClient.setCredentials({ access_token: 'emulator', expiry_date: Date.now() + 3_600_000 });
  const options = { apiEndpoint: '127.0.0.1', port, protocol: 'http', fallback: true, authClient } as const;
  return { child, exited, endpoints: new EndpointServiceClient(options), jobs: new JobServiceClient(options), models: new ModelServiceClient(options) };
}

async function stop(emulator: Emulator, signal: NodeJS.Signals): Promise<number | null> {
  emulator.child.kill(signal);
  const code = await emulator.exited;
  await Promise.all([emulator.endpoints.close(), emulator.jobs.close(), emulator.models.close()]);
  return code;
}

describe('emulator: persistence (--data-dir)', function () {
  this.timeout(30_000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'vgo-data-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps everything acknowledged when killed with SIGKILL right after the answer', async () => {
    const first = await start(dir, '--operation-delay-ms', '20');
    const [job] = await first.jobs.createCustomJob({
      parent: US,
      customJob: { displayName: 'survivor', jobSpec: { workerPoolSpecs: [{ machineSpec: { machineType: 'n1-standard-4' }, replicaCount: 1, containerSpec: { imageUri: 'gcr.io/x/y' } }] } },
    });
    const [operation] = await first.endpoints.createEndpoint({ parent: US, endpoint: { displayName: 'durable-endpoint' } });
    const [endpoint] = await operation.promise();
    // An in-place change (the handler edits the stored model without a put): the alias moves.
    await first.models.mergeVersionAliases({ name: `${SUPPORT_BOT}@1`, versionAliases: ['canary'] });
    await first.endpoints.deleteEndpoint({ name: `${US}/endpoints/${DEMO_IDS.endpoints.stagingSandbox}` }).then(([op]) => op.promise());
    assert.equal(await stop(first, 'SIGKILL'), null);

    const second = await start(dir);
    try {
      const [gotJob] = await second.jobs.getCustomJob({ name: job.name });
      assert.equal(gotJob.displayName, 'survivor');
      const [gotEndpoint] = await second.endpoints.getEndpoint({ name: endpoint.name });
      assert.equal(gotEndpoint.displayName, 'durable-endpoint');
      const [version] = await second.models.getModel({ name: `${SUPPORT_BOT}@canary` });
      assert.equal(version.versionId, '1');
      const gone = await rejection(second.endpoints.getEndpoint({ name: `${US}/endpoints/${DEMO_IDS.endpoints.stagingSandbox}` }));
      assert.equal(gone.code, 5);
      // The id sequence continues: a new resource does not reuse an id handed out before the crash.
      const [again] = await second.jobs.createCustomJob({ parent: US, customJob: { ...job, name: undefined, displayName: 'next' } });
      assert.notEqual(again.name, job.name);
      assert.ok(![job.name, endpoint.name].includes(String(again.name)));
    } finally {
      await stop(second, 'SIGKILL');
    }
  });

  it('compacts into a snapshot on SIGTERM, and starts from it', async () => {
    const first = await start(dir, '--operation-delay-ms', '0');
    const [operation] = await first.endpoints.createEndpoint({ parent: US, endpoint: { displayName: 'compacted' } });
    const [endpoint] = await operation.promise();
    assert.ok(statSync(join(dir, 'journal.jsonl')).size > 0, 'the create is journaled before it is answered');
    assert.equal(await stop(first, 'SIGTERM'), 0);
    assert.equal(statSync(join(dir, 'journal.jsonl')).size, 0);
    assert.ok(readFileSync(join(dir, 'snapshot.json'), 'utf8').includes(String(endpoint.name)));

    const second = await start(dir, '--seed', 'empty');
    try {
      const [got] = await second.endpoints.getEndpoint({ name: endpoint.name });
      assert.equal(got.displayName, 'compacted');
      const [all] = await second.endpoints.listEndpoints({ parent: US }, { autoPaginate: false });
      assert.ok(all.length > 1, 'the data dir keeps the seed it was created with');
    } finally {
      await stop(second, 'SIGKILL');
    }
  });

  it('drops a torn last journal line and fails operations the crash interrupted', async () => {
    const first = await start(dir, '--operation-delay-ms', '60000');
    const [operation] = await first.endpoints.createEndpoint({ parent: US, endpoint: { displayName: 'interrupted' } });
    await stop(first, 'SIGKILL');
    appendFileSync(join(dir, 'journal.jsonl'), '{"seq":99,"changes":[{"part":"store","entry":{"put":"projects/1');

    const second = await start(dir);
    try {
      const op = (await second.endpoints.checkCreateEndpointProgress(String(operation.name))).latestResponse;
      assert.equal(op.done, true);
      assert.equal(op.error?.code, 10);
      assert.match(String(op.error?.message), /restarted before this operation finished/);
      const [all] = await second.endpoints.listEndpoints({ parent: US }, { autoPaginate: false });
      assert.ok(!all.some((e) => e.displayName === 'interrupted'));
      assert.ok(readFileSync(join(dir, 'journal.jsonl'), 'utf8').endsWith('\n'), 'the torn line was cut off');
    } finally {
      await stop(second, 'SIGKILL');
    }
  });
});

describe('emulator: persistence internals', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'vgo-data-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** A toy part as BigQuery or Storage would plug in: a list of strings. */
  const listPart = (key: string) => {
    const items: string[] = [];
    const part: PersistentPart = {
      key,
      snapshot: () => [...items],
      restore: (snapshot) => items.splice(0, items.length, ...(snapshot as string[])),
      replay: (entry) => void items.push(entry as string),
    };
    return { items, part };
  };

  it('restores the seeded demo exactly as it was first written', () => {
    const storeJson = (state: ReturnType<typeof createState>) => JSON.stringify([...state.store.all()]);
    const first = createState({ dataDir: dir });
    const written = storeJson(first);
    first.durable?.close();
    const second = createState({ dataDir: dir, seed: 'empty', now: () => new Date('2030-01-01T00:00:00Z') });
    assert.equal(storeJson(second), written);
    assert.equal(second.seed, 'demo');
    second.durable?.close();
  });

  it('keeps restarts bounded: after 10,000 writes the journal is short and the state intact', async function () {
    this.timeout(120_000);
    const first = createState({ dataDir: dir, operationDelayMs: 0 });
    const endpoints = [...first.store.all()].map(([name]) => name).filter((name) => /\/endpoints\/[^/]+$/.test(name));
    const durable = first.durable!;
    const journal = join(dir, 'journal.jsonl');
    let longest = 0;
    // 10,000 in-place updates, as handlers make them, 20 to a request (one fsync each).
    for (let request = 0; request < 500; request++) {
      await durable.request(true, async () => {
        for (let i = 0; i < 20; i++) {
          const n = request * 20 + i;
          first.store.get(endpoints[n % endpoints.length])!.data.displayName = `write-${n}`;
        }
      });
      longest = Math.max(longest, readFileSync(journal, 'utf8').split('\n').filter(Boolean).length);
    }
    const snapshotBytes = statSync(join(dir, 'snapshot.json')).size;
    const lineBytes = statSync(journal).size / Math.max(1, readFileSync(journal, 'utf8').split('\n').filter(Boolean).length);
    assert.ok(longest * lineBytes <= Math.max(MIN_COMPACT_BYTES, snapshotBytes) + 2 * lineBytes, `the journal was compacted (at most ${longest} lines)`);
    assert.ok(longest < 100, `at most ${longest} of 500 lines`);
    first.operations.close(); // crash: no close(), no compaction at shutdown

    const started = performance.now();
    const second = createState({ dataDir: dir, operationDelayMs: 0 });
    const restartMs = performance.now() - started;
    try {
      for (const [k, name] of endpoints.entries()) {
        const last = 9_999 - ((9_999 - k) % endpoints.length);
        assert.equal(second.store.get(name)?.data.displayName, `write-${last}`, name);
      }
      assert.ok(restartMs < 10_000, `restart took ${restartMs.toFixed(0)} ms`);
    } finally {
      second.operations.close();
      second.durable?.close();
    }
  });

  it('compacts when the journal grows, keeping the state of parts registered later', () => {
    const first = new DurableState(dir, 'demo', 200);
    const a = listPart('a');
    const recordA = first.register(a.part);
    first.initialize();
    for (let i = 0; i < 20; i++) {
      a.items.push(`item-${i}`);
      recordA(`item-${i}`);
      first.commit();
    }
    assert.ok(statSync(join(dir, 'journal.jsonl')).size <= 200, 'compacted into the snapshot');
    const late = listPart('late');
    first.register(late.part)('kept');
    first.commit();
    // Crash: no close(). The next start replays; a part not registered this time keeps its entries.
    const second = new DurableState(dir, 'demo', 200);
    const a2 = listPart('a');
    second.register(a2.part);
    assert.deepEqual(a2.items, a.items);
    second.compact();
    const third = new DurableState(dir, 'demo', 200);
    const late3 = listPart('late');
    third.register(late3.part);
    assert.deepEqual(late3.items, ['kept']);
    third.close();
  });
});
