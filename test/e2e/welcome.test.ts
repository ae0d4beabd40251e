import * as assert from 'node:assert/strict';
import { openContainer, screenshot, useWorkbench } from './workbench';

describe('first run', function () {
  this.timeout(180_000);
  const wb = useWorkbench();

  it('shows the Vertex GenAI container with four welcome views offering Google Cloud and the emulator', async () => {
    const { page } = wb;
    await openContainer(page);
    const sidebar = page.locator('.part.sidebar');
    for (const title of ['Datasets', 'Tuning Jobs', 'Model Registry', 'Endpoints']) {
      await sidebar.locator('.pane-header', { hasText: title }).first().waitFor({ timeout: 30_000 });
    }
    const connect = sidebar.getByRole('button', { name: 'Connect to Google Cloud' });
    const emulator = sidebar.getByRole('button', { name: 'Try with the local emulator' });
    await connect.nth(3).waitFor({ timeout: 30_000 });
    assert.equal(await connect.count(), 4, 'each of the four views offers "Connect to Google Cloud"');
    assert.equal(await emulator.count(), 4, 'each of the four views offers the emulator');
    const status = page.locator('.part.statusbar', { hasText: 'Vertex: not connected' });
    await status.waitFor({ timeout: 10_000 });
    await screenshot(page, 'welcome-views');
  });
});
