// The Drift and Explainability panels in real VS Code, against an emulator started here
// (short jobs, fresh logs): what the host sends the webviews, and the webview's own
// render time for 200 features × 365 days.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DEMO_IDS, US } from '@vertex-genai-ops/emulator/seeds/demoIds';
import { DEMO_FRAUD_MONITOR } from '@vertex-genai-ops/emulator/seeds/demoMonitoring';
import type { DriftPanel } from '../../src/features/drift/driftPanel';
import type { ExplainPanel } from '../../src/features/explain/explainPanel';
import type { DriftHostMessage, DriftView } from '../../src/features/drift/protocol';
import type { ExplainHostMessage, ExplanationView } from '../../src/features/explain/protocol';
import { recordBench } from '../support/bench';
import { useEmulator, waitFor } from './helpers';

const D = DEMO_IDS.deployedModels;
const CHURN = `${US}/endpoints/${DEMO_IDS.endpoints.churnScoring}`;
const SUPPORT = `${US}/endpoints/${DEMO_IDS.endpoints.supportBotProd}`;
const GEMMA = `${US}/endpoints/${DEMO_IDS.endpoints.gemmaLoraGpu}`;
const CLASSIFIER = `${US}/models/${DEMO_IDS.models.churnClassifier}`;
const endpointNode = (name: string, deployed: { id: string; model: string; modelVersionId: string }[]) => ({
  type: 'resource',
  kind: 'endpoint',
  value: { name, deployedModels: deployed.map((d) => ({ ...d, displayName: d.id, trafficPercent: 50 })) },
});

function lastView(sent: readonly DriftHostMessage[], since = 0): DriftView | undefined {
  return sent.slice(since).filter((m): m is Extract<DriftHostMessage, { type: 'view' }> => m.type === 'view').at(-1)?.view;
}

describe('drift and explainability panels', function () {
  this.timeout(180_000);
  const emulator = useEmulator({ seed: 'demo', operationDelayMs: 50, tokenDelayMs: 0, jobDurationMs: 200 });

  it('drift: opens on the endpoint model’s monitor, and an alert appears after the traffic generator shifts the inputs', async () => {
    const panel = (await vscode.commands.executeCommand('vertexGenAi.openDrift', endpointNode(CHURN, [{ id: D.churnV1, model: CLASSIFIER, modelVersionId: '1' }]))) as DriftPanel;
    const sources = await waitFor('the sources', () => panel.probe.posted.find((m) => m.type === 'sources'));
    assert.equal(sources.type === 'sources' && sources.selected, DEMO_FRAUD_MONITOR);
    const before = await waitFor('the monitor view', () => lastView(panel.probe.posted));
    assert.equal(before.monitor, true);
    assert.ok(before.series.length > 0, 'the seeded daily jobs already have statistics');

    const shiftedAt = Date.now();
    const traffic = await fetch(`${emulator.url}/_emulator/traffic`, { method: 'POST', body: JSON.stringify({ endpoint: DEMO_IDS.endpoints.churnScoring, requests: 300, shift: 1 }) });
    assert.equal(traffic.status, 200);
    const mark = panel.probe.posted.length;
    await panel.probe.receive({ type: 'runJob' });
    const after = await waitFor('the view after the job', () => lastView(panel.probe.posted, mark));
    assert.ok(!panel.probe.posted.slice(mark).some((m) => m.type === 'error'), JSON.stringify(panel.probe.posted.slice(mark).filter((m) => m.type === 'error')));
    assert.deepEqual(after.series.map((s) => s.feature).sort(), ['amount', 'card_present', 'distance_from_home_km', 'hour_of_day', 'merchant_category']);
    // Alerts of the job just run (the seeded history has its own, older ones).
    const alerted = new Set(after.alerts.filter((a) => Date.parse(a.time) >= shiftedAt - 1000).map((a) => a.feature));
    assert.ok(alerted.has('amount') && alerted.has('distance_from_home_km'), [...alerted].join(','));
    const amount = after.series.find((s) => s.feature === 'amount');
    assert.ok(amount?.points.at(-1)?.anomaly && (amount.points.at(-1)?.score ?? 0) > (amount.threshold ?? 1));
    // The histogram behind a point: baseline and current over the same buckets.
    await panel.probe.receive({ type: 'feature', feature: 'amount' });
    const histogram = await waitFor('the amount histogram', () => panel.probe.posted.filter((m) => m.type === 'histogram').find((m) => m.type === 'histogram' && m.histogram.feature === 'amount'));
    const h = histogram.type === 'histogram' ? histogram.histogram : undefined;
    assert.equal(h?.baseline?.histogram?.buckets.length, h?.current?.histogram?.buckets.length);
  });

  it('drift: a generative endpoint’s log, computed in BigQuery per day against a baseline week', async () => {
    const panel = (await vscode.commands.executeCommand('vertexGenAi.openDrift')) as DriftPanel;
    const mark = panel.probe.posted.length;
    await panel.probe.receive({ type: 'select', source: `log:${SUPPORT}` });
    const view = await waitFor('the log view', () => lastView(panel.probe.posted, mark));
    assert.match(view.note ?? '', /Computed in BigQuery/);
    assert.deepEqual(view.series.map((s) => s.feature).sort(), ['language', 'outcome', 'prompt_length', 'prompt_tokens', 'response_length', 'response_tokens', 'vocabulary']);
    assert.ok(view.series.every((s) => s.points.length >= 5 && s.threshold !== undefined));
  });

  it('drift: the webview renders 200 features × 365 days within 250 ms', async () => {
    const panel = (await vscode.commands.executeCommand('vertexGenAi.openDrift')) as DriftPanel;
    await waitFor('the webview to be ready', () => panel.probe.received.find((m) => m.type === 'ready'));
    const result = await panel.bench(200, 365);
    console.log(`drift render: ${result.features} features × 365 days (${result.points} points): median of 3 ${result.ms.toFixed(1)} ms, first ${result.firstMs.toFixed(1)} ms`);
    recordBench({ driftRenderMs: result.ms });
    assert.equal(result.points, 73_000);
    assert.ok(result.ms < 250, `${result.ms} ms`);
  });

  it('explain: the same transaction against two deployed versions; attributions sum to prediction minus baseline', async () => {
    const panel = (await vscode.commands.executeCommand('vertexGenAi.explain', endpointNode(CHURN, []))) as ExplainPanel;
    await waitFor('the targets', () => panel.probe.posted.find((m) => m.type === 'targets'));
    const instance = JSON.stringify({ amount: 950, hour_of_day: 2, distance_from_home_km: 300, merchant_category: 'jewelry', card_present: false });
    await panel.probe.receive({ type: 'explain', endpoint: CHURN, instance, deployedModelIds: [D.churnV1, D.churnV2] });
    const results = resultsOf(await waitFor('the explanations', () => panel.probe.posted.find((m) => m.type === 'results')));
    assert.deepEqual(results.map((r) => r.deployedModelId), [D.churnV1, D.churnV2]);
    for (const r of results) {
      assert.equal(r.error, undefined);
      const sum = r.features.reduce((a, f) => a + f.attribution, 0);
      assert.ok(Math.abs(sum - (r.instanceOutput - r.baselineOutput)) < 1e-9, `${sum} vs ${r.instanceOutput - r.baselineOutput}`);
      assert.equal(r.features.find((f) => f.feature === 'amount')?.value, '950');
      assert.ok(r.features.every((f) => f.baseline !== undefined), 'baselines from the model’s explanationSpec');
    }
    assert.notEqual(results[0].instanceOutput, results[1].instanceOutput, 'two versions, two models');
  });

  it('explain: word attributions of a text model; bad JSON is refused before anything is sent', async () => {
    const panel = (await vscode.commands.executeCommand('vertexGenAi.explain')) as ExplainPanel;
    let mark = panel.probe.posted.length;
    await panel.probe.receive({ type: 'explain', endpoint: GEMMA, instance: '{"prompt": "The fox and the grapes"', deployedModelIds: [] });
    const refused = panel.probe.posted.slice(mark).find((m) => m.type === 'error');
    assert.match(refused?.type === 'error' ? refused.message : '', /not valid JSON/);
    mark = panel.probe.posted.length;
    await panel.probe.receive({ type: 'explain', endpoint: GEMMA, instance: '{"prompt": "The fox saw the grapes hanging high"}', deployedModelIds: [] });
    const [r] = resultsOf(await waitFor('the text explanation', () => panel.probe.posted.slice(mark).find((m) => m.type === 'results')));
    assert.deepEqual(r.tokens?.map((t) => t.token), ['The', 'fox', 'saw', 'the', 'grapes', 'hanging', 'high']);
    assert.ok(r.prediction);
  });
});

function resultsOf(message: ExplainHostMessage): readonly ExplanationView[] {
  return message.type === 'results' ? message.results : [];
}
