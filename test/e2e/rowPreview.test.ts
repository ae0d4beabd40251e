import * as assert from 'node:assert/strict';
import { openContainer, screenshot, useWorkbench } from './workbench';

describe('row preview', function () {
  this.timeout(180_000);
  const wb = useWorkbench({ 'vertexGenAi.backend': 'emulator' });

  it('opens the million-row table from the command palette and scrolls to its end', async () => {
    const { page } = wb;
    await openContainer(page);
    await page.locator('.part.sidebar .monaco-list-row').first().waitFor({ timeout: 60_000 });

    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget');
    await page.keyboard.type('Vertex GenAI: Preview Rows');
    await input.locator('.quick-input-list-row', { hasText: 'Preview Rows' }).first().click();
    await input.locator('.quick-input-list-row', { hasText: 'genai_demo_data.web_events' }).waitFor({ timeout: 60_000 });
    await page.keyboard.type('web_events');
    await page.keyboard.press('Enter');

    const webview = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    await webview.getByText('1,000,000 rows · 5 columns').waitFor({ timeout: 60_000 });
    await webview.locator('[role=gridcell]', { hasText: 'user-' }).first().waitFor({ timeout: 30_000 });
    const headers = await webview.locator('[role=columnheader]').allInnerTexts();
    assert.deepEqual(headers.map((h) => h.replace(/\s+/g, ' ').trim()), ['event_id INTEGER NOT NULL', 'event_time TIMESTAMP', 'channel STRING', 'latency_ms FLOAT', 'user_id STRING']);

    // To the end, as a user would: focus the grid and press End.
    await webview.locator('#grid [role=gridcell]').first().click();
    await page.keyboard.press('End');
    const last = webview.locator('[role=row]', { has: webview.locator('[role=rowheader]', { hasText: /^1000000$/ }) });
    await last.locator('[role=gridcell]').first().filter({ hasText: '999999' }).waitFor({ timeout: 30_000 });
    // Browsers paint in float32: past 2^24 px rows would be drawn up to 2 px off, overlapping.
    assert.ok((await webview.locator('#grid').evaluate((grid) => grid.scrollHeight)) < 2 ** 24);
    assert.equal(await last.locator('[role=rowheader]').evaluate((el) => el.scrollWidth <= el.clientWidth), true, 'the row number fits');
    const tops = await webview.locator('#body [role=row]').evaluateAll((rows) => rows.map((r) => r.getBoundingClientRect().top));
    assert.ok(tops.slice(1).every((top, i) => top - tops[i] === 22), `row positions: ${tops.join(', ')}`);
    const rendered = await webview.locator('#body [role=row]').count();
    assert.ok(rendered < 200, `${rendered} rows in the DOM`);
    // An anonymous event (every 97th) shows NULL, not an empty cell.
    const nullCells = await webview.locator('[role=gridcell].null').allInnerTexts();
    assert.ok(nullCells.length > 0 && nullCells.every((t) => t === 'NULL'));
    await screenshot(page, 'row-preview');
  });
});
