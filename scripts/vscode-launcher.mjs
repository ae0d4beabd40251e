#!/usr/bin/env node
// A stand-in for the VS Code executable that @vscode/test-electron's runTests()
// spawns. It takes the same arguments, runs the tests in a real extension host of
// code-server (VS Code 1.139) opened in Chromium, and exits with the tests' code.
// On a desktop with VS Code available, pass that executable to runTests instead.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { format } from 'node:util';
import { ensureAll } from './toolchain.mjs';
import { launchChromium, startCodeServer } from './codeServer.mjs';

const TIMEOUT_MS = Number(process.env.VGO_INTEGRATION_TIMEOUT_MS || 15 * 60_000);

function parseArgs(argv) {
  const named = {};
  const positional = [];
  for (const arg of argv) {
    const m = arg.match(/^--([^=]+)=(.*)$/);
    if (m) named[m[1]] = m[2];
    else if (!arg.startsWith('--')) positional.push(arg);
  }
  return { named, positional };
}

const { named, positional } = parseArgs(process.argv.slice(2));
const extensionPath = resolve(named.extensionDevelopmentPath);
const testsPath = resolve(named.extensionTestsPath);
const tools = ensureAll();
const dir = mkdtempSync(join(tmpdir(), 'vgo-it-'));
const folder = positional[0] ? resolve(positional[0]) : join(dir, 'workspace');

const server = await startCodeServer({
  entry: tools.codeServer,
  node: tools.node.bin,
  dir,
  folder,
  smokeTestDriver: true,
  settings: JSON.parse(process.env.VGO_VSCODE_SETTINGS || '{}'),
  log: process.env.VGO_DEBUG ? (s) => process.stderr.write(s) : undefined,
});
const browser = await launchChromium(tools.chromium);
let code = 1;
try {
  const page = await browser.newPage();
  const exited = new Promise((done) => {
    void page.exposeFunction('codeAutomationExit', (c) => done(Number(c)));
  });
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const line = format(...(Array.isArray(args) ? args : [args]));
    (type === 'error' ? process.stderr : process.stdout).write(`${line}\n`);
  });
  const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
  const payload = JSON.stringify([
    ['extensionDevelopmentPath', remote(extensionPath)],
    ['extensionTestsPath', remote(testsPath)],
  ]);
  await page.goto(`${server.url}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(payload)}`);
  const timeout = new Promise((done) =>
    setTimeout(() => {
      console.error(`The integration tests did not finish within ${TIMEOUT_MS / 1000} s.`);
      done(1);
    }, TIMEOUT_MS).unref(),
  );
  code = await Promise.race([exited, timeout]);
} catch (error) {
  console.error(error);
  if (!process.env.VGO_DEBUG) console.error(server.output());
} finally {
  await browser.close().catch(() => {});
  await server.stop();
}
process.exit(code);
