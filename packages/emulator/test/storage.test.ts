// Cloud Storage JSON API through the official @google-cloud/storage client: buckets,
// multipart and resumable uploads, listing with prefix/delimiter, validated downloads,
// and GCS's error answers.
import * as assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Storage } from '@google-cloud/storage';
import { rejection, useEmulator } from './emulatorHarness';

describe('emulator Cloud Storage: buckets and objects', () => {
  const h = useEmulator();
  let storage: Storage;
  let dir: string;

  before(() => {
    // With a custom endpoint the client sends no token (resumable uploads never do), and the emulator takes that.
    storage = new Storage({ apiEndpoint: h.emulator.url, projectId: 'genai-demo' });
    dir = mkdtempSync(join(tmpdir(), 'vgo-storage-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('lists the demo bucket and downloads the seeded tuning data', async () => {
    const [buckets] = await storage.getBuckets();
    assert.deepEqual(buckets.map((b) => b.name), ['genai-demo-data', 'genai-demo-tuning']);
    const [files] = await storage.bucket('genai-demo-tuning').getFiles();
    assert.deepEqual(files.map((f) => f.name), ['bad/train.jsonl', 'support-chat/train.jsonl', 'support-chat/validation.jsonl']);
    const [train] = await storage.bucket('genai-demo-tuning').file('support-chat/train.jsonl').download();
    const lines = train.toString('utf8').trim().split('\n');
    assert.ok(lines.length >= 20);
    assert.deepEqual(Object.keys(JSON.parse(lines[0]) as object), ['contents']);
  });

  it('stores a small (multipart) and a larger (resumable) upload and gives back the same bytes, with GCS hashes', async () => {
    const [bucket] = await storage.createBucket('vgo-uploads', { location: 'us-central1' });
    const [bucketMeta] = await bucket.getMetadata();
    assert.deepEqual([bucketMeta.location, bucketMeta.storageClass, bucketMeta.projectNumber], ['US-CENTRAL1', 'STANDARD', '123456789012']);
    const small = Buffer.from('{"contents":[{"role":"user","parts":[{"text":"hi"}]}]}\n');
    await bucket.file('data/small.jsonl').save(small, { resumable: false, contentType: 'application/jsonl', metadata: { metadata: { source: 'test' } } });
    const large = randomBytes(3 * 1024 * 1024 + 123);
    const path = join(dir, 'large.bin');
    writeFileSync(path, large);
    await bucket.upload(path, { destination: 'data/nested/large.bin', resumable: true });
    const chunked = randomBytes(700 * 1024);
    await bucket.file('data/chunked.bin').save(chunked, { resumable: true, chunkSize: 256 * 1024 });

    for (const [name, bytes] of [['data/small.jsonl', small], ['data/nested/large.bin', large], ['data/chunked.bin', chunked]] as const) {
      const file = bucket.file(name);
      const [downloaded] = await file.download();
      assert.ok(downloaded.equals(bytes), `${name} round-trips`);
      const [meta] = await file.getMetadata();
      assert.equal(meta.size, String(bytes.length));
      assert.equal(meta.md5Hash, createHash('md5').update(bytes).digest('base64'));
      assert.match(String(meta.generation), /^\d{16}$/);
      assert.equal(meta.metageneration, '1');
    }
    const [small2] = await bucket.file('data/small.jsonl').getMetadata();
    assert.equal(small2.contentType, 'application/jsonl');
    assert.deepEqual(small2.metadata, { source: 'test' });
    const [part] = await bucket.file('data/nested/large.bin').download({ start: 10, end: 19 });
    assert.ok(part.equals(large.subarray(10, 20)));
  });

  it('lists with prefix and delimiter: objects at that level, deeper names rolled into prefixes', async () => {
    const bucket = storage.bucket('vgo-uploads');
    const [files, , response] = (await bucket.getFiles({ prefix: 'data/', delimiter: '/', autoPaginate: false })) as unknown as [{ name: string }[], unknown, { prefixes?: string[] }];
    assert.deepEqual(files.map((f) => f.name), ['data/chunked.bin', 'data/small.jsonl']);
    assert.deepEqual(response.prefixes, ['data/nested/']);
    const [page1, next] = (await bucket.getFiles({ prefix: 'data/', maxResults: 2, autoPaginate: false })) as unknown as [{ name: string }[], { pageToken?: string }];
    const [page2] = (await bucket.getFiles({ ...next, autoPaginate: false })) as unknown as [{ name: string }[]];
    assert.deepEqual([...page1, ...page2].map((f) => f.name), ['data/chunked.bin', 'data/nested/large.bin', 'data/small.jsonl']);
  });

  it('answers a missing object, a missing bucket and a non-empty bucket delete as GCS does', async () => {
    const missing = await rejection(storage.bucket('vgo-uploads').file('data/nope.txt').download());
    assert.equal(missing.code, 404);
    assert.equal(missing.message, 'No such object: vgo-uploads/data/nope.txt');
    const noBucket = await rejection(storage.bucket('vgo-nope').getFiles());
    assert.equal(noBucket.code, 404);
    assert.equal(noBucket.message, 'The specified bucket does not exist.');
    const notEmpty = await rejection(storage.bucket('vgo-uploads').delete());
    assert.equal(notEmpty.code, 409);
    assert.equal(notEmpty.message, 'The bucket you tried to delete is not empty.');
    await storage.bucket('vgo-uploads').file('data/small.jsonl').delete();
    const deleted = await rejection(storage.bucket('vgo-uploads').file('data/small.jsonl').getMetadata());
    assert.equal(deleted.code, 404);
    const exists = await rejection(storage.bucket('vgo-uploads').file('data/chunked.bin').save('x', { resumable: false, preconditionOpts: { ifGenerationMatch: 0 } }));
    assert.equal(exists.code, 412);
    await storage.bucket('vgo-uploads').deleteFiles();
    await storage.bucket('vgo-uploads').delete();
    assert.deepEqual((await storage.getBuckets())[0].map((b) => b.name), ['genai-demo-data', 'genai-demo-tuning']);
  });
});
