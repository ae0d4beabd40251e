// Hostile request bodies and parameters answer 400 INVALID_ARGUMENT as Google's JSON
// front end does, never a stack overflow or a 500: JSON nested deeper than the limit
// (on Vertex, in a free-form nested field, in generateContent, in a BigQuery table
// schema) and integers beyond their field's range.
import * as assert from 'node:assert/strict';
import { US_PARENT, useEmulator } from './emulatorHarness';

const DEEP = 100_000;
const deepArray = (depth: number) => `${'['.repeat(depth)}1${']'.repeat(depth)}`;
const PUBLISHER = `${US_PARENT}/publishers/google/models/gemini-2.0-flash-001`;

interface GoogleErrorBody {
  error: { code: number; status: string; message: string; details?: { '@type': string; fieldViolations?: { field?: string; description: string }[] }[]; errors?: { reason: string; message: string }[] };
}

describe('emulator: hostile JSON bodies and numbers answer 400', function () {
  this.timeout(20_000);
  const h = useEmulator();

  const post = async (path: string, body: string) => {
    const res = await h.fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
    return { status: res.status, body: (await res.json()) as GoogleErrorBody };
  };

  const assertTooDeep = (answer: { status: number; body: GoogleErrorBody }, what: string) => {
    assert.equal(answer.status, 400, `${what}: ${JSON.stringify(answer.body).slice(0, 300)}`);
    assert.equal(answer.body.error.status, 'INVALID_ARGUMENT', what);
    assert.match(answer.body.error.message, /^Invalid JSON payload received\. .*nest/i, what);
  };

  it('refuses JSON nested 100,000 deep on endpoint create, in a nested field and in generateContent', async () => {
    const create = await post(`/v1/${US_PARENT}/endpoints`, deepArray(DEEP));
    assertTooDeep(create, 'endpoint create');
    assert.equal(create.body.error.details?.[0]['@type'], 'type.googleapis.com/google.rpc.BadRequest');
    assertTooDeep(await post(`/v1/${US_PARENT}/endpoints`, `{"displayName":"deep","labels":{"a":${deepArray(DEEP)}}}`), 'a nested field');
    assertTooDeep(await post(`/v1/${PUBLISHER}:generateContent`, `{"contents":[{"role":"user","parts":[{"functionResponse":{"name":"f","response":{"x":${deepArray(DEEP)}}}}]}]}`), 'generateContent');
    // The emulator still answers afterwards.
    assert.equal((await h.fetch(`/v1/${US_PARENT}/endpoints`)).status, 200);
  });

  it('accepts nesting within the limit', async () => {
    const answer = await post(`/v1/${PUBLISHER}:generateContent`, `{"contents":[{"role":"user","parts":[{"text":"hi"},{"functionResponse":{"name":"f","response":{"x":${deepArray(60)}}}}]}]}`);
    assert.doesNotMatch(JSON.stringify(answer.body), /nest/i);
    assert.notEqual(answer.status, 500);
  });

  it('refuses a BigQuery table schema nested 100,000 deep in BigQuery\'s error shape', async () => {
    const record = '{"name":"r","type":"RECORD","fields":[';
    const schema = `{"fields":[${record.repeat(DEEP)}{"name":"s","type":"STRING"}${']}'.repeat(DEEP)}]}`;
    const body = `{"tableReference":{"projectId":"genai-demo","datasetId":"genai_demo_logs","tableId":"deep"},"schema":${schema}}`;
    const answer = await post('/bigquery/v2/projects/genai-demo/datasets/genai_demo_logs/tables', body);
    assert.equal(answer.status, 400);
    assert.equal(answer.body.error.status, 'INVALID_ARGUMENT');
    assert.equal(answer.body.error.errors?.[0].reason, 'invalid');
    assert.match(answer.body.error.message, /nest/i);
  });

  it('refuses integers beyond their field\'s range, in the body and in parameters', async () => {
    const int32 = await post(`/v1/${US_PARENT}/endpoints`, JSON.stringify({ displayName: 'big split', trafficSplit: { '1': 5_000_000_000 } }));
    assert.equal(int32.status, 400);
    assert.equal(int32.body.error.status, 'INVALID_ARGUMENT');
    assert.match(int32.body.error.message, /TYPE_INT32/);
    const tuning = { baseModel: 'gemini-2.0-flash-001', supervisedTuningSpec: { trainingDatasetUri: 'gs://genai-demo-tuning/support-chat/train.jsonl', hyperParameters: { epochCount: 1e20 } } };
    const int64 = await post(`/v1/${US_PARENT}/tuningJobs`, JSON.stringify(tuning));
    assert.equal(int64.status, 400);
    assert.match(int64.body.error.message, /epoch_?count.*TYPE_INT64/i);
    const page = await h.fetch(`/v1/${US_PARENT}/endpoints?pageSize=99999999999`);
    assert.equal(page.status, 400);
    assert.match(((await page.json()) as GoogleErrorBody).error.message, /TYPE_INT32/);
    // The largest int64 is fine.
    assert.equal((await h.fetch(`/v1/${US_PARENT}/endpoints?pageSize=2147483647`)).status, 200);
  });
});
