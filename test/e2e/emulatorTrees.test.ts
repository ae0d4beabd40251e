import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { recordBench } from '../support/bench';
import { openContainer, screenshot, useWorkbench, type Workbench } from './workbench';

/** The rows of one view pane of the Vertex GenAI container. */
function rows(page: Page, view: string) {
  return page.locator('.part.sidebar .pane', { has: page.locator('.pane-header', { hasText: view }) }).locator('.monaco-list-row');
}

describe('trees against the emulator', function () {
  this.timeout(180_000);

  describe('with the emulator backend already chosen', () => {
    const wb = useWorkbench({ 'vertexGenAi.backend': 'emulator' });

    it('fills all four trees from the emulator the extension starts', async () => {
      const { page } = wb;
      const opened = Date.now();
      await openContainer(page);
      const expected: [string, string][] = [
        ['Datasets', 'support-chat-sft'],
        ['Tuning Jobs', 'support-bot-v3'],
        ['Model Registry', 'support-bot'],
        ['Endpoints', 'support-bot-prod'],
      ];
      await Promise.all(expected.map(([view, label]) => rows(page, view).filter({ hasText: label }).first().waitFor({ timeout: 60_000 })));
      // From the extension's own log: how long each tree's first listing took from its first request for children.
      // Five listings: the four trees, and BigQuery's datasets in the Datasets tree.
      const listed = await waitForListings(wb.workbench, 5);
      recordBench({ viewToItemsMs: Date.now() - opened, treesLoadMs: Math.max(...listed) });
      await page.locator('.part.statusbar', { hasText: 'emulator · genai-demo · us-central1' }).waitFor({ timeout: 10_000 });
      // A failed job shows its state; a running one its spinning icon.
      await rows(page, 'Tuning Jobs').filter({ hasText: 'failed' }).first().waitFor();
      assert.ok((await rows(page, 'Tuning Jobs').locator('.codicon-sync.codicon-modifier-spin').count()) > 0, 'a running job spins');
      // An endpoint opens onto its deployed models with their share of traffic.
      await rows(page, 'Endpoints').filter({ hasText: 'support-bot-prod' }).first().click();
      await rows(page, 'Endpoints').filter({ hasText: 'support-bot-v2' }).filter({ hasText: '90%' }).waitFor({ timeout: 10_000 });
      await rows(page, 'Endpoints').filter({ hasText: 'support-bot-v3-canary' }).filter({ hasText: '10%' }).waitFor({ timeout: 10_000 });
      await screenshot(page, 'emulator-trees');
    });
  });

  describe('from the welcome view', () => {
    const wb = useWorkbench();

    it('"Try with the local emulator" switches the backend and shows the demo project', async () => {
      const { page } = wb;
      await openContainer(page);
      await page.locator('.part.sidebar').getByRole('button', { name: 'Try with the local emulator' }).last().click();
      await rows(page, 'Endpoints').filter({ hasText: 'support-bot-prod' }).first().waitFor({ timeout: 60_000 });
      assert.equal(await page.locator('.part.sidebar').getByRole('button', { name: 'Connect to Google Cloud' }).count(), 0, 'welcome views are gone');
    });
  });
});

/** Durations of the "Listed N … in X ms" lines the extension logs at debug level. */
async function waitForListings(wb: Workbench, count: number): Promise<number[]> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const found = [...wb.extensionLog().matchAll(/Listed \d+ \w+ in \S+ in (\d+) ms/g)].map((m) => Number(m[1]));
    if (found.length >= count) return found;
    if (Date.now() > deadline) throw new Error(`expected ${count} listings in the extension log:\n${wb.extensionLog()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
