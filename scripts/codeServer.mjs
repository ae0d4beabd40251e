// Starts VS Code (code-server, web workbench + Node extension host) and Chromium.
// Used by the integration launcher, the end-to-end tests, the demo and the bench.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Settings that keep the workbench quiet and deterministic. */
export const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'window.commandCenter': false,
  'workbench.colorTheme': 'Default Dark Modern',
};

/**
 * @param {{ entry: string, node: string, dir: string, folder: string, settings?: object,
 *   smokeTestDriver?: boolean, env?: object, port?: number, extraArgs?: string[], log?: (s: string) => void }} o
 */
export async function startCodeServer(o) {
  const port = o.port ?? (await freePort());
  const userDataDir = join(o.dir, 'user-data');
  const extensionsDir = join(o.dir, 'extensions');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(join(userDataDir, 'Machine'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  mkdirSync(o.folder, { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...o.settings }, null, 2));
  // Machine-scoped settings (vertexGenAi.emulator.url) are read from here by the server's
  // extension host at start; from User alone they could arrive late, so the extension at
  // times started its own emulator first and a panel read that one instead of the test's.
  writeFileSync(join(userDataDir, 'Machine', 'settings.json'), JSON.stringify(o.settings ?? {}, null, 2));
  const config = join(o.dir, 'config.yaml');
  writeFileSync(config, 'auth: none\ncert: false\n');
  // No marketplace: these machines have no network, and tests must not depend on one.
  const env = { EXTENSIONS_GALLERY: JSON.stringify({ serviceUrl: '' }), ...process.env, ...o.env };
  delete env.VSCODE_IPC_HOOK_CLI;
  const common = ['--config', config, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];
  const args = [
    o.entry,
    ...common,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    ...(o.smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
    ...(o.extraArgs ?? []),
    o.folder,
  ];
  const child = spawn(o.node, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const log = o.log ?? (() => {});
  let output = '';
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`code-server did not start in 30 s:\n${output}`)), 30_000);
    const onData = (d) => {
      const text = d.toString();
      output += text;
      log(text);
      if (/HTTP server listening/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited with ${code}:\n${output}`));
    });
  });
  child.removeAllListeners('exit');
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    userDataDir,
    extensionsDir,
    child,
    output: () => output,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}

/** Installs a packaged extension into the extensions dir code-server will use. */
export function installVsix({ entry, node, dir, vsix }) {
  return new Promise((resolve, reject) => {
    const env = { ...process.env };
    delete env.VSCODE_IPC_HOOK_CLI;
    const child = spawn(
      node,
      [entry, '--user-data-dir', join(dir, 'user-data'), '--extensions-dir', join(dir, 'extensions'), '--install-extension', vsix, '--force'],
      { env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`installing ${vsix} failed:\n${out}`))));
  });
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** Debian's Chromium, driven by playwright-core (which downloads no browser). */
export async function launchChromium(chromium = '/usr/bin/chromium') {
  const { chromium: pw } = await import('playwright-core');
  return pw.launch({ executablePath: chromium, headless: true, args: CHROMIUM_ARGS });
}
