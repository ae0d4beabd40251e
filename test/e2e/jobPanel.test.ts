import * as assert from 'node:assert/strict';
import { openContainer, screenshot, useWorkbench } from './workbench';

describe('job panel in the browser', function () {
  this.timeout(180_000);
  const wb = useWorkbench({ 'vertexGenAi.backend': 'emulator' });

  it('opens a tuning job from the command palette and draws its measured loss curves', async () => {
    const { page } = wb;
    await openContainer(page);
    await page.locator('.part.sidebar .monaco-list-row').first().waitFor({ timeout: 60_000 });
    // The palette's job picker (the tree may have scrolled the job out of view).
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget');
    await page.keyboard.type('Vertex GenAI: Open Job Panel');
    await input.locator('.quick-input-list-row', { hasText: 'Open Job Panel' }).first().click();
    await input.locator('.quick-input-list-row', { hasText: 'support-bot-v2' }).first().waitFor({ timeout: 60_000 });
    await page.keyboard.type('support-bot-v2');
    await page.keyboard.press('Enter');

    const webview = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    await webview.locator('h1', { hasText: 'support-bot-v2' }).waitFor({ timeout: 60_000 });
    await webview.locator('figure.chart figcaption', { hasText: 'Loss' }).waitFor({ timeout: 30_000 });
    assert.match(await webview.locator('.timeline').innerText(), /Created[\s\S]*Started[\s\S]*Succeeded/);
    assert.ok(await webview.locator('vscode-button', { hasText: 'Open in Playground' }).isVisible());
    // The chart drew something: its canvas has non-transparent pixels.
    // (Runs in the page: typed loosely, the test bundle has no DOM types.)
    const painted = await webview.locator('figure.chart canvas').first().evaluate((c: any) => { // eslint-disable-line @typescript-eslint/no-explicit-any
      const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height) as { data: Uint8ClampedArray };
      let n = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
      return n;
    });
    assert.ok(painted > 1000, `the loss chart is drawn (${painted} painted pixels)`);
    // A Gemini tuning job logs one point per epoch: the x-axis says so (its 117 tuning steps are not on it).
    assert.equal(await webview.locator('figure.chart canvas').first().getAttribute('aria-label'), 'Loss by epoch');
    await screenshot(page, 'job-panel');
  });

  it('a failed job shows its error and no empty "Training curves" heading', async () => {
    const { page } = wb;
    const input = page.locator('.quick-input-widget');
    // One webview on the page, so the frame below is this job's.
    await page.keyboard.press('F1');
    await page.keyboard.type('View: Close All Editors');
    await input.locator('.quick-input-list-row', { hasText: 'View: Close All Editors' }).first().click();
    await page.locator('iframe.webview').first().waitFor({ state: 'detached', timeout: 20_000 });
    await page.keyboard.press('F1');
    await page.keyboard.type('Vertex GenAI: Open Job Panel');
    await input.locator('.quick-input-list-row', { hasText: 'Open Job Panel' }).first().click();
    await input.locator('.quick-input-list-row', { hasText: 'summarizer-v1' }).first().waitFor({ timeout: 60_000 });
    await page.keyboard.type('summarizer-v1');
    await page.keyboard.press('Enter');
    const webview = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    await webview.locator('h1', { hasText: 'summarizer-v1' }).waitFor({ timeout: 60_000 });
    await webview.locator('[role=alert]', { hasText: 'line 57' }).waitFor({ timeout: 30_000 });
    // The curves request has answered (empty) once the heading is hidden; wait for that, not a fixed time.
    await webview.locator('h2', { hasText: 'Training curves' }).waitFor({ state: 'hidden', timeout: 30_000 });
    assert.equal(await webview.locator('h2:visible', { hasText: 'Training curves' }).count(), 0);
    await screenshot(page, 'job-panel-failed');
  });
});
