import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { screenshot, useWorkbench } from './workbench';

const turn = (role: string, text: string) => ({ role, parts: [{ text }] });
const example = (...contents: unknown[]) => JSON.stringify({ contents });

// A training file with the mistakes people make: an OpenAI role, a broken line, a
// duplicate, an empty answer and a line in the chat "messages" format.
const BAD_FILE = [
  example(turn('user', 'How do I reset my password?'), turn('model', 'Open Settings, then Security.')),
  example(turn('user', 'Can I change my email?'), turn('assistant', 'Yes, under Profile.')),
  '{"contents": [{"role": "user", "parts": [{"text": "Where are invoices?"}]}',
  example(turn('user', 'How do I reset my password?'), turn('model', 'Open Settings, then Security.')),
  example(turn('user', 'Do you ship abroad?'), turn('model', '')),
  JSON.stringify({ messages: [{ role: 'user', content: 'Hi' }, { role: 'assistant', content: 'Hello!' }] }),
  example(turn('user', 'Is there a mobile app?'), turn('model', 'Yes, for iOS and Android.')),
].join('\n');

describe('tuning lint end to end', function () {
  this.timeout(180_000);
  const wb = useWorkbench();

  it('underlines the mistakes of a training file and lists them in Problems, with the summary in the status bar', async () => {
    const { page, workbench } = wb;
    writeFileSync(join(workbench.folder, 'support_train.jsonl'), BAD_FILE);
    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget input').fill('support_train.jsonl');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'support_train.jsonl' }).first().click({ timeout: 30_000 });

    const editor = page.locator('.editor-instance .monaco-editor').first();
    await editor.locator('.squiggly-error').first().waitFor({ timeout: 60_000 });
    await page.keyboard.press('Control+Shift+M');
    const problems = page.locator('.markers-panel');
    for (const message of [
      'Role "assistant" is not a Gemini role: use "model".',
      'Invalid JSON: expected "]" to close the array.',
      'Duplicate of the example on line 1.',
      'Empty text in contents[1].parts[0]',
      'This line is in the chat "messages" format, but the file is mostly Gemini "contents" (5 of 6 examples).',
    ]) {
      await problems.locator('.monaco-list-row', { hasText: message }).first().waitFor({ timeout: 30_000 });
    }
    const summary = page.locator('.part.statusbar', { hasText: '7 examples' });
    await summary.waitFor({ timeout: 10_000 });
    assert.ok(await editor.locator('.squiggly-warning').count() > 0, 'the duplicate has no warning squiggle');
    await screenshot(page, 'tuning-lint');
  });
});
