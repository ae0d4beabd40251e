import * as assert from 'node:assert/strict';
import { openContainer, screenshot, useWorkbench } from './workbench';

describe('monitoring panel (e2e)', function () {
  this.timeout(300_000);
  const wb = useWorkbench({ 'vertexGenAi.backend': 'emulator' });

  it('opens from an endpoint\'s context menu and draws the serving metrics of its log', async () => {
    const { page } = wb;
    await openContainer(page);
    const row = page
      .locator('.part.sidebar .pane', { has: page.locator('.pane-header', { hasText: 'Endpoints' }) })
      .locator('.monaco-list-row', { hasText: 'support-bot-prod' })
      .first();
    // The extension starts its own emulator first; on a busy machine that takes a while.
    await row.waitFor({ timeout: 150_000 }).catch(async (err: unknown) => {
      await screenshot(page, 'monitoring-failed');
      throw err;
    });
    await row.click({ button: 'right' });
    const item = page.getByRole('menuitem', { name: 'Open Monitoring' });
    await item.waitFor({ timeout: 30_000 });
    await page.waitForTimeout(300); // the menu settles before it takes a click
    await item.click();
    await page.locator('.context-view .monaco-menu').waitFor({ state: 'hidden', timeout: 10_000 });

    const webview = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    await webview.locator('body[data-metrics="ready"]').waitFor({ timeout: 150_000 }).catch(async (err: unknown) => {
      await screenshot(page, 'monitoring-failed');
      throw err;
    });
    const tiles = await webview.locator('#tiles').innerText();
    assert.match(tiles, /Requests\s+[\d,]+/);
    assert.match(tiles, /Latency p95\s+[\d,]+ ms/);
    assert.equal(await webview.locator('#metrics-problem').isHidden(), true);
    // A drawn chart has non-blank pixels.
    const drawn = await webview.locator('#c-volume').evaluate((element) => {
      type Canvas = { width: number; height: number; getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> } } };
      const canvas = element as unknown as Canvas;
      const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
      let painted = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] > 0) painted++;
      return painted;
    });
    assert.ok(drawn > 1000, `${drawn} painted pixels in the volume chart`);
    await page.keyboard.press('Control+B'); // hide the side bar: the panel gets the width
    await page.waitForTimeout(500);
    await screenshot(page, 'monitoring');
  });
});
