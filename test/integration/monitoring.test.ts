// The Monitoring panel in a real VS Code against an emulator started here: the aggregates
// the host posts to the webview equal figures computed from the raw log; the log browser's
// status filter; CSV export; and the "logging is off" state with its action.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { BigQuery } from '@google-cloud/bigquery';
import { OAuth2Client } from 'google-auth-library';
import { DEMO_IDS } from '@vertex-genai-ops/emulator/seeds/demoIds';
import type { HostMessage, LogFilter } from '../../src/features/monitoring/protocol';
import type { MonitoringPanel } from '../../src/features/monitoring/monitoringPanel';
import { useEmulator, waitFor } from './helpers';

const US = 'projects/123456789012/locations/us-central1/endpoints';
const SUPPORT = `${US}/${DEMO_IDS.endpoints.supportBotProd}`;
const EU_BOT = `projects/123456789012/locations/europe-west4/endpoints/${DEMO_IDS.endpoints.euSupportBot}`;

interface Raw {
  id: string;
  t: number;
  deployed: string;
  latency: number;
  status: number;
}

function nearestRank(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p * sorted.length) / 100) - 1)];
}

describe('monitoring panel', function () {
  this.timeout(120_000);
  const emulator = useEmulator({ seed: 'demo', tokenDelayMs: 0 });
  let raw: Raw[];

  before(async () => {
    // Live traffic through the serving path, on top of the seeded history.
    const auth = { Authorization: 'Bearer test', 'Content-Type': 'application/json' };
    const sent = await fetch(`${emulator.url}/_emulator/traffic`, { method: 'POST', headers: auth, body: JSON.stringify({ endpoint: SUPPORT, requests: 20, days: 1 }) });
    assert.equal(sent.status, 200);
    const authClient = new OAuth2Client();
    authClient.setCredentials({ access_token: 'test', expiry_date: Date.now() + 3_600_000 });
    const bq = new BigQuery({ apiEndpoint: emulator.url, projectId: 'genai-demo', authClient });
    const [rows] = await bq.query(`SELECT CAST(request_id AS STRING) AS id, logging_time, deployed_model_id, metadata FROM \`genai-demo.genai_demo_logs.request_response_logging\` WHERE endpoint = '${SUPPORT}'`);
    raw = (rows as Record<string, unknown>[]).map((r) => {
      const metadata = JSON.parse(String(r.metadata)) as { request_latency: number; status_code: number };
      return { id: String(r.id), t: Date.parse((r.logging_time as { value: string }).value), deployed: String(r.deployed_model_id), latency: metadata.request_latency, status: metadata.status_code };
    });
  });

  const open = async (endpoint: string) => {
    const panel = (await vscode.commands.executeCommand('vertexGenAi.openMonitoring', endpoint)) as MonitoringPanel | undefined;
    assert.ok(panel, 'the command returns the panel');
    return panel;
  };
  const next = <T extends HostMessage['type']>(panel: MonitoringPanel, type: T, match: (m: Extract<HostMessage, { type: T }>) => boolean = () => true) =>
    waitFor(`a ${type} message`, () => panel.probe.posted.find((m): m is Extract<HostMessage, { type: T }> => m.type === type && match(m as Extract<HostMessage, { type: T }>)), 60_000);

  it('posts volume, error rate and latency percentiles for a deployed model equal to the raw log’s', async () => {
    const panel = await open(SUPPORT);
    const v2 = DEMO_IDS.deployedModels.supportBotV2;
    await panel.probe.receive({ type: 'metricsFilter', filter: { range: '7d', deployedModelId: v2 } });
    const { metrics } = await next(panel, 'metrics', (m) => m.metrics.filter.range === '7d' && m.metrics.filter.deployedModelId === v2);
    const mine = raw.filter((r) => r.deployed === v2 && r.t >= metrics.startMs && r.t < metrics.endMs);
    assert.ok(mine.length > 100, `${mine.length} requests in 7 days`);
    assert.equal(metrics.summary.requests, mine.length);
    assert.equal(metrics.summary.errors, mine.filter((r) => r.status >= 400).length);
    assert.equal(metrics.summary.p95Ms, nearestRank(mine.map((r) => r.latency), 95));
    assert.equal(metrics.series.reduce((n, p) => n + p.requests, 0), mine.length, 'the buckets add up to the total');
    assert.ok(metrics.series.every((p) => p.t % (metrics.bucketSeconds * 1000) === 0));
  });

  it('browses failed requests only and exports them to CSV', async () => {
    const panel = await open(SUPPORT);
    const filter: LogFilter = { range: '30d', deployedModelId: '', status: 'error' };
    await panel.probe.receive({ type: 'logFilter', filter, page: 0 });
    const { page } = await next(panel, 'logs', (m) => m.page.filter.status === 'error');
    const failed = raw.filter((r) => r.status >= 400).sort((a, b) => b.t - a.t || a.id.localeCompare(b.id));
    assert.ok(failed.length > 0);
    assert.equal(page.totalRows, failed.length);
    assert.deepEqual(page.items.map((i) => i.requestId), failed.slice(0, 50).map((r) => r.id));
    assert.ok(page.items.every((i) => i.statusCode >= 400));

    const file = vscode.Uri.file(join(mkdtempSync(join(tmpdir(), 'vgo-export-')), 'failed.csv'));
    assert.equal(await panel.exportTo(filter, 'csv', file), failed.length);
    const csv = readFileSync(file.fsPath, 'utf8');
    assert.match(csv, /^request_id,logging_time,deployed_model_id,api_method,status_code,latency_ms,request_payload,response_payload,full_request,full_response\r?\n/);
    for (const r of failed) assert.ok(csv.includes(`${r.id},`), `request ${r.id} is exported`);
    await next(panel, 'exported', (m) => m.rows === failed.length);
  });

  it('says when logging is off, with the action that turns it on', async () => {
    const panel = await open(EU_BOT);
    const { problem } = await next(panel, 'problem', (m) => m.what === 'metrics' && m.problem.action?.command === 'enableLogging');
    assert.equal(problem.message, 'Request-response logging is off for this endpoint: enable it to see its traffic here.');
  });
});
