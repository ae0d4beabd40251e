// The four trees expanded in real VS Code (code-server + Chromium), against an emulator
// this test starts, so it can add a table with nested fields first. Screenshots: trees-*.png.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { startEmulator, type RunningEmulator } from '@vertex-genai-ops/emulator';
import { RESULTS_DIR, openContainer, screenshot, useWorkbench } from './workbench';

const PANES = ['Datasets', 'Tuning Jobs', 'Model Registry', 'Endpoints'];

function pane(page: Page, view: string): Locator {
  return page.locator('.part.sidebar .pane', { has: page.locator('.pane-header', { hasText: view }) });
}
function row(page: Page, view: string, text: string): Locator {
  return pane(page, view).locator('.monaco-list-row', { hasText: text }).first();
}

/** Opens one pane and collapses the others, so the picture shows that tree in full. */
async function only(page: Page, view: string): Promise<void> {
  for (const name of PANES) {
    const header = pane(page, name).locator('.pane-header');
    const expanded = (await header.getAttribute('aria-expanded')) === 'true';
    if (expanded !== (name === view)) await header.click();
  }
}

async function expand(page: Page, view: string, text: string, child: string): Promise<void> {
  const r = row(page, view, text);
  await r.waitFor({ timeout: 60_000 });
  if ((await r.getAttribute('aria-expanded')) !== 'true') await r.click();
  await row(page, view, child).waitFor({ timeout: 30_000 });
}

describe('trees, expanded', function () {
  this.timeout(240_000);
  let emulator: RunningEmulator;
  // Filled in before the workbench starts (hooks run in order), once the port is known.
  const settings: Record<string, unknown> = { 'vertexGenAi.backend': 'emulator' };
  before(async () => {
    emulator = await startEmulator({ seed: 'demo', port: 0 });
    settings['vertexGenAi.emulator.url'] = emulator.url;
    const created = await fetch(`${emulator.url}/bigquery/v2/projects/genai-demo/datasets/genai_demo_data/tables`, {
      method: 'POST',
      headers: { Authorization: 'Bearer e2e', 'Content-Type': 'application/json' },
      body: JSON.stringify({
        tableReference: { projectId: 'genai-demo', datasetId: 'genai_demo_data', tableId: 'support_tickets' },
        schema: {
          fields: [
            { name: 'ticket_id', type: 'STRING', mode: 'REQUIRED' },
            { name: 'customer', type: 'RECORD', fields: [{ name: 'tier', type: 'STRING' }, { name: 'address', type: 'RECORD', fields: [{ name: 'city', type: 'STRING' }, { name: 'country', type: 'STRING' }] }] },
            { name: 'messages', type: 'RECORD', mode: 'REPEATED', fields: [{ name: 'role', type: 'STRING' }, { name: 'text', type: 'STRING' }] },
            { name: 'opened_time', type: 'TIMESTAMP' },
          ],
        },
      }),
    });
    if (!created.ok) throw new Error(await created.text());
  });
  after(() => emulator?.close());
  const wb = useWorkbench(settings);

  it('shows each tree expanded', async () => {
    const { page } = wb;
    await openContainer(page);
    await widenSidebar(page, 640);

    await only(page, 'Datasets');
    await expand(page, 'Datasets', 'genai_demo_data', 'support_tickets');
    await expand(page, 'Datasets', 'support_tickets', 'customer');
    await expand(page, 'Datasets', 'customer', 'address');
    await expand(page, 'Datasets', 'address', 'country');
    await expand(page, 'Datasets', 'fraud_transactions', 'merchant_category');
    await screenshot(page, 'trees-datasets');

    await only(page, 'Tuning Jobs');
    await row(page, 'Tuning Jobs', 'gemma-lora-sweep-t4').waitFor({ timeout: 60_000 });
    await row(page, 'Tuning Jobs', 'summarizer-v1').hover();
    await page.locator('.monaco-hover, .workbench-hover', { hasText: 'Dataset validation failed' }).first().waitFor({ timeout: 10_000 });
    mkdirSync(RESULTS_DIR, { recursive: true });
    await page.screenshot({ path: join(RESULTS_DIR, 'trees-jobs-tooltip.png') });
    await screenshot(page, 'trees-jobs');

    await only(page, 'Model Registry');
    await expand(page, 'Model Registry', 'support-bot', 'v3');
    await expand(page, 'Model Registry', 'churn-classifier', 'v2');
    await screenshot(page, 'trees-registry');

    await only(page, 'Endpoints');
    await expand(page, 'Endpoints', 'support-bot-prod', '90%');
    await expand(page, 'Endpoints', 'churn-scoring', '%');
    await screenshot(page, 'trees-endpoints');
  });
});

/** Drags the sidebar's edge so labels and descriptions are not cut off in the pictures. */
async function widenSidebar(page: Page, width: number): Promise<void> {
  const box = await page.locator('.part.sidebar').boundingBox();
  if (!box) return;
  const x = box.x + box.width + 1;
  await page.mouse.move(x, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + width, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
}
