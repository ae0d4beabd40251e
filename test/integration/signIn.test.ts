// First contact with Google Cloud in real VS Code: the `cloud` backend with a Google
// sign-in (an ADC file under CLOUDSDK_CONFIG, refreshed at a token endpoint), whose
// requests go to an emulator this test starts (the test API's redirectGoogleApis), so that every
// state is played over real HTTP through the official clients: signed out, signed in,
// an expired token, a revoked sign-in, a 403 in one region, a disabled API, a proxy.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { ViewId } from '../../src/core/contributions';
import { startEmulator, type RunningEmulator } from '@vertex-genai-ops/emulator';
import { extension, waitFor } from './helpers';

interface Row {
  readonly node: unknown;
  readonly label: string;
  readonly item: vscode.TreeItem;
}

const ENV_KEYS = ['CLOUDSDK_CONFIG', 'GOOGLE_APPLICATION_CREDENTIALS'] as const;
const ENDPOINTS = ['churn-scoring', 'gemma-lora-gpu', 'staging-sandbox', 'support-bot-prod'];

describe('sign-in and first contact with Google Cloud', function () {
  this.timeout(120_000);
  let emulator: RunningEmulator;
  let configDir: string;
  const savedEnv: Partial<Record<(typeof ENV_KEYS)[number], string>> = {};
  const config = () => vscode.workspace.getConfiguration('vertexGenAi');
  const api = () => extension().exports;
  const adcFile = () => join(configDir, 'application_default_credentials.json');
  const faults = async (specs: string[]) => {
    const res = await fetch(`${emulator.url}/_emulator/faults`, { method: 'POST', body: JSON.stringify({ faults: specs }), headers: { 'Content-Type': 'application/json' } });
    assert.equal(res.status, 200, await res.clone().text());
  };
  const faultReport = async () => ((await (await fetch(`${emulator.url}/_emulator/faults`)).json()) as { faults: { spec: string; matched: number; hits: number }[] }).faults;
  const signInWithGcloud = (refreshToken: string) =>
    // What `gcloud auth application-default login` writes.
    writeFileSync(adcFile(), JSON.stringify({ type: 'authorized_user', client_id: '32555940559.apps.googleusercontent.com', client_secret: 'test', refresh_token: refreshToken }));

  async function rows(viewId: ViewId, parent?: unknown): Promise<Row[]> {
    const t = api().tree(viewId);
    const nodes = (await t.getChildren(parent)) ?? [];
    return Promise.all(nodes.map(async (node) => ({ node, item: await t.getTreeItem(node), label: String((await t.getTreeItem(node)).label) })));
  }
  const labels = async (viewId: ViewId, parent?: unknown) => (await rows(viewId, parent)).map((r) => r.label).sort();
  const refreshAll = () => vscode.commands.executeCommand('vertexGenAi.refresh');

  before(async () => {
    emulator = await startEmulator({ seed: 'demo' });
    configDir = mkdtempSync(join(tmpdir(), 'vgo-gcloud-'));
    for (const key of ENV_KEYS) savedEnv[key] = process.env[key];
    // The extension host is this process: the extension reads these when it looks for credentials.
    process.env.CLOUDSDK_CONFIG = configDir;
    delete process.env.GOOGLE_APPLICATION_CREDENTIALS;
    await vscode.commands.executeCommand('workbench.view.extension.vertexGenAi');
    await waitFor('the extension to activate', () => extension().isActive);
    api().redirectGoogleApis(emulator.url);
  });
  after(async () => {
    for (const key of ['backend', 'project', 'regions', 'keyFile']) await config().update(key, undefined, vscode.ConfigurationTarget.Global);
    await vscode.workspace.getConfiguration('http').update('proxy', undefined, vscode.ConfigurationTarget.Global);
    api().redirectGoogleApis(undefined);
    for (const key of ENV_KEYS) {
      if (savedEnv[key] === undefined) delete process.env[key];
      else process.env[key] = savedEnv[key];
    }
    await emulator?.close();
    rmSync(configDir, { recursive: true, force: true });
  });
  afterEach(() => faults([]));

  it('signed out is one state; a gcloud sign-in is noticed and the views load by themselves', async () => {
    await faults(['path=/token,latency=0']);
    await config().update('project', 'genai-demo', vscode.ConfigurationTarget.Global);
    await config().update('backend', 'cloud', vscode.ConfigurationTarget.Global);
    await waitFor('the signed-out state', () => api().signedOut());
    for (const view of ['vertexGenAi.datasets', 'vertexGenAi.tuningJobs', 'vertexGenAi.registry', 'vertexGenAi.endpoints'] as const) {
      assert.deepEqual(await rows(view), [], `${view}: no error rows, so its signed-out welcome view shows`);
    }
    const welcome = (await import('../../package.json')).contributes.viewsWelcome.find((w) => w.view === 'vertexGenAi.datasets' && w.when.includes('vertexGenAi.signedOut && !'));
    assert.ok(welcome, 'a signed-out welcome view for Datasets');

    signInWithGcloud('first-sign-in');
    await waitFor('the sign-in to be noticed', () => !api().signedOut());
    const endpoints = await waitFor('the endpoints to load', async () => {
      const l = await labels('vertexGenAi.endpoints');
      return l.length === ENDPOINTS.length ? l : undefined;
    });
    assert.deepEqual(endpoints, ENDPOINTS);
    assert.ok((await faultReport())[0].matched >= 1, 'the access token came from the token endpoint (a refresh of the ADC refresh token)');
  });

  it('an expired token is refreshed once through the auth library, and nothing else changes', async () => {
    await faults(['method=*ListEndpoints,error=401,times=1', 'path=/token,latency=0']);
    await refreshAll();
    await waitFor('the 401 to be answered', async () => (await faultReport())[0].hits === 1);
    await waitFor('the token refresh', async () => (await faultReport())[1].matched >= 1);
    await new Promise((r) => setTimeout(r, 300));
    assert.deepEqual(await labels('vertexGenAi.endpoints'), ENDPOINTS, 'the same endpoints, no error row');
    assert.equal(api().signedOut(), false);
  });

  it('a revoked sign-in keeps what is shown, and a new sign-in reloads it', async () => {
    await faults(['method=google.cloud.aiplatform.*,error=401', 'path=/token,error=401']);
    await refreshAll();
    await waitFor('the signed-out state', () => api().signedOut());
    assert.deepEqual(await labels('vertexGenAi.endpoints'), ENDPOINTS, 'what was on screen stays');

    await faults(['method=*ListEndpoints,latency=0']);
    signInWithGcloud('second-sign-in');
    await waitFor('the new sign-in to be noticed', () => !api().signedOut());
    await waitFor('the endpoints to reload', async () => (await faultReport())[0].matched >= 1);
    assert.deepEqual(await labels('vertexGenAi.endpoints'), ENDPOINTS);
  });

  it('a 403 in one region names the permission and its role, and the other region keeps its items', async () => {
    await faults(['path=/v1/projects/genai-demo/locations/europe-west4/,error=403']);
    await config().update('regions', ['us-central1', 'europe-west4'], vscode.ConfigurationTarget.Global);
    const regions = await waitFor('region groups', async () => {
      const r = await rows('vertexGenAi.endpoints');
      return r.length === 2 ? r : undefined;
    });
    const us = await waitFor('us-central1 endpoints', async () => {
      const l = (await rows('vertexGenAi.endpoints', regions[0].node)).map((r) => r.label).sort();
      return l.length === ENDPOINTS.length ? l : undefined;
    });
    assert.deepEqual(us, ENDPOINTS);
    const eu = await rows('vertexGenAi.endpoints', regions[1].node);
    assert.equal(eu.length, 1);
    assert.equal(
      eu[0].label,
      'Permission denied: your account lacks `aiplatform.endpoints.list`, which the role Vertex AI Viewer (roles/aiplatform.viewer) grants; ask a project owner to grant it, or choose another project.',
    );
    assert.equal(api().signedOut(), false, 'a 403 is not a sign-out');
    const datasets = await rows('vertexGenAi.datasets');
    assert.ok(datasets.length > 0, 'the other trees keep loading');
    await config().update('regions', undefined, vscode.ConfigurationTarget.Global);
  });

  it('a disabled API says so and links the console page that enables it', async () => {
    await faults(['method=google.cloud.aiplatform.v1.ModelService.*,error=403,reason=SERVICE_DISABLED']);
    await waitFor('one region', () => config().get<string[]>('regions')?.length === 1);
    await refreshAll();
    const models = await waitFor('the registry error row', async () => {
      const r = await rows('vertexGenAi.registry');
      return r.length === 1 && r[0].item.contextValue === 'vertexGenAi.error' ? r : undefined;
    });
    assert.equal(models[0].label, 'Vertex AI API is not enabled in project genai-demo: enable it in the Cloud console, wait a minute, then retry.');
    assert.equal(models[0].item.command?.command, 'vscode.open');
    assert.equal((models[0].item.command?.arguments?.[0] as vscode.Uri).toString(true), 'https://console.developers.google.com/apis/api/aiplatform.googleapis.com/overview?project=genai-demo');
    assert.deepEqual(await labels('vertexGenAi.endpoints'), ENDPOINTS, 'other services keep their items');
  });

  it('requests go through the proxy in http.proxy', async () => {
    const proxy = await recordingProxy();
    try {
      await vscode.workspace.getConfiguration('http').update('proxy', proxy.url, vscode.ConfigurationTarget.Global);
      await waitFor('requests through the proxy', async () => {
        await refreshAll();
        return proxy.tunnels.some((t) => t === new URL(emulator.url).host) && (await labels('vertexGenAi.endpoints')).length === ENDPOINTS.length;
      });
      assert.deepEqual(await labels('vertexGenAi.endpoints'), ENDPOINTS);
    } finally {
      await vscode.workspace.getConfiguration('http').update('proxy', undefined, vscode.ConfigurationTarget.Global);
      proxy.server.close();
    }
  });
});

/** An HTTP proxy on loopback that records the host:port of every CONNECT tunnel it opens. */
async function recordingProxy(): Promise<{ server: Server; url: string; tunnels: string[] }> {
  const tunnels: string[] = [];
  const server = createServer((_req, res) => res.writeHead(405).end());
  server.on('connect', (req, client, head) => {
    const target = req.url ?? '';
    tunnels.push(target);
    const [host, port] = target.split(':');
    const upstream = connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client).pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, tunnels };
}
