import * as assert from 'node:assert/strict';
import type { FrameLocator, Page } from 'playwright-core';
import { DEMO_IDS } from '@vertex-genai-ops/emulator/seeds/demoIds';
import { startEmulator, type RunningEmulator } from '@vertex-genai-ops/emulator';
import { CLOBBER_ANSWER, CLOBBER_PROMPT, INJECTION_PROMPT, tuneInjectionModel, WINDOW_FLAG } from '../support/injectionModel';
import { recordBench } from '../support/bench';
import { openContainer, screenshot, useWorkbench, useWorkbenchOnDemo } from './workbench';

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
  const wb = useWorkbenchOnDemo();

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

  it('answers from the target chosen in the real select, by mouse and by keyboard, and names the model that answered', async () => {
    const { page } = wb;
    const webview = await openPlaygroundOn(page, 'support-bot-prod');
    await webview.locator('vscode-button#clear').click();
    const header = webview.locator('.column-pick').first();
    await header.locator('.deployed', { hasText: 'support-bot-v2 90%' }).waitFor({ timeout: 30_000 });
    const select = webview.locator('vscode-single-select#target');

    // Mouse: open the dropdown, click a publisher model.
    await select.click();
    await webview.getByRole('option', { name: /gemini-2\.0-flash-lite-001/ }).first().click();
    await header.locator('.deployed').waitFor({ state: 'detached', timeout: 10_000 });
    await ask(webview, 'How do I reset my password?');
    const first = webview.locator('.answer.done').first();
    await first.waitFor({ timeout: 60_000 });
    assert.equal((await first.locator('.answer-target').innerText()).trim(), 'gemini-2.0-flash-lite-001 · answered by gemini-2.0-flash-lite-001');

    // Keyboard: focus the select, open it with Space, walk down to the open model's endpoint, Enter.
    const labels = await select.locator('vscode-option').allInnerTexts();
    const from = labels.findIndex((l) => l.startsWith('gemini-2.0-flash-lite-001'));
    const to = labels.findIndex((l) => l.startsWith('gemma-lora-gpu'));
    assert.ok(from >= 0 && to >= 0, labels.join(' | '));
    await select.focus();
    await page.keyboard.press('Space');
    // The list opens on the selected option; walk up to the first, then down to the wanted one.
    for (let i = 0; i < from; i++) await page.keyboard.press('ArrowUp');
    for (let i = 0; i < to; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await header.locator('.deployed', { hasText: 'gemma-2b-lora 100%' }).waitFor({ timeout: 10_000 });
    await ask(webview, 'Tell me about the wolf');
    const second = webview.locator('.answer.done').nth(1);
    await second.waitFor({ timeout: 60_000 });
    assert.match((await second.locator('.answer-target').innerText()).trim(), /^gemma-lora-gpu · answered by gemma-2b-lora \(version \d+\)$/);
    await screenshot(page, 'playground-target-switch');

    // Compare offers only targets that can answer a chat prompt: no tabular predict endpoint.
    assert.ok(labels.some((l) => l.includes('· predict')), 'the first picker still offers predict endpoints (JSON instances)');
    await webview.locator('vscode-button#compare').click();
    const compared = webview.locator('vscode-single-select#target-2');
    await compared.waitFor({ timeout: 10_000 });
    const offered = await compared.locator('vscode-option').allInnerTexts();
    assert.ok(offered.length > 1 && offered.every((l) => !l.includes('· predict')), offered.join(' | '));
    assert.ok(!(await compared.evaluate((el) => (el as unknown as { value: string }).value)).includes(`/endpoints/${DEMO_IDS.endpoints.churnScoring}`));
  });
});

describe('playground on a model tuned for the test', function () {
  this.timeout(180_000);
  let emulator: RunningEmulator;
  const settings: Record<string, unknown> = { 'vertexGenAi.backend': 'emulator' };
  before(async () => {
    // No pause between chunks: the stream comes as fast as the emulator makes it (well over 500 tokens/s, even
    // on a loaded machine whose timers are late), 8 candidates at a time, since a fable ends after ~70 tokens.
    emulator = await startEmulator({ seed: 'demo', tokenDelayMs: 0, operationDelayMs: 100 });
    await tuneInjectionModel(emulator.url, 'html-echo');
    await tuneInjectionModel(emulator.url, 'clobber-echo', CLOBBER_PROMPT, CLOBBER_ANSWER);
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

  it('keeps its own Stop and Send buttons while an answer holding <span id="stop">, <button id="send"> and <form name> streams in', async () => {
    const { page } = wb;
    // The stream stalls after its first pieces and stays open: the answer is still streaming, with its
    // clobbering markup in the panel, until the user stops it.
    const setFaults = (faults: string) => fetch(`${emulator.url}/_emulator/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ faults }) });
    assert.ok((await setFaults('method=*StreamGenerateContent,stream=stall,after=70,times=1')).ok);
    try {
      const webview = await openPlaygroundOn(page, 'clobber-echo');
      await webview.locator('vscode-button#clear').click();
      await ask(webview, CLOBBER_PROMPT);
      const streaming = webview.locator('.answer.streaming .answer-text');
      await streaming.filter({ hasText: 'clobbered' }).waitFor({ timeout: 60_000 });
      // The real Stop button (in the footer, not in the answer) is shown and stops the stream.
      const stop = webview.locator('footer vscode-button#stop');
      await stop.waitFor({ state: 'visible', timeout: 10_000 });
      await stop.click();
      const stopped = webview.locator('.answer.stopped');
      await stopped.waitFor({ timeout: 30_000 });
      await stop.waitFor({ state: 'hidden', timeout: 10_000 });
      const html = await stopped.locator('.answer-text').innerHTML();
      assert.doesNotMatch(html, /\s(id|name)=/i, `the answer keeps no id or name: ${html}`);
      await screenshot(page, 'playground-clobbering-stopped');
      // Send still sends: the next answer (no fault now) streams to the end.
      await ask(webview, CLOBBER_PROMPT);
      await webview.locator('.answer.done').waitFor({ timeout: 60_000 });
      assert.equal(await webview.locator('.answer.stopped').count(), 1);
    } finally {
      await setFaults('');
    }
  });

  it('renders a fast token stream without dropping a piece or freezing (pieces counted on both sides)', async () => {
    const { page } = wb;
    // Run alone (npm run bench), nothing has opened the Playground yet.
    const webview = (await page.locator('iframe.webview.ready').count()) ? page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame') : await openPlaygroundOn(page, 'support-bot-prod');
    await webview.locator('vscode-button#clear').click();
    await webview.locator('vscode-single-select#target').click();
    await webview.getByRole('option', { name: /gemini-1\.5-pro-002/ }).first().click();
    await webview.locator('vscode-collapsible#settings').click();
    await webview.locator('vscode-textfield#p-maxOutputTokens input').fill('1500');
    await webview.locator('vscode-textfield#p-temperature input').fill('1');
    await webview.locator('vscode-textfield#p-candidateCount input').fill('8');
    // Longest gap between animation frames while the stream renders: a frozen panel shows here.
    const transcript = webview.locator('#transcript');
    await transcript.evaluate(() => {
      const w = globalThis as unknown as { longestFrameMs: number; requestAnimationFrame(cb: (now: number) => void): void };
      w.longestFrameMs = 0;
      let last = performance.now();
      const tick = (now: number) => {
        w.longestFrameMs = Math.max(w.longestFrameMs, now - last);
        last = now;
        w.requestAnimationFrame(tick);
      };
      w.requestAnimationFrame(tick);
    });
    await ask(webview, 'Tell me a long fable about the wolf, the lamb and the shepherd');
    const done = webview.locator('.answer.done');
    await done.waitFor({ timeout: 120_000 });
    const received = Number(await done.getAttribute('data-received'));
    const sent = Number(await done.getAttribute('data-sent'));
    const longestFrameMs = await transcript.evaluate(() => (globalThis as unknown as { longestFrameMs: number }).longestFrameMs);
    const rate = Number(/([\d.]+) tokens\/s/.exec(await done.locator('.figures').innerText())?.[1]);
    recordBench({ panelPiecesSent: sent, panelPiecesReceived: received, panelTokensPerSecond: rate, panelLongestFrameMs: longestFrameMs });
    assert.ok(sent > 200, `a long stream: ${sent} pieces`);
    assert.equal(received, sent, 'no piece dropped');
    // The stream's speed depends on the machine (npm run bench records it; 500+ when idle):
    // the test asserts only that it was a fast stream, and that nothing was dropped.
    assert.ok(rate >= 150, `${rate} tokens/s`);
    assert.ok(longestFrameMs < 1000, `the panel kept painting (longest frame ${longestFrameMs.toFixed(0)} ms)`);
  });
});
