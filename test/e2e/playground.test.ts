import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { openContainer, screenshot, useWorkbench } from './workbench';

function endpointRow(page: Page, name: string) {
  return page
    .locator('.part.sidebar .pane', { has: page.locator('.pane-header', { hasText: 'Endpoints' }) })
    .locator('.monaco-list-row', { hasText: name })
    .first();
}

describe('playground', function () {
  this.timeout(180_000);
  const wb = useWorkbench({ 'vertexGenAi.backend': 'emulator' });

  it('prompts a deployed endpoint from the tree and shows the model\'s answer with its figures', async () => {
    const { page } = wb;
    await openContainer(page);
    const row = endpointRow(page, 'support-bot-prod');
    await row.waitFor({ timeout: 60_000 });
    await row.hover();
    await row.locator('.action-label[aria-label="Open in Playground"]').click();

    const webview = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    await webview.locator('vscode-single-select#target').waitFor({ timeout: 30_000 });
    const prompt = webview.locator('vscode-textarea#prompt textarea');
    await prompt.fill('How do I reset my password?');
    await webview.locator('vscode-button#send').click();
    const answer = webview.locator('article.turn.done .answer');
    await answer.waitFor({ timeout: 60_000 });
    const text = (await answer.innerText()).trim();
    assert.ok(text.length > 0, 'the answer is empty');
    const figures = await webview.locator('article.turn.done .figures').innerText();
    assert.match(figures, /\d+ ms · \d+ prompt tokens · \d+ output tokens/);
    await screenshot(page, 'playground');
  });
});
