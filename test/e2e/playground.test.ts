import * as assert from 'node:assert/strict';
import type { FrameLocator, Page } from 'playwright-core';
import { startEmulator, type RunningEmulator } from '../../src/emulator/server';
import { INJECTION_PROMPT, tuneInjectionModel, WINDOW_FLAG } from '../support/injectionModel';
import { openContainer, screenshot, useWorkbench } from './workbench';

function endpointRow(page: Page, name: string) {
  return page
    .locator('.part.sidebar .pane', { has: page.locator('.pane-header', { hasText: 'Endpoints' }) })
    .locator('.monaco-list-row', { hasText: name })
    .first();
}

async function openPlaygroundOn(page: Page, endpoint: string): Promise<FrameLocator> {
  await openContainer(page);
  const row = endpointRow(page, endpoint);
  await row.waitFor({ timeout: 60_000 });
  await row.hover();
  await row.locator('.action-label[aria-label="Open in Playground"]').click();
  const webview = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
  await webview.locator('vscode-single-select#target').waitFor({ timeout: 30_000 });
  return webview;
}

async function ask(webview: FrameLocator, prompt: string): Promise<void> {
  await webview.locator('vscode-textarea#prompt textarea').fill(prompt);
  await webview.locator('vscode-button#send').click();
}

describe('playground', function () {
  this.timeout(180_000);
  const wb = useWorkbench({ 'vertexGenAi.backend': 'emulator' });

  it('streams the answer into the panel as it is generated, then shows its figures', async () => {
    const { page } = wb;
    const webview = await openPlaygroundOn(page, 'support-bot-prod');
    await ask(webview, 'How do I reset my password?');
    // While streaming, the text grows: sample it until the answer is done.
    const streaming = webview.locator('.answer.streaming .answer-text');
    await streaming.waitFor({ timeout: 60_000 });
    const lengths = new Set<number>();
    while ((await webview.locator('.answer.done').count()) === 0) {
      const text = await streaming.first().innerText().catch(() => undefined);
      if (text !== undefined) lengths.add(text.length);
      await page.waitForTimeout(30);
    }
    assert.ok(lengths.size >= 2, `the answer grew while streaming (${[...lengths].join(', ')})`);
    const done = webview.locator('.answer.done');
    const text = (await done.locator('.answer-text').innerText()).trim();
    assert.ok(text.length > 0, 'the answer is empty');
    const figures = await done.locator('.figures').innerText();
    assert.match(figures, /first token \d+ ms · total \d+ ms · [\d.]+ tokens\/s · \d+ prompt tokens · \d+ output tokens · (STOP|MAX_TOKENS)/);
    assert.match(figures, /Safety: hate speech \w+, dangerous content \w+/);
    const received = Number(await done.getAttribute('data-received'));
    const sent = Number(await done.getAttribute('data-sent'));
    assert.ok(sent > 3 && received === sent, `every streamed piece arrived: ${received} of ${sent}`);
    await screenshot(page, 'playground-stream');
  });
});

describe('playground safety', function () {
  this.timeout(180_000);
  let emulator: RunningEmulator;
  const settings: Record<string, unknown> = { 'vertexGenAi.backend': 'emulator' };
  before(async () => {
    emulator = await startEmulator({ seed: 'demo', tokenDelayMs: 5, operationDelayMs: 100 });
    await tuneInjectionModel(emulator.url, 'html-echo');
    settings['vertexGenAi.emulator.url'] = emulator.url;
  });
  after(async () => {
    await emulator?.close();
  });
  const wb = useWorkbench(settings);

  it('renders a model answer carrying <script> and <img onerror> as inert text: nothing executes, no dialog, no request', async () => {
    const { page } = wb;
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    const webview = await openPlaygroundOn(page, 'html-echo');
    await ask(webview, INJECTION_PROMPT);
    const done = webview.locator('.answer.done');
    await done.waitFor({ timeout: 60_000 });
    const answer = done.locator('.answer-text');
    const html = await answer.innerHTML();
    assert.match(await answer.innerText(), /Here it is/, 'the model answered with the payload');
    assert.doesNotMatch(html, /<script|<img|onerror/i, html);
    await page.waitForTimeout(1000); // give any payload the time to fire
    const flag = await answer.evaluate((el, name) => (el.ownerDocument.defaultView as unknown as Record<string, unknown>)[name], WINDOW_FLAG);
    assert.equal(flag, undefined, 'the payload never ran in the webview');
    assert.deepEqual(dialogs, []);
    assert.deepEqual(requests.filter((u) => /\/x$|pwned/.test(u)), [], 'no request for the payload\'s image');
    await screenshot(page, 'playground-safety');
  });
});
