// Real VS Code (code-server) with the packaged extension installed, driven by
// Playwright in Debian's Chromium.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { ensureAll } from '../../scripts/toolchain.mjs';
import { installVsix, launchChromium, startCodeServer } from '../../scripts/codeServer.mjs';
import { startEmulator, type RunningEmulator } from '@vertex-genai-ops/emulator';

export const ROOT = resolve(__dirname, '..', '..', '..');
export const RESULTS_DIR = join(ROOT, 'test-results');

export interface Workbench {
  readonly page: Page;
  readonly url: string;
  /** The workspace folder VS Code has open. */
  readonly folder: string;
  /** The extension's LogOutputChannel, as VS Code wrote it to disk. */
  extensionLog(): string;
  close(): Promise<void>;
}

export function vsixPath(): string {
  const vsix = process.env.VGO_VSIX;
  if (!vsix) throw new Error('VGO_VSIX is not set: the end-to-end tests run the packaged extension (npm test packages it).');
  return vsix;
}

export async function openWorkbench(settings: Record<string, unknown> = {}): Promise<Workbench> {
  const tools = ensureAll();
  const dir = mkdtempSync(join(tmpdir(), 'vgo-e2e-'));
  await installVsix({ entry: tools.codeServer, node: tools.node.bin, dir, vsix: vsixPath() });
  const folder = join(dir, 'workspace');
  const server = await startCodeServer({
    entry: tools.codeServer,
    node: tools.node.bin,
    dir,
    folder,
    settings,
    extraArgs: ['--log', 'debug'],
  });
  let browser: Browser | undefined;
  try {
    browser = await launchChromium(tools.chromium);
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${server.url}/?folder=${encodeURIComponent(folder)}`);
    await page.locator('.monaco-workbench .part.activitybar').waitFor({ timeout: 60_000 });
    const b = browser;
    return {
      page,
      url: server.url,
      folder,
      extensionLog: () => readExtensionLog(server.userDataDir),
      close: async () => {
        await b.close().catch(() => undefined);
        await server.stop();
      },
    };
  } catch (error) {
    await browser?.close().catch(() => undefined);
    await server.stop();
    throw error;
  }
}

/** One workbench for the enclosing describe(): opened before its tests, closed after. */
export function useWorkbench(settings: Record<string, unknown> = {}): { readonly page: Page; readonly workbench: Workbench } {
  let wb: Workbench | undefined;
  before(async () => {
    wb = await openWorkbench(settings);
  });
  after(async () => wb?.close());
  return {
    get page() {
      return wb!.page;
    },
    get workbench() {
      return wb!;
    },
  };
}

/**
 * useWorkbench on the demo seed served by an emulator the test starts: the extension's own
 * has 15 s to start, too little on a loaded machine.
 */
export function useWorkbenchOnDemo(): { readonly page: Page; readonly workbench: Workbench; readonly emulatorUrl: string } {
  let emulator: RunningEmulator | undefined;
  const settings: Record<string, unknown> = { 'vertexGenAi.backend': 'emulator' };
  before(async () => {
    emulator = await startEmulator({ seed: 'demo' });
    settings['vertexGenAi.emulator.url'] = emulator.url;
  });
  after(async () => emulator?.close());
  const wb = useWorkbench(settings);
  return {
    get page() {
      return wb.page;
    },
    get workbench() {
      return wb.workbench;
    },
    get emulatorUrl() {
      return emulator!.url;
    },
  };
}

/** Clicks the "Vertex GenAI" activity-bar entry. */
export async function openContainer(page: Page): Promise<void> {
  const icon = page.locator('.part.activitybar [aria-label^="Vertex GenAI"]').first();
  await icon.waitFor({ timeout: 30_000 });
  // Clicking the icon of the container already shown would close the side bar.
  if (await icon.evaluate((el) => el.closest('.action-item')?.classList.contains('checked') ?? false)) return;
  await icon.click({ timeout: 30_000 });
}

/**
 * Runs a context-menu entry of `target` (right-clicked). A menu item acts on mouse-up
 * only once VS Code has armed it, 100 ms after rendering (later on a loaded machine),
 * and ignores an earlier click; so point at it, wait until the menu has focused it,
 * and press Enter, as a person using the keyboard would.
 */
export async function runContextMenuItem(page: Page, target: Locator, label: string): Promise<void> {
  await target.click({ button: 'right' });
  const item = page.locator('.context-view .action-item', { has: page.locator('.action-label', { hasText: label }) }).first();
  await item.hover({ timeout: 15_000 });
  await page.locator('.context-view .action-item.focused', { has: page.locator('.action-label', { hasText: label }) }).waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
  await page.locator('.context-view .monaco-menu').waitFor({ state: 'detached', timeout: 15_000 });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  // Wait for the views' progress bars to settle so the picture shows the result.
  await page.locator('.part.sidebar .monaco-progress-container.active').first().waitFor({ state: 'hidden', timeout: 15_000 }).catch(() => undefined);
  // No hover tooltip in the picture: rest the pointer on the title bar.
  await page.mouse.move(640, 8);
  await page.locator('.monaco-hover, .workbench-hover').first().waitFor({ state: 'hidden', timeout: 3_000 }).catch(() => undefined);
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = join(RESULTS_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

function readExtensionLog(userDataDir: string): string {
  const logs = join(userDataDir, 'logs');
  const files = readdirSync(logs, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('Vertex GenAI Ops.log'));
  return files.map((f) => readFileSync(join(logs, f), 'utf8')).join('\n');
}
