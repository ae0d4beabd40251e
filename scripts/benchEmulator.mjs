// The emulator's figures for `npm run bench`: requests per second for get, list
// and predict (loopback, bounded in time), operation latency through the official
// client, memory at scale:10000, restart time with --data-dir after 10,000 writes, and a
// BigQuery SELECT 1 beside a runaway query.
// Every load goes to 127.0.0.1 only.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const LOAD_SECONDS = 3;
const CONCURRENCY = 16;

export async function benchEmulator(root, row) {
  const demo = await start(root, ['--seed', 'demo', '--operation-delay-ms', '500']);
  try {
    const us = 'projects/genai-demo/locations/us-central1';
    const headers = { Authorization: 'Bearer bench', 'Content-Type': 'application/json' };
    const endpoints = await (await fetch(`${demo.url}/v1/${us}/endpoints`, { headers })).json();
    const endpoint = endpoints.endpoints.find((e) => e.displayName === 'support-bot-prod').name;
    const tabular = endpoints.endpoints.find((e) => e.displayName === 'churn-scoring').name;
    // A transaction with the features the emulator's fraud classifier was trained on.
    const instance = { amount: 182.5, hour_of_day: 3, distance_from_home_km: 240, merchant_category: 'electronics', card_present: false };
    const rps = async (path, init = {}) => `${(await load(`${demo.url}${path}`, { headers, ...init })).toFixed(0)} req/s`;
    row(`emulator GET endpoint (${CONCURRENCY} concurrent, ${LOAD_SECONDS} s)`, await rps(`/v1/${endpoint}`));
    row('emulator list endpoints, page of 100', await rps(`/v1/${us}/endpoints?pageSize=100`));
    row('emulator predict (tabular classifier)', await rps(`/v1/${tabular}:predict`, { method: 'POST', body: JSON.stringify({ instances: [instance] }) }));
    row('emulator generateContent (n-gram LM, 32 tokens)', await rps(`/v1/${endpoint}:generateContent`, {
      method: 'POST',
      body: JSON.stringify({ contents: [{ role: 'user', parts: [{ text: 'Where is my refund?' }] }], generationConfig: { maxOutputTokens: 32, temperature: 0 } }),
    }));
    row('operation latency: createEndpoint → done, official client (operation delay 500 ms)', `${(await operationLatency(root, demo.port)).toFixed(0)} ms`);
  } finally {
    demo.stop();
  }
  const scale = await start(root, ['--seed', 'scale:10000']);
  try {
    const t = performance.now();
    await fetch(`${scale.url}/v1/projects/genai-demo/locations/us-central1/endpoints?pageSize=100`, { headers: { Authorization: 'Bearer bench' } });
    row('scale:10000 — first page of 100 endpoints', `${(performance.now() - t).toFixed(0)} ms`);
    row('scale:10000 — emulator memory (RSS)', `${(rssKb(scale.pid) / 1024).toFixed(0)} MB`);
  } finally {
    scale.stop();
  }
  await benchRestart(root, row);
  await benchQueryBesideRunaway(root, row);
}

/** BigQuery: a SELECT 1 while a cross join of 300,000 × 300,000 elements runs (median of 5), then the runaway is cancelled. */
export async function benchQueryBesideRunaway(root, row) {
  const emulator = await start(root, ['--seed', 'empty']);
  try {
    const headers = { Authorization: 'Bearer bench', 'Content-Type': 'application/json' };
    const api = `${emulator.url}/bigquery/v2/projects/genai-demo`;
    const query = async (sql, timeoutMs) => {
      const res = await fetch(`${api}/queries`, { method: 'POST', headers, body: JSON.stringify({ query: sql, useLegacySql: false, timeoutMs }) });
      if (!res.ok) throw new Error(`jobs.query: HTTP ${res.status}`);
      return res.json();
    };
    await query('SELECT 1', 10_000);
    const runaway = await query('SELECT COUNT(*) FROM UNNEST(GENERATE_ARRAY(1, 300000)) AS a CROSS JOIN UNNEST(GENERATE_ARRAY(1, 300000)) AS b WHERE a + b = 7', 0);
    if (runaway.jobComplete !== false) throw new Error('the runaway query finished at once');
    const times = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      if (!(await query('SELECT 1', 10_000)).jobComplete) throw new Error('SELECT 1 did not complete');
      times.push(performance.now() - t);
    }
    await fetch(`${api}/jobs/${runaway.jobReference.jobId}/cancel?location=US`, { method: 'POST', headers });
    row('BigQuery SELECT 1 beside a runaway query (median of 5)', `${times.sort((a, b) => a - b)[2].toFixed(0)} ms`, '< 2000 ms');
  } finally {
    emulator.stop();
  }
}

const RESTART_OPERATIONS = 10_000;

/**
 * --data-dir: 10,000 acknowledged writes (1,000 endpoint creations, each with its
 * operation, then 9,000 updates), SIGKILL (no clean-shutdown compaction), then the time
 * from spawning the emulator again to its first answer from the restored state.
 * Run alone: node -e "import('./scripts/benchEmulator.mjs').then((m) => m.benchRestart('.', console.log))"
 */
export async function benchRestart(root, row) {
  const dir = mkdtempSync(join(tmpdir(), 'vgo-bench-data-'));
  try {
    const args = ['--seed', 'demo', '--operation-delay-ms', '0', '--data-dir', dir];
    const first = await start(root, args);
    const us = `${first.url}/v1/projects/genai-demo/locations/us-central1`;
    const headers = { Authorization: 'Bearer bench', 'Content-Type': 'application/json' };
    const send = async (url, method, body) => {
      const res = await fetch(url, { method, headers, body: JSON.stringify(body) });
      if (!res.ok) throw new Error(`${method} ${url}: HTTP ${res.status} ${await res.text()}`);
      return res.json();
    };
    const creates = RESTART_OPERATIONS / 10;
    const created = [];
    await inParallel(creates, async (i) => {
      const op = await send(`${us}/endpoints`, 'POST', { displayName: `restart-${i}` });
      created.push(op.name.replace(/\/operations\/\d+$/, ''));
    });
    await inParallel(RESTART_OPERATIONS - creates, (i) => send(`${first.url}/v1/${created[i % creates]}?updateMask=displayName`, 'PATCH', { displayName: `restart-${i % creates}-v${i}` }));
    const journal = journalLines(dir);
    first.child.kill('SIGKILL');
    await first.exited;
    const restartMs = await firstAnswerMs(root, args);
    // The same start without a data dir: what restoring adds, on a machine of any speed.
    const freshMs = await firstAnswerMs(root, ['--seed', 'demo']);
    row(`restart with --data-dir after ${RESTART_OPERATIONS.toLocaleString('en')} writes, SIGKILL → first answer (journal then: ${journal} lines)`, `${restartMs.toFixed(0)} ms (start without data dir: ${freshMs.toFixed(0)} ms)`, '≤ 1000 ms');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Spawn → listening → first answer, in ms. */
async function firstAnswerMs(root, args) {
  const t = performance.now();
  const emulator = await start(root, args);
  try {
    const res = await fetch(`${emulator.url}/v1/projects/genai-demo/locations/us-central1/endpoints?pageSize=1`, { headers: { Authorization: 'Bearer bench' } });
    if (!res.ok) throw new Error(`first request: HTTP ${res.status}`);
    return performance.now() - t;
  } finally {
    emulator.stop();
    await emulator.exited; // a clean shutdown compacts into the data dir
  }
}

async function inParallel(count, work) {
  let next = 0;
  const worker = async () => {
    while (next < count) await work(next++);
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

function journalLines(dir) {
  try {
    return readFileSync(join(dir, 'journal.jsonl'), 'utf8').split('\n').filter(Boolean).length;
  } catch {
    return 0;
  }
}

function start(root, args) {
  const child = spawn(process.execPath, [join(root, 'dist', 'emulator.js'), '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => {
      const url = d.toString().match(/listening on (http:\/\/\S+)/)?.[1];
      if (url) resolve({ url, port: Number(new URL(url).port), pid: child.pid, child, exited, stop: () => child.kill() });
    });
    const exited = new Promise((done) => child.once('exit', done));
    void exited.then((code) => reject(new Error(`emulator exited with ${code}`)));
  });
}

async function load(url, init) {
  const deadline = performance.now() + LOAD_SECONDS * 1000;
  let done = 0;
  const worker = async () => {
    while (performance.now() < deadline) {
      const res = await fetch(url, init);
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
      done++;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return done / ((performance.now() - started) / 1000);
}

async function operationLatency(root, port) {
  const require = createRequire(join(root, 'package.json'));
  const { EndpointServiceClient } = require('@google-cloud/aiplatform/build/src/v1/endpoint_service_client');
  const { OAuth2Client } = require('google-auth-library');
  const auth = new OAuth2Client();
  auth.setCredentials({ access_token: 'bench', expiry_date: Date.now() + 3_600_000 });
  const client = new EndpointServiceClient({ apiEndpoint: '127.0.0.1', port, protocol: 'http', fallback: true, authClient: auth });
  const t = performance.now();
  const [operation] = await client.createEndpoint({ parent: 'projects/genai-demo/locations/us-central1', endpoint: { displayName: 'bench' } });
  await operation.promise();
  const ms = performance.now() - t;
  await client.close();
  return ms;
}

function rssKb(pid) {
  return Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)[1]);
}
