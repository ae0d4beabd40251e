// What the emulator's HTTP layer refuses before any route runs: a Host that does not name
// loopback and its port (DNS rebinding), and requests a browser makes from another site
// (an Origin other than the emulator's own, Sec-Fetch-Site cross-site or same-site),
// the /_emulator/* control routes included. The official clients send neither, so they
// keep working.
import * as assert from 'node:assert/strict';
import { request } from 'node:http';
import { EndpointServiceClient } from '@google-cloud/aiplatform/build/src/v1/endpoint_service_client';
import { Storage } from '@google-cloud/storage';
import { US_PARENT, useEmulator } from './emulatorHarness';

interface RawAnswer {
  status: number;
  body: string;
}

/** One request with exactly these headers (fetch would not let a test set Host). */
function raw(port: number, method: string, path: string, headers: Record<string, string>, body = ''): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers: { 'Content-Length': Buffer.byteLength(body), ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const errorOf = (answer: RawAnswer) => (JSON.parse(answer.body) as { error: { code: number; status: string; message: string } }).error;

describe('emulator HTTP hygiene: Host and cross-site requests', () => {
  const h = useEmulator();
  const host = () => `127.0.0.1:${h.emulator.port}`;
  const auth = { Authorization: 'Bearer emulator' };

  it('refuses a Host that is not loopback with its port (DNS rebinding), and serves loopback names', async () => {
    const path = `/v1/${US_PARENT}/endpoints`;
    for (const bad of ['attacker.example', `attacker.example:${h.emulator.port}`, `127.0.0.1:${h.emulator.port + 1}`, `localhost.attacker.example:${h.emulator.port}`, `10.0.0.1:${h.emulator.port}`, `128.0.0.1:${h.emulator.port}`]) {
      const answer = await raw(h.emulator.port, 'GET', path, { ...auth, Host: bad });
      assert.equal(answer.status, 403, bad);
      const error = errorOf(answer);
      assert.equal(error.status, 'PERMISSION_DENIED');
      assert.match(error.message, /Host/);
      assert.doesNotMatch(answer.body, /endpoints\/\d/, 'nothing of the state leaks');
    }
    for (const good of [host(), `localhost:${h.emulator.port}`, `LOCALHOST:${h.emulator.port}`, `[::1]:${h.emulator.port}`, `127.1.2.3:${h.emulator.port}`]) {
      assert.equal((await raw(h.emulator.port, 'GET', path, { ...auth, Host: good })).status, 200, good);
    }
  });

  it('refuses a cross-site text/plain POST that would upload an object to Storage', async () => {
    const upload = '/upload/storage/v1/b/genai-demo-tuning/o?uploadType=media&name=planted.txt';
    const browsers: Record<string, string>[] = [
      { Origin: 'http://attacker.example', 'Sec-Fetch-Site': 'cross-site', 'Sec-Fetch-Mode': 'no-cors' },
      { Origin: 'http://attacker.example' },
      { 'Sec-Fetch-Site': 'cross-site' },
      // Another local server's page (another port) is same-site but not same-origin.
      { Origin: `http://127.0.0.1:${h.emulator.port + 1}`, 'Sec-Fetch-Site': 'same-site' },
      { Origin: 'null' },
    ];
    for (const headers of browsers) {
      const answer = await raw(h.emulator.port, 'POST', upload, { Host: host(), 'Content-Type': 'text/plain', ...headers }, 'planted by a web page');
      assert.equal(answer.status, 403, JSON.stringify(headers));
      assert.equal(errorOf(answer).status, 'PERMISSION_DENIED');
    }
    const storage = new Storage({ apiEndpoint: h.emulator.url, projectId: 'genai-demo' });
    const [exists] = await storage.bucket('genai-demo-tuning').file('planted.txt').exists();
    assert.equal(exists, false, 'no object was written');
  });

  it('refuses a cross-site POST to /_emulator/faults, so later calls keep working', async () => {
    const answer = await raw(h.emulator.port, 'POST', '/_emulator/faults', { Host: host(), 'Content-Type': 'text/plain', Origin: 'http://attacker.example', 'Sec-Fetch-Site': 'cross-site' }, JSON.stringify({ faults: ['error=500'] }));
    assert.equal(answer.status, 403);
    const info = await raw(h.emulator.port, 'GET', '/_emulator/info', { Host: host(), 'Sec-Fetch-Site': 'cross-site' });
    assert.equal(info.status, 403, 'read-only control routes too');
    const faults = (await (await h.fetch('/_emulator/faults')).json()) as { faults: unknown[] };
    assert.deepEqual(faults.faults, []);
    assert.equal((await h.fetch(`/v1/${US_PARENT}/endpoints`)).status, 200);
  });

  it('serves its own origin, a typed-in address, and the official clients (which send no Origin)', async () => {
    const same = await raw(h.emulator.port, 'GET', `/v1/${US_PARENT}/endpoints`, { ...auth, Host: host(), Origin: `http://${host()}`, 'Sec-Fetch-Site': 'same-origin' });
    assert.equal(same.status, 200);
    assert.equal((await raw(h.emulator.port, 'GET', '/_emulator/info', { Host: host(), 'Sec-Fetch-Site': 'none' })).status, 200);
    const [endpoints] = await new EndpointServiceClient(h.clientOptions()).listEndpoints({ parent: US_PARENT });
    assert.ok(endpoints.length > 0);
    const [files] = await new Storage({ apiEndpoint: h.emulator.url, projectId: 'genai-demo' }).bucket('genai-demo-tuning').getFiles();
    assert.ok(files.length > 0);
  });
});
