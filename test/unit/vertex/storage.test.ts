// Cloud Storage access through the pool (official @google-cloud/storage client) against
// the emulator: picking tuning JSONL under gs://, and uploading a local file.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClientPool } from '../../../src/vertex/clients';
import { parseError } from '../../../src/vertex/parseError';
import { listBuckets, listObjects, parseGcsUri, uploadFile } from '../../../src/vertex/storage';
import { rejection, useEmulator, trapUnhandledRejections, useFaults } from '@vertex-genai-ops/emulator/harness';

describe('vertex Cloud Storage access (against the emulator)', function () {
  this.timeout(30_000);
  const h = useEmulator();
  let pool: ClientPool;
  let dir: string;
  trapUnhandledRejections();
  before(() => {
    pool = new ClientPool({ backend: 'emulator', project: 'genai-demo', regions: ['us-central1'], emulatorUrl: h.emulator.url });
    dir = mkdtempSync(join(tmpdir(), 'vgo-upload-'));
  });
  after(async () => {
    rmSync(dir, { recursive: true, force: true });
    await pool.dispose();
  });
  const { set: faults, served } = useFaults(h);
  const local = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it('lists buckets, and the JSONL under a prefix one level at a time', async () => {
    const buckets = await listBuckets(pool);
    assert.ok(buckets.items.some((b) => b.name === 'genai-demo-tuning'));
    const top = await listObjects(pool, 'genai-demo-tuning', { delimiter: '/' });
    assert.deepEqual(top.prefixes, ['bad/', 'support-chat/']);
    const chat = await listObjects(pool, 'genai-demo-tuning', { prefix: 'support-chat/' });
    assert.deepEqual(chat.items.map((o) => o.uri), ['gs://genai-demo-tuning/support-chat/train.jsonl', 'gs://genai-demo-tuning/support-chat/validation.jsonl']);
    assert.ok((chat.items[0].size ?? 0) > 1000 && chat.items[0].updated instanceof Date);
    const paged = await listObjects(pool, 'genai-demo-tuning', { pageSize: 1 });
    assert.equal(paged.items.length, 1);
    assert.ok(paged.nextPageToken);
  });

  it('uploads a local file, create-only by default', async () => {
    const path = local('train.jsonl', '{"contents":[{"role":"user","parts":[{"text":"hi"}]},{"role":"model","parts":[{"text":"hello"}]}]}\n');
    const uploaded = await uploadFile(pool, path, 'gs://genai-demo-tuning/uploads/train.jsonl', { contentType: 'application/jsonl' });
    assert.deepEqual([uploaded.uri, uploaded.size], ['gs://genai-demo-tuning/uploads/train.jsonl', statSync(path).size]);
    const listed = await listObjects(pool, 'genai-demo-tuning', { prefix: 'uploads/' });
    assert.deepEqual(listed.items.map((o) => o.name), ['uploads/train.jsonl']);
    const again = await rejection(uploadFile(pool, path, 'gs://genai-demo-tuning/uploads/train.jsonl'));
    assert.equal(parseError(again).code, 'ALREADY_EXISTS');
    assert.match(parseError(again).message, /gs:\/\/genai-demo-tuning\/uploads\/train.jsonl already exists/);
    const replaced = await uploadFile(pool, local('v2.jsonl', '{}\n'), 'gs://genai-demo-tuning/uploads/train.jsonl', { overwrite: true });
    assert.equal(replaced.size, 3);
  });

  it('retries a create-only upload on 503, and never an overwrite', async () => {
    await faults('path=/upload/storage/v1/b/genai-demo-tuning/o,error=503,times=1');
    const path = local('retry.jsonl', '{"a":1}\n');
    await uploadFile(pool, path, 'gs://genai-demo-tuning/uploads/retry.jsonl');
    assert.equal(served(/^POST \/upload\/storage\/v1\/b\/genai-demo-tuning\/o /), 2);
    h.requests.length = 0;
    await faults('path=/upload/storage/v1/b/genai-demo-tuning/o,error=503,times=1');
    const err = await rejection(uploadFile(pool, path, 'gs://genai-demo-tuning/uploads/retry.jsonl', { overwrite: true }));
    assert.equal(parseError(err).code, 'UNAVAILABLE');
    assert.equal(served(/^POST \/upload\/storage\/v1\/b\/genai-demo-tuning\/o /), 1);
  });

  it('retries listings through 429 with Retry-After, and parses gs:// URIs', async () => {
    await faults('path=/storage/v1/b/genai-demo-tuning/o,error=429,retryAfter=1,times=1');
    const started = performance.now();
    const listed = await listObjects(pool, 'genai-demo-tuning', { prefix: 'support-chat/' });
    assert.equal(listed.items.length, 2);
    assert.ok(performance.now() - started >= 1000);
    assert.deepEqual(parseGcsUri('gs://b/a/c.jsonl'), { bucket: 'b', object: 'a/c.jsonl' });
    assert.throws(() => parseGcsUri('/tmp/x'), /Not a Cloud Storage URI/);
  });
});
