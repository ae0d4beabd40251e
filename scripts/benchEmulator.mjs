// The emulator's figures for `npm run bench`: requests per second for get, list
// and predict (loopback, bounded in time), operation latency through the official
// client, memory at scale:10000, and a BigQuery SELECT 1 beside a runaway query.
// Every load goes to 127.0.0.1 only.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
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

function start(root, args) {
  const child = spawn(process.execPath, [join(root, 'dist', 'emulator.js'), '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => {
      const url = d.toString().match(/listening on (http:\/\/\S+)/)?.[1];
      if (url) resolve({ url, port: Number(new URL(url).port), pid: child.pid, stop: () => child.kill() });
    });
    child.on('exit', (code) => reject(new Error(`emulator exited with ${code}`)));
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
