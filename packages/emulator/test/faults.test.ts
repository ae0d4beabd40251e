// Fault injection, seen through the official client and on the wire.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { EndpointServiceClient } from '@google-cloud/aiplatform/build/src/v1/endpoint_service_client';
import { parseFaultSpec } from '../src/faults/faultSpec';
import { US_PARENT, rejection, useEmulator } from './emulatorHarness';

const CLI = process.env.VGO_EMULATOR_JS ?? resolve(__dirname, '../emulator.js');

describe('emulator: fault injection', () => {
  const h = useEmulator();
  let client: EndpointServiceClient;
  before(() => {
    client = new EndpointServiceClient(h.clientOptions());
  });
  after(() => client.close());
  afterEach(async () => {
    await h.fetch('/_emulator/faults', { method: 'DELETE' });
  });

  const setFaults = async (faults: string[], seed?: number) => {
    const res = await h.fetch('/_emulator/faults', { method: 'POST', body: JSON.stringify({ faults, seed }) });
    assert.equal(res.status, 200, await res.clone().text());
    return res.json() as Promise<{ faults: { spec: string; matched: number; hits: number }[] }>;
  };
  const list = () => client.listEndpoints({ parent: US_PARENT, pageSize: 5 }, { autoPaginate: false });
  /** The ErrorInfo detail of a refusal, as the client decodes it. */
  const errorInfo = (err: { statusDetails?: unknown[] }) => {
    const info = (err.statusDetails ?? []).find((d) => (d as { reason?: string }).reason) as { reason: string; metadata: Record<string, string> } | undefined;
    return { reason: info?.reason, permission: info?.metadata.permission };
  };

  it('answers 429 with Retry-After, RESOURCE_EXHAUSTED and RetryInfo, as Vertex words it', async () => {
    await setFaults(['method=*EndpointService.ListEndpoints,error=429,retryAfter=2']);
    const res = await h.fetch(`/v1/${US_PARENT}/endpoints`);
    assert.equal(res.status, 429);
    assert.equal(res.headers.get('retry-after'), '2');
    const body = (await res.json()) as { error: { code: number; status: string; message: string; details: { '@type': string; retryDelay?: string }[] } };
    assert.equal(body.error.status, 'RESOURCE_EXHAUSTED');
    assert.equal(body.error.message, 'Resource exhausted, please try again later.');
    assert.equal(body.error.details.find((d) => d['@type'].endsWith('RetryInfo'))?.retryDelay, '2s');
    const err = await rejection(list());
    assert.equal(err.code, 8);
    const retryInfo = (err.statusDetails ?? []).find((d) => (d as { retryDelay?: unknown }).retryDelay) as { retryDelay: { seconds: unknown } };
    assert.equal(Number(retryInfo.retryDelay.seconds), 2);
  });

  it('answers 503 UNAVAILABLE and 500 INTERNAL in Google’s shape, only for the matching method', async () => {
    await setFaults(['method=*ListEndpoints,error=503', 'method=*GetEndpoint,error=500']);
    assert.equal((await rejection(list())).code, 14);
    const err = await rejection(client.getEndpoint({ name: `${US_PARENT}/endpoints/1` }));
    assert.equal(err.code, 13);
    assert.match(err.message, /Internal error encountered/);
    const models = await h.fetch(`/v1/${US_PARENT}/models`);
    assert.equal(models.status, 200, 'other methods are not hit');
  });

  it('uses the JSON APIs’ errors[] reasons for path-prefix rules (BigQuery, Storage)', async () => {
    await setFaults(['path=/bigquery/v2/,error=429', 'path=/storage/v1/,error=503']);
    const bq = (await (await h.fetch('/bigquery/v2/projects/genai-demo/datasets')).json()) as { error: { code: number; errors: { reason: string }[] } };
    assert.equal(bq.error.code, 429);
    assert.equal(bq.error.errors[0].reason, 'rateLimitExceeded');
    const gcs = (await (await h.fetch('/storage/v1/b?project=genai-demo')).json()) as { error: { code: number; errors: { reason: string }[] } };
    assert.deepEqual([gcs.error.code, gcs.error.errors[0].reason], [503, 'backendError']);
  });

  it('resets the connection: the client sees UNAVAILABLE, and the emulator keeps serving', async () => {
    await setFaults(['method=*ListEndpoints,reset,times=1']);
    assert.equal((await rejection(list())).code, 14);
    const [items] = await list();
    assert.ok(items.length > 0);
  });

  it('draws the same faults for the same seed and request sequence, and spends `times`', async () => {
    const run = async (seed: number) => {
      await setFaults(['method=*ListEndpoints,error=503,rate=0.5'], seed);
      const outcomes: string[] = [];
      for (let i = 0; i < 16; i++) outcomes.push((await h.fetch(`/v1/${US_PARENT}/endpoints?pageSize=1`)).status === 503 ? 'x' : '.');
      return outcomes.join('');
    };
    const first = await run(7);
    assert.equal(await run(7), first);
    assert.notEqual(await run(8), first, 'another seed, another sequence');
    assert.ok(first.includes('x') && first.includes('.'), first);
    const report = await setFaults(['method=*ListEndpoints,error=503,times=2']);
    assert.equal(report.faults[0].hits, 0);
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await h.fetch(`/v1/${US_PARENT}/endpoints?pageSize=1`)).status);
    assert.deepEqual(statuses, [503, 503, 200, 200]);
    const after = (await (await h.fetch('/_emulator/faults')).json()) as { faults: { matched: number; hits: number }[] };
    assert.deepEqual([after.faults[0].matched, after.faults[0].hits], [4, 2]);
  });

  it('plays an expired token (401 ACCESS_TOKEN_EXPIRED) and a revoked refresh token (invalid_grant)', async () => {
    await setFaults(['method=*ListEndpoints,error=401', 'path=/token,error=401']);
    const res = await h.fetch(`/v1/${US_PARENT}/endpoints`);
    assert.equal(res.status, 401);
    assert.match(res.headers.get('www-authenticate') ?? '', /invalid_token/);
    const body = (await res.json()) as { error: { status: string; details: { reason?: string }[] } };
    assert.equal(body.error.status, 'UNAUTHENTICATED');
    assert.equal(body.error.details[0].reason, 'ACCESS_TOKEN_EXPIRED');
    const token = await h.fetch('/token', { method: 'POST', body: 'grant_type=refresh_token&refresh_token=r', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    assert.equal(token.status, 400);
    assert.deepEqual(await token.json(), { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' });
    await setFaults([]);
    const fresh = await h.fetch('/token', { method: 'POST', body: 'grant_type=refresh_token&refresh_token=r', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    assert.equal(((await fresh.json()) as { token_type: string }).token_type, 'Bearer');
  });

  it('plays IAM_PERMISSION_DENIED per region, naming the permission the method needs', async () => {
    await setFaults(['path=/v1/projects/genai-demo/locations/us-central1/,error=403']);
    const err = await rejection(list());
    assert.equal(err.code, 7);
    assert.equal(err.message, "Permission 'aiplatform.endpoints.list' denied on resource '//aiplatform.googleapis.com/projects/genai-demo/locations/us-central1' (or it may not exist).");
    assert.deepEqual(errorInfo(err), { reason: 'IAM_PERMISSION_DENIED', permission: 'aiplatform.endpoints.list' });
    await setFaults(['path=/v1/projects/genai-demo/locations/us-central1/,error=403,permission=aiplatform.endpoints.predict']);
    const named = await rejection(list());
    assert.match(named.message, /^Permission 'aiplatform\.endpoints\.predict' denied/);
    assert.deepEqual(errorInfo(named), { reason: 'IAM_PERMISSION_DENIED', permission: 'aiplatform.endpoints.predict' });
  });

  it('plays SERVICE_DISABLED with the activation URL', async () => {
    await setFaults(['method=*ListEndpoints,error=403,reason=SERVICE_DISABLED']);
    const err = await rejection(list());
    assert.equal(err.code, 7);
    const info = (err.statusDetails ?? []).find((d) => (d as { reason?: string }).reason) as { reason: string; metadata: Record<string, string> };
    assert.equal(info.reason, 'SERVICE_DISABLED');
    assert.equal(info.metadata.activationUrl, 'https://console.developers.google.com/apis/api/aiplatform.googleapis.com/overview?project=genai-demo');
    assert.deepEqual([info.metadata.serviceTitle, info.metadata.consumer], ['Vertex AI API', 'projects/genai-demo']);
    assert.throws(() => parseFaultSpec('error=500,reason=SERVICE_DISABLED'), /go with error=403/);
    assert.throws(() => parseFaultSpec('error=403,reason=NOPE'), /SERVICE_DISABLED/);
  });

  it('adds latency within the range', async () => {
    await setFaults(['method=*ListEndpoints,latency=150-200']);
    const started = performance.now();
    await list();
    const elapsed = performance.now() - started;
    assert.ok(elapsed >= 150 && elapsed < 1000, `${elapsed} ms`);
  });

  it('fails the operation a request starts: the LRO ends with error, and nothing is created', async () => {
    await setFaults(['method=*CreateEndpoint,operation=fail,error=503']);
    const [operation] = await client.createEndpoint({ parent: US_PARENT, endpoint: { displayName: 'doomed' } });
    const err = await rejection(operation.promise());
    assert.equal(err.code, 14);
    assert.match(err.message, /currently unavailable/);
    const [items] = await client.listEndpoints({ parent: US_PARENT }, { autoPaginate: false });
    assert.ok(!items.some((e) => e.displayName === 'doomed'));
  });

  it('rejects a bad spec on the admin route and keeps the rules it had', async () => {
    await setFaults(['method=*GetEndpoint,error=503']);
    const res = await h.fetch('/_emulator/faults', { method: 'POST', body: JSON.stringify({ faults: ['error=418'] }) });
    assert.equal(res.status, 400);
    assert.match(((await res.json()) as { error: { message: string } }).error.message, /error must be 401, 403, 429, 500, 503/);
    const report = (await (await h.fetch('/_emulator/faults')).json()) as { faults: { spec: string }[] };
    assert.deepEqual(report.faults.map((f) => f.spec), ['method=*GetEndpoint,error=503']);
  });

  it('parses every effect of the documented syntax', () => {
    assert.deepEqual(parseFaultSpec('latency=50-200').effect, { kind: 'latency', minMs: 50, maxMs: 200 });
    assert.deepEqual(parseFaultSpec('method=*StreamGenerateContent,stream=stall,after=3').effect, { kind: 'stream', mode: 'stall', after: 3 });
    assert.ok(parseFaultSpec('method=*ListEndpoints,error=429,rate=0.5,retryAfter=1').method?.test('google.cloud.aiplatform.v1.EndpointService.ListEndpoints'));
    assert.throws(() => parseFaultSpec('error=503,latency=5'), /more than one effect/);
    assert.throws(() => parseFaultSpec('rate=0.5'), /no effect/);
  });

  it('takes faults from --fault flags and VGO_EMULATOR_FAULTS', async () => {
    const child = spawn(process.execPath, [CLI, '--port', '0', '--seed', 'empty', '--fault', 'method=*ListEndpoints,error=503', '--fault-seed', '3'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, VGO_EMULATOR_FAULTS: 'latency=1;path=/v1/projects,error=429' },
    });
    try {
      const url = await new Promise<string>((done, fail) => {
        child.stdout.on('data', (chunk: Buffer) => {
          const m = /listening on (\S+)/.exec(chunk.toString());
          if (m) done(m[1]);
        });
        child.once('exit', (code) => fail(new Error(`exited ${code}`)));
      });
      const report = (await (await fetch(`${url}/_emulator/faults`)).json()) as { seed: number; faults: { spec: string }[] };
      assert.equal(report.seed, 3);
      assert.deepEqual(report.faults.map((f) => f.spec), ['latency=1', 'path=/v1/projects,error=429', 'method=*ListEndpoints,error=503']);
      const res = await fetch(`${url}/v1/projects`, { headers: { Authorization: 'Bearer x' } });
      assert.equal(res.status, 429);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
