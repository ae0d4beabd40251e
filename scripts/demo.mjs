// `npm run demo`: from a fresh clone to VS Code with the extension, against the
// local emulator. Installs what is missing, packages the .vsix, starts the
// emulator and code-server, and prints the URL to open.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { fileURLToPath } from 'node:url';
import { cacheDir, ensureAll, ensureDependencies, packageVsix, reexecUnderNode24 } from './toolchain.mjs';
import { installVsix, startCodeServer } from './codeServer.mjs';

reexecUnderNode24(fileURLToPath(import.meta.url));
const root = resolve(fileURLToPath(import.meta.url), '..', '..');
const port = Number(process.env.VGO_DEMO_PORT || 8080);
const emulatorPort = Number(process.env.VGO_EMULATOR_PORT || 8790);

ensureDependencies(root);
const tools = ensureAll({ browser: false });
// VGO_VSIX: use an already packaged extension (the end-to-end test of this script does).
const vsix = process.env.VGO_VSIX || packageVsix(root);
console.log(`Extension: ${vsix}`);

const emulator = await startEmulator();
const settings = { 'vertexGenAi.backend': 'emulator', 'vertexGenAi.emulator.url': emulator.url, 'vertexGenAi.regions': ['us-central1', 'europe-west4'] };

if (hasDesktopCode() && (await ask('A desktop VS Code (`code`) is on PATH. Open the demo there instead of in the browser? [y/N] '))) {
  spawnSync('code', ['--install-extension', vsix, '--force'], { stdio: 'inherit' });
  console.log(`Set "vertexGenAi.backend": "emulator" and "vertexGenAi.emulator.url": "${emulator.url}" in VS Code's settings.`);
  spawnSync('code', [join(cacheDir, 'demo', 'workspace')], { stdio: 'inherit' });
} else {
  const dir = join(cacheDir, 'demo');
  const folder = join(dir, 'workspace');
  mkdirSync(folder, { recursive: true });
  if (!existsSync(join(folder, 'README.md'))) {
    writeFileSync(join(folder, 'README.md'), '# Vertex GenAI Ops demo\n\nOpen the **Vertex GenAI** view in the activity bar.\n');
  }
  await installVsix({ entry: tools.codeServer, node: tools.node.bin, dir, vsix });
  const server = await startCodeServer({ entry: tools.codeServer, node: tools.node.bin, dir, folder, settings, port });
  console.log(`\nVS Code with Vertex GenAI Ops is running against the local emulator (${emulator.url}).`);
  console.log(`Open: ${server.url}/?folder=${encodeURIComponent(folder)}\n`);
  console.log('Press Ctrl+C to stop.');
  const stop = async () => {
    await server.stop();
    emulator.child.kill();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function startEmulator() {
  const script = join(root, 'dist', 'emulator.js');
  if (!existsSync(script)) throw new Error('dist/emulator.js is missing: the build did not produce the emulator.');
  const child = spawn(process.execPath, [script, '--port', String(emulatorPort), '--seed', 'demo'], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((done, fail) => {
    child.stdout.on('data', (d) => {
      const url = d.toString().match(/listening on (http:\/\/\S+)/)?.[1];
      if (url) {
        console.log(d.toString().trim());
        done({ url, child });
      }
    });
    child.on('exit', (code) => fail(new Error(`The emulator exited with ${code} (is port ${emulatorPort} in use? set VGO_EMULATOR_PORT)`)));
  });
}

function hasDesktopCode() {
  return process.stdin.isTTY && spawnSync('sh', ['-c', 'command -v code'], { stdio: 'ignore' }).status === 0 && !process.env.VSCODE_IPC_HOOK_CLI;
}

async function ask(question) {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const answer = await rl.question(question);
  rl.close();
  return /^y/i.test(answer.trim());
}
