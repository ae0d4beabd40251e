import * as assert from 'node:assert/strict';
import { DEMO_IDS } from '../src/seeds/demoIds';
import { US_PARENT, useEmulator } from './emulatorHarness';

type ErrorBody = { error: { code: number; message: string; status: string; details?: Record<string, unknown>[] } };

describe('emulator: wire format', () => {
  const h = useEmulator();
  const json = async <T>(path: string, init?: RequestInit & { auth?: boolean }) => {
    const res = await h.fetch(path, init);
    return { status: res.status, type: res.headers.get('content-type'), body: (await res.json()) as T };
  };
  const job = `${US_PARENT}/tuningJobs/${DEMO_IDS.tuningJobs.supportBotV2Succeeded}`;

  it('renders enums as names by default and as numbers with enum-encoding=int', async () => {
    const names = await json<{ state: unknown; supervisedTuningSpec: { hyperParameters: { adapterSize: unknown } } }>(`/v1/${job}`);
    assert.equal(names.type, 'application/json; charset=utf-8');
    assert.equal(names.body.state, 'JOB_STATE_SUCCEEDED');
    assert.equal(names.body.supervisedTuningSpec.hyperParameters.adapterSize, 'ADAPTER_SIZE_FOUR');
    const ints = await json<{ state: unknown }>(`/v1/${job}?$alt=json%3Benum-encoding=int`);
    assert.equal(ints.body.state, 4);
  });

  it('writes int64 as strings, timestamps in RFC 3339 UTC, and camelCase names', async () => {
    type Job = { tuningDataStats: { supervisedTuningDataStats: { tuningDatasetExampleCount: unknown } }; createTime: string };
    const { body } = await json<Job>(`/v1/${job}`);
    assert.equal(typeof body.tuningDataStats.supervisedTuningDataStats.tuningDatasetExampleCount, 'string');
    assert.match(body.createTime, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
    assert.ok('tunedModelDisplayName' in body && !('tuned_model_display_name' in body));
  });

  it('accepts enum numbers and names in requests', async () => {
    const create = (adapterSize: unknown) =>
      json<{ supervisedTuningSpec: { hyperParameters: { adapterSize: unknown } } }>(`/v1/${US_PARENT}/tuningJobs`, {
        method: 'POST',
        body: JSON.stringify({ baseModel: 'gemini-2.0-flash-001', supervisedTuningSpec: { trainingDatasetUri: 'gs://b/t.jsonl', hyperParameters: { adapterSize } } }),
      });
    assert.equal((await create(3)).body.supervisedTuningSpec.hyperParameters.adapterSize, 'ADAPTER_SIZE_EIGHT');
    assert.equal((await create('ADAPTER_SIZE_ONE')).body.supervisedTuningSpec.hyperParameters.adapterSize, 'ADAPTER_SIZE_ONE');
    const bad = await create('ADAPTER_SIZE_HUGE');
    assert.equal(bad.status, 400);
  });

  it('rejects unknown JSON fields with a BadRequest field violation', async () => {
    const { status, body } = await json<ErrorBody>(`/v1/${US_PARENT}/endpoints`, {
      method: 'POST',
      body: JSON.stringify({ displayName: 'x', foo: 1 }),
    });
    assert.equal(status, 400);
    assert.equal(body.error.status, 'INVALID_ARGUMENT');
    assert.equal(body.error.message, `Invalid JSON payload received. Unknown name "foo" at 'endpoint': Cannot find field.`);
    assert.deepEqual(body.error.details, [
      {
        '@type': 'type.googleapis.com/google.rpc.BadRequest',
        fieldViolations: [{ field: 'endpoint', description: body.error.message }],
      },
    ]);
  });

  it('rejects query parameters that bind to no field', async () => {
    const { status, body } = await json<ErrorBody>(`/v1/${US_PARENT}/endpoints?colour=blue`);
    assert.equal(status, 400);
    assert.match(body.error.message, /Unknown name "colour": Cannot bind query parameter/);
  });

  it('answers 401 UNAUTHENTICATED without an Authorization header', async () => {
    const res = await h.fetch(`/v1/${US_PARENT}/endpoints`, { auth: false });
    assert.equal(res.status, 401);
    const body = (await res.json()) as ErrorBody;
    assert.equal(body.error.status, 'UNAUTHENTICATED');
    assert.match(body.error.message, /^Request is missing required authentication credential/);
    assert.equal(body.error.details?.[0].reason, 'CREDENTIALS_MISSING');
    assert.ok(res.headers.get('www-authenticate')?.startsWith('Bearer'));
  });

  it('answers 404 in Google shape for unknown paths and 501 naming routed but unemulated methods', async () => {
    const unknown = await json<ErrorBody>('/v1/nothing/here');
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.error.status, 'NOT_FOUND');
    const predict = await json<ErrorBody>(`/v1/${US_PARENT}/endpoints/${DEMO_IDS.endpoints.supportBotProd}:directRawPredict`, { method: 'POST', body: '{}' });
    assert.equal(predict.status, 501);
    assert.equal(predict.body.error.status, 'UNIMPLEMENTED');
    assert.match(predict.body.error.message, /google\.cloud\.aiplatform\.v1\.PredictionService\.DirectRawPredict/);
  });

  it('treats an unknown project as empty and refuses an unknown region or a malformed name', async () => {
    const empty = await json<object>('/v1/projects/some-other-project/locations/us-central1/endpoints');
    assert.equal(empty.status, 200);
    assert.deepEqual(empty.body, {});
    const region = await json<ErrorBody>('/v1/projects/genai-demo/locations/mars-north1/endpoints');
    assert.equal(region.status, 400);
    assert.match(region.body.error.message, /mars-north1/);
    const malformed = await json<ErrorBody>('/v1/projects/Not_A_Project!/locations/us-central1/endpoints');
    assert.equal(malformed.status, 400);
  });

  it('refuses a page token from another query, and garbage tokens', async () => {
    const first = await json<{ nextPageToken: string }>(`/v1/${US_PARENT}/endpoints?pageSize=1`);
    const other = await json<ErrorBody>(`/v1/${US_PARENT}/endpoints?pageSize=1&filter=labels.env%3Dprod&pageToken=${first.body.nextPageToken}`);
    assert.equal(other.status, 400);
    assert.match(other.body.error.message, /page_token doesn't match/);
    const garbage = await json<ErrorBody>(`/v1/${US_PARENT}/endpoints?pageToken=nope`);
    assert.equal(garbage.body.error.message, 'Invalid page token.');
  });

  it('serves the same resources under /v1beta1', async () => {
    const v1 = await json<{ name: string; etag: string }>(`/v1/${job}`);
    const beta = await json<{ name: string; etag: string }>(`/v1beta1/${job}`);
    assert.equal(beta.status, 200);
    assert.equal(beta.body.name, v1.body.name);
  });

  it('orders by a field, descending', async () => {
    const { body } = await json<{ endpoints: { displayName: string }[] }>(`/v1/${US_PARENT}/endpoints?orderBy=display_name%20desc`);
    const names = body.endpoints.map((e) => e.displayName);
    assert.deepEqual(names, [...names].sort().reverse());
  });
});
