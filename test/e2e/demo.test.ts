import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { freePort, launchChromium } from '../../scripts/codeServer.mjs';
import { openContainer, ROOT, screenshot, vsixPath } from './workbench';

describe('npm run demo', function () {
  this.timeout(180_000);
  let demo: ChildProcess | undefined;
  let browser: Browser | undefined;
  after(async () => {
    await browser?.close();
    if (demo && demo.exitCode === null) {
      const exited = new Promise((resolve) => demo!.once('exit', resolve));
      demo.kill('SIGTERM');
      await exited;
    }
  });

  it('prints a URL where VS Code shows the extension against the emulator', async () => {
    const [port, emulatorPort] = [await freePort(), await freePort()];
    demo = spawn(process.execPath, [join(ROOT, 'scripts', 'demo.mjs')], {
      env: { ...process.env, VGO_DEMO_PORT: String(port), VGO_EMULATOR_PORT: String(emulatorPort), VGO_VSIX: vsixPath() },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL within 120 s:\n${output}`)), 120_000);
      const onData = (d: Buffer) => {
        output += d.toString();
        const found = output.match(/Open: (http:\/\/\S+)/)?.[1];
        if (found) {
          clearTimeout(timer);
          resolve(found);
        }
      };
      demo!.stdout!.on('data', onData);
      demo!.stderr!.on('data', onData);
      demo!.once('exit', (code) => reject(new Error(`demo exited with ${code}:\n${output}`)));
    });
    assert.match(output, new RegExp(`emulator listening on http://127\\.0\\.0\\.1:${emulatorPort}`));
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(url);
    await openContainer(page);
    await page.locator('.part.sidebar .monaco-list-row', { hasText: 'support-bot-prod' }).first().waitFor({ timeout: 60_000 });
    await page.locator('.part.statusbar', { hasText: 'emulator · genai-demo · us-central1 +1' }).waitFor({ timeout: 10_000 });
    await screenshot(page, 'demo');
  });
});
