// The deploy flow and the traffic split editor typed into the real quick input in
// Chromium, from the Model Registry's context menu and the command palette.
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { openContainer, runContextMenuItem, screenshot, useWorkbenchOnDemo } from './workbench';

function row(page: Page, view: string, name: string) {
  return page.locator('.part.sidebar .pane', { has: page.locator('.pane-header', { hasText: view }) }).locator('.monaco-list-row', { hasText: name }).first();
}

async function retype(page: Page, text: string): Promise<void> {
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

/** The quick input showing exactly this step (titles read "Title (3/12)"). */
function step(page: Page, title: string) {
  const exact = new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\s*\\(\\d+(/\\d+)?\\))?$`);
  return page.locator('.quick-input-widget .quick-input-title', { hasText: exact });
}

async function answer(page: Page, title: string, text?: string, clear = false): Promise<void> {
  await step(page, title).waitFor({ timeout: 60_000 });
  if (text !== undefined) {
    if (clear) await retype(page, text);
    else await page.keyboard.type(text);
  }
  await page.keyboard.press('Enter');
}

describe('deploy and traffic editor (e2e)', function () {
  this.timeout(240_000);
  const wb = useWorkbenchOnDemo();
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await screenshot(wb.page, `deploy-failed-${this.currentTest.title.slice(0, 20).replace(/\W+/g, '-')}`);
  });

  it('types a whole deploy into the quick input, shows the review, and deploys', async () => {
    const { page } = wb;
    await openContainer(page);
    const model = row(page, 'Model Registry', 'churn-classifier');
    await model.waitFor({ timeout: 60_000 });
    await runContextMenuItem(page, model, 'Deploy Model Version…');

    const input = page.locator('.quick-input-widget');
    await answer(page, 'Deploy: regions — one endpoint per region');
    await answer(page, 'Deploy: endpoint', 'New endpoint');
    await answer(page, 'Deploy: name of the new endpoint', 'churn-e2e', true);
    await answer(page, 'Deploy: how the new endpoint is reached');
    await answer(page, 'Deploy: machine and accelerator', 'g2-standard-8');
    await step(page, 'Deploy: replicas, min-max').waitFor();
    await retype(page, '3-1');
    await input.getByText('The maximum (1) must be at least the minimum (3).').waitFor({ timeout: 10_000 });
    await retype(page, '1-2');
    await page.keyboard.press('Enter');
    await answer(page, 'Deploy: autoscaling target', 'duty cycle');
    await answer(page, 'Deploy: autoscaling target value', '70', true);
    await answer(page, 'Deploy: VM provisioning');
    await answer(page, 'Deploy: request-response logging to BigQuery', '0.1', true);
    await answer(page, 'Deploy: BigQuery table for the logs');

    await step(page, 'Deploy: review').waitFor({ timeout: 30_000 });
    await input.locator('.quick-input-list-row', { hasText: 'g2-standard-8 + 1 × NVIDIA_L4' }).waitFor();
    await screenshot(page, 'deploy-review');

    await page.keyboard.press('Enter');
    await page.locator('.notifications-toasts', { hasText: 'Deployed in us-central1.' }).waitFor({ timeout: 60_000 });
    await row(page, 'Endpoints', 'churn-e2e').waitFor({ timeout: 30_000 });
    await screenshot(page, 'deploy-done');
  });

  it('deploys onto a live endpoint with 0% by default, a valid example split, and the split before and after in the review', async () => {
    const { page } = wb;
    await page.keyboard.press('Escape');
    await openContainer(page);
    const model = row(page, 'Model Registry', 'support-bot');
    await model.waitFor({ timeout: 60_000 });
    await runContextMenuItem(page, model, 'Deploy Model Version…');
    const input = page.locator('.quick-input-widget');
    await answer(page, 'Deploy: regions — one endpoint per region');
    await answer(page, 'Deploy: endpoint', 'support-bot-prod');
    await answer(page, 'Deploy: machine and accelerator');
    await answer(page, 'Deploy: replicas, min-max');
    await answer(page, 'Deploy: autoscaling target');
    await answer(page, 'Deploy: VM provisioning');

    await step(page, 'Deploy: traffic for the new deployment').waitFor({ timeout: 30_000 });
    assert.equal(await input.locator('input.input').inputValue(), '0', 'a live endpoint keeps its split unless the person changes it');
    const example = 'new=10, support-bot-v2=81, support-bot-v3-canary=9';
    await input.getByText(`e.g. ${example}`).waitFor({ timeout: 10_000 });
    await retype(page, example);
    await page.keyboard.press('Enter');

    await step(page, 'Deploy: review').waitFor({ timeout: 30_000 });
    await input.locator('.quick-input-list-row', { hasText: 'support-bot-v2=90, support-bot-v3-canary=10' }).waitFor();
    await input.locator('.quick-input-list-row', { hasText: example }).waitFor();
    await screenshot(page, 'deploy-review-split');
    await page.keyboard.press('Escape');
  });

  it('edits a traffic split, refusing one that does not add up to 100 as it is typed', async () => {
    const { page } = wb;
    await page.keyboard.press('F1');
    await page.keyboard.type('Vertex GenAI: Edit Traffic Split');
    await page.locator('.quick-input-widget .quick-input-list-row', { hasText: 'Edit Traffic Split' }).first().waitFor();
    await page.keyboard.press('Enter');
    await answer(page, 'Edit traffic split: endpoint', 'support-bot-prod');
    await answer(page, 'Traffic split');
    const input = page.locator('.quick-input-widget');
    await step(page, 'Traffic split — must add up to 100').waitFor();
    await retype(page, 'support-bot-v2=80, support-bot-v3-canary=10');
    await input.getByText('The split adds up to 90%; it must add up to 100%.').waitFor({ timeout: 10_000 });
    await screenshot(page, 'traffic-editor');
    await retype(page, 'support-bot-v2=80, support-bot-v3-canary=20');
    await page.keyboard.press('Enter');
    await step(page, 'Traffic split: review').waitFor({ timeout: 30_000 });
    await input.locator('.quick-input-list-row', { hasText: 'support-bot-v2=80, support-bot-v3-canary=20' }).waitFor();
    await screenshot(page, 'traffic-review');
    await page.keyboard.press('Enter');
    await page.locator('.part.statusbar', { hasText: 'Traffic split: support-bot-v2=80, support-bot-v3-canary=20' }).waitFor({ timeout: 30_000 });
  });
});
