// The Drift and Explainability panels as a person sees them: opened from the churn-scoring
// endpoint's context menu, against an emulator started here with a week of logged
// traffic whose last two days are shifted.
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { DEMO_IDS } from '@vertex-genai-ops/emulator/seeds/demoIds';
import { startEmulator, type RunningEmulator } from '@vertex-genai-ops/emulator';
import { openContainer, runContextMenuItem, screenshot, useWorkbench } from './workbench';

function endpointRow(page: Page, name: string) {
  return page
    .locator('.part.sidebar .pane', { has: page.locator('.pane-header', { hasText: 'Endpoints' }) })
    .locator('.monaco-list-row', { hasText: name })
    .first();
}

async function fromContextMenu(page: Page, row: string, command: string): Promise<void> {
  await page.keyboard.press('Escape');
  const item = endpointRow(page, row);
  await item.waitFor({ timeout: 60_000 });
  await runContextMenuItem(page, item, command);
}

describe('drift and explain panels (UI)', function () {
  this.timeout(240_000);
  let emulator: RunningEmulator | undefined;
  const settings: Record<string, unknown> = { 'vertexGenAi.backend': 'emulator' };
  before(async () => {
    emulator = await startEmulator({ seed: 'demo', operationDelayMs: 50, tokenDelayMs: 0, jobDurationMs: 200 });
    settings['vertexGenAi.emulator.url'] = emulator.url;
    const traffic = (body: object) => fetch(`${emulator!.url}/_emulator/traffic`, { method: 'POST', body: JSON.stringify({ endpoint: DEMO_IDS.endpoints.churnScoring, ...body }) });
    assert.equal((await traffic({ requests: 1400, shift: 0, days: 7 })).status, 200);
    assert.equal((await traffic({ requests: 1200, shift: 1, days: 2, seed: 2 })).status, 200);
  });
  after(async () => emulator?.close());
  const wb = useWorkbench(settings);

  it('drift labels match the data: opened from support-bot-prod, the picker and the tab name its log, and Run now says why it is off', async () => {
    const { page } = wb;
    await openContainer(page);
    await fromContextMenu(page, 'support-bot-prod', 'Open Drift');
    const webview = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    const why = webview.locator('#run-why');
    await why.waitFor({ state: 'visible', timeout: 150_000 });
    assert.match(await why.innerText(), /^Monitoring jobs run for a Model Monitoring monitor; this view computes drift from the endpoint's request-response log\./);
    assert.equal(await webview.locator('vscode-button#run').getAttribute('disabled'), '');
    assert.equal(await webview.locator('vscode-button#run').getAttribute('title'), await why.innerText());
    assert.equal((await webview.locator('vscode-single-select#source .select-face .text').innerText()).trim(), 'support-bot-prod · request-response log');
    await page.locator('.tabs-container .tab', { hasText: 'Drift: support-bot-prod · request-response log' }).waitFor({ timeout: 10_000 });
  });

  it('drift: feature table, drift of a feature over time against its threshold, baseline vs current', async () => {
    const { page } = wb;
    await openContainer(page);
    await fromContextMenu(page, 'churn-scoring', 'Open Drift');
    const webview = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    // Opened from churn-scoring, the picker names the monitor of that endpoint's model, as the tab does.
    await page.locator('.tabs-container .tab', { hasText: 'Drift: churn-scoring-monitor · us-central1' }).waitFor({ timeout: 150_000 });
    assert.equal((await webview.locator('vscode-single-select#source .select-face .text').innerText()).trim(), 'churn-scoring-monitor · us-central1');
    const amount = webview.locator('#features tr[data-feature="amount"]');
    try {
      await amount.waitFor({ timeout: 150_000 });
    } finally {
      await screenshot(page, 'drift-loading');
    }
    await amount.click();
    await webview.locator('#histogram-title', { hasText: 'amount' }).waitFor({ timeout: 30_000 });
    assert.match(await webview.locator('#trend-title').innerText(), /Drift of amount over time/);
    await page.waitForTimeout(500);
    await screenshot(page, 'drift');
    assert.ok((await webview.locator('#alerts li .codicon-warning').count()) > 0, 'alerts are listed');
  });

  it('explain: the same transaction against both deployed versions, side by side', async () => {
    const { page } = wb;
    await fromContextMenu(page, 'churn-scoring', 'Open Explanation Panel');
    // The Drift panel's webview stays in the page (in a background tab): the newest is ours.
    const webview = page.frameLocator('iframe.webview.ready').last().frameLocator('iframe#active-frame');
    await webview.locator('#versions vscode-checkbox').first().waitFor({ timeout: 60_000 });
    await webview.locator('vscode-textarea#instance textarea').fill(JSON.stringify({ amount: 950, hour_of_day: 2, distance_from_home_km: 300, merchant_category: 'jewelry', card_present: false }, null, 2));
    const boxes = webview.locator('#versions vscode-checkbox');
    for (const i of [0, 1]) {
      await boxes.nth(i).click();
      await webview.locator('#versions vscode-checkbox[checked]').nth(i).waitFor({ timeout: 10_000 });
    }
    await webview.locator('vscode-button#explain').click();
    try {
      await webview.locator('article.result table').nth(1).waitFor({ timeout: 90_000 });
    } finally {
      await screenshot(page, 'explain-loading');
    }
    const figures = await webview.locator('article.result .figures').first().innerText();
    assert.match(figures, /attributions sum to/);
    await page.waitForTimeout(500);
    await screenshot(page, 'explain');
  });
});
