import * as assert from 'node:assert/strict';
import { openContainer, screenshot, useWorkbench } from './workbench';

describe('context picker', function () {
  this.timeout(180_000);
  const wb = useWorkbench({ 'vertexGenAi.backend': 'emulator' });

  it('switches project from the status bar through the real quick input', async () => {
    const { page } = wb;
    await openContainer(page);
    const sidebar = page.locator('.part.sidebar');
    await sidebar.locator('.monaco-list-row', { hasText: 'support-bot-prod' }).first().waitFor({ timeout: 60_000 });

    await page.locator('.part.statusbar', { hasText: 'emulator · genai-demo' }).locator('a, .statusbar-item-label').filter({ hasText: 'emulator · genai-demo' }).first().click();
    const input = page.locator('.quick-input-widget');
    await input.locator('.quick-input-list-row', { hasText: 'Project: genai-demo' }).click();
    // The project list comes from Cloud Resource Manager (served by the emulator).
    await input.locator('.quick-input-list-row', { hasText: 'genai-sandbox' }).waitFor({ timeout: 20_000 });
    await page.keyboard.type('genai-sandbox');
    await page.keyboard.press('Enter');

    await page.locator('.part.statusbar', { hasText: 'emulator · genai-sandbox · us-central1' }).waitFor({ timeout: 20_000 });
    await sidebar.getByText('No endpoints in this project and region.').waitFor({ timeout: 30_000 });
    assert.equal(await sidebar.locator('.monaco-list-row', { hasText: 'support-bot-prod' }).count(), 0);
    await screenshot(page, 'context-picker-empty-project');
  });
});
