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

    const item = page.locator('.part.statusbar .statusbar-item', { hasText: 'emulator · genai-demo' }).first();
    // Read out and shown as words, not Markdown asterisks.
    const spoken = (await item.locator('[aria-label]').first().getAttribute('aria-label')) ?? (await item.getAttribute('aria-label')) ?? '';
    assert.match(spoken, /backend emulator, project genai-demo/);
    assert.doesNotMatch(spoken, /\*\*/);
    await item.locator('a, .statusbar-item-label').filter({ hasText: 'emulator · genai-demo' }).first().click();
    const input = page.locator('.quick-input-widget');
    // The picker opens on the current backend, not on the first row.
    await input.locator('.monaco-list-row.focused', { hasText: 'Local emulator' }).waitFor({ timeout: 20_000 });
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

  it('names its panels one way in the palette, and shows the Backend setting', async () => {
    const { page } = wb;
    const input = page.locator('.quick-input-widget');
    await page.keyboard.press('F1');
    await page.keyboard.type('Vertex GenAI: Open ');
    const rows = input.locator('.quick-input-list-row');
    await rows.filter({ hasText: 'Open Job Panel' }).first().waitFor({ timeout: 20_000 });
    const titles = (await rows.allInnerTexts()).map((t) => t.split('\n')[0]);
    for (const panel of ['Monitoring', 'Drift', 'Explanation', 'Job']) assert.ok(titles.some((t) => t.includes(`Open ${panel} Panel`)), `${panel}: ${titles.join(' / ')}`);
    await page.keyboard.press('Escape');

    await page.keyboard.press('F1');
    await page.keyboard.type('Preferences: Open User Settings');
    await rows.filter({ hasText: /^Preferences: Open User Settings$/ }).first().click();
    const editor = page.locator('.settings-editor');
    await editor.waitFor({ timeout: 20_000 });
    await page.keyboard.type('vertexGenAi.');
    const label = editor.locator('.setting-item-contents', { hasText: 'Where requests go' }).first();
    await label.waitFor({ timeout: 20_000 });
    const title = await label.locator('.setting-item-title').innerText();
    // VS Code still prefixes the category it derives from the key ("Vertex Gen Ai"): not fixed yet, see the README's known gaps.
    assert.match(title, /Backend/, title);
    await screenshot(page, 'settings-title');
  });
});
