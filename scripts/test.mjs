// `npm test`: everything, on a fresh machine. Installs what it needs (Node 24,
// npm packages, Chromium, code-server), then runs type-check, lint (eslint and the
// dependency rules), unit tests (plain Node), integration tests (real VS Code
// extension host) and end-to-end
// tests (Chromium driving real VS Code), and prints how many tests ran per layer.
// The unit layer runs three times: as is, then under two more time zones with its files
// in a seeded shuffled order (VGO_SHUFFLE_SEED=N reproduces an order), so a test that
// depends on TZ or on an earlier file's state fails here rather than on someone's machine.
//   node scripts/test.mjs [unit] [integration] [e2e]   only those layers
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureAll, ensureDependencies, packageVsix, reexecUnderNode24 } from './toolchain.mjs';

const root = resolve(fileURLToPath(import.meta.url), '..', '..');
const LAYERS = ['unit', 'integration', 'e2e'];
const selected = process.argv.slice(2).filter((a) => LAYERS.includes(a));
const layers = selected.length > 0 ? selected : LAYERS;

// code-server and vsce need Node 24.
reexecUnderNode24(fileURLToPath(import.meta.url));

const started = Date.now();
const steps = [];
const counts = {};
const EXTRA_TIME_ZONES = ['America/Los_Angeles', 'Asia/Kolkata'];
// The product's unit suites and the emulator package's (its own dist/, which esbuild.mjs
// builds too), in one mocha: each runs once per unit run.
const UNIT_DIRS = [join('dist', 'test', 'unit'), join('packages', 'emulator', 'dist', 'test')];
const UNIT_GLOBS = UNIT_DIRS.map((dir) => `${dir.split('\\').join('/')}/**/*.test.js`);

function step(name, cmd, args, options = {}) {
  const t = Date.now();
  console.log(`\n━━ ${name}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...options, env: { ...process.env, ...options.env } });
  const ok = r.status === 0;
  steps.push({ name, ok, seconds: (Date.now() - t) / 1000 });
  return ok;
}

function readCounts(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Runs a test layer whose reporter writes its counts to a results file. */
function layer(name, cmd, args, env = {}) {
  // The name may hold "/" (TZ=Asia/Kolkata): the file name must not.
  const results = join(mkdtempSync(join(tmpdir(), 'vgo-results-')), `${name.replace(/[^\w.-]+/g, '_')}.json`);
  const ok = step(name, cmd, args, { env: { ...env, VGO_RESULTS_FILE: results } });
  const c = readCounts(results) ?? { passes: 0, failures: 0, pending: 0, tests: 0 };
  // A layer that could not run, or ran nothing, fails: it never counts as skipped.
  if (!ok && c.failures === 0) c.failures = 1;
  counts[name] = c;
  rmSync(results, { force: true });
}

let healthy = true;
{
  const t = Date.now();
  if (ensureDependencies(root)) steps.push({ name: 'install', ok: true, seconds: (Date.now() - t) / 1000 });
}
const needsVsCode = layers.includes('integration') || layers.includes('e2e');
if (needsVsCode) {
  const t = Date.now();
  ensureAll();
  steps.push({ name: 'toolchain', ok: true, seconds: (Date.now() - t) / 1000 });
}
const bin = (name) => join(root, 'node_modules', '.bin', name);
healthy = step('typecheck', bin('tsc'), ['-p', 'tsconfig.json']) && healthy;
if (existsSync(join(root, 'webview-ui', 'tsconfig.json'))) {
  healthy = step('typecheck webviews', bin('tsc'), ['-p', 'webview-ui/tsconfig.json']) && healthy;
}
healthy = step('lint', bin('eslint'), ['.', '--max-warnings', '0']) && healthy;
// The borders between layers (.dependency-cruiser.cjs): no cycles, no layer reaching past its rules.
healthy = step('dependency rules', bin('depcruise'), ['src', 'packages', 'webview-ui', 'test', 'scripts']) && healthy;
let vsix;
if (layers.includes('e2e')) {
  const t = Date.now();
  try {
    vsix = packageVsix(root);
  } catch (error) {
    console.error(error.message);
    healthy = false;
  }
  steps.push({ name: 'package', ok: Boolean(vsix), seconds: (Date.now() - t) / 1000 });
}
healthy = step('build', process.execPath, ['esbuild.mjs']) && healthy;

const reporter = join(root, 'scripts', 'mochaReporter.cjs');
if (layers.includes('unit')) {
  const unitArgs = ['--reporter', reporter, '--timeout', '20000'];
  layer('unit', bin('mocha'), [...unitArgs, ...UNIT_GLOBS]);
  const seed = Number(process.env.VGO_SHUFFLE_SEED || Date.now() % 1_000_000);
  // The chosen-instants test spawns its own time zones: not needed again here.
  const files = unitTestFiles().filter((f) => !f.endsWith('chosenInstants.test.js'));
  for (const [i, tz] of EXTRA_TIME_ZONES.entries()) {
    console.log(`\nunit files shuffled with seed ${seed}+${i} (VGO_SHUFFLE_SEED=${seed} node scripts/test.mjs unit reproduces this order)`);
    // The seed goes into the row's name so the summary at the end of a CI log can reproduce it.
    layer(`unit TZ=${tz} seed ${seed + i}`, bin('mocha'), [...unitArgs, ...shuffled(files, seed + i)], { TZ: tz });
  }
}
if (layers.includes('integration')) {
  layer('integration', process.execPath, [join(root, 'scripts', 'runIntegration.mjs')]);
}
if (layers.includes('e2e')) {
  // VGO_GREP narrows both VS Code layers to matching tests while developing.
  const grep = process.env.VGO_GREP ? ['--grep', process.env.VGO_GREP] : [];
  layer('e2e', bin('mocha'), ['--reporter', reporter, '--timeout', '180000', ...grep, 'dist/test/e2e/**/*.test.js'], { VGO_VSIX: vsix ?? '' });
}

function unitTestFiles() {
  return UNIT_DIRS.flatMap((dir) =>
    readdirSync(join(root, dir), { recursive: true }).map(String).filter((f) => f.endsWith('.test.js')).sort().map((f) => join(dir, f)),
  );
}

/** Fisher–Yates with mulberry32: the same seed, the same order, on any machine. */
function shuffled(items, seed) {
  let a = seed >>> 0;
  const random = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

console.log('\n━━ summary');
for (const s of steps) console.log(`${s.ok ? '✔' : '✘'} ${s.name.padEnd(40)} ${s.seconds.toFixed(1).padStart(6)} s`);
let passed = 0;
let failed = 0;
for (const [name, c] of Object.entries(counts)) {
  if (c.tests === 0 && c.failures === 0) c.failures = 1; // ran nothing: that is a failure
  console.log(`${name.padEnd(40)} ${String(c.passes).padStart(4)} passed ${String(c.failures).padStart(3)} failed ${String(c.pending).padStart(3)} pending`);
  passed += c.passes;
  failed += c.failures;
  for (const title of c.failed ?? []) console.log(`  ✘ ${title}`);
}
if (!healthy) failed += steps.filter((s) => !s.ok && !(s.name in counts)).length;
const seconds = Math.round((Date.now() - started) / 1000);
console.log(`total time ${seconds} s (${Math.floor(seconds / 60)} min ${seconds % 60} s)`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
