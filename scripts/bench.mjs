// `npm run bench`: the speed targets, measured, as a table (and in README.md).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureAll, ensureDependencies, packageVsix, reexecUnderNode24 } from './toolchain.mjs';
import { benchEmulator } from './benchEmulator.mjs';
import { benchTuningLint } from './benchTuningLint.mjs';

reexecUnderNode24(fileURLToPath(import.meta.url));
const root = resolve(fileURLToPath(import.meta.url), '..', '..');
ensureDependencies(root);
ensureAll();
const bin = (name) => join(root, 'node_modules', '.bin', name);
const rows = [];
const row = (metric, value, target = '') => rows.push({ metric, value, target });

function run(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env }, encoding: 'utf8' });
  if (r.status !== 0) {
    process.stdout.write(r.stdout ?? '');
    throw new Error(`${cmd} ${args.join(' ')} failed`);
  }
  return r.stdout;
}

// The parts of the vscode API our bundles touch while loading.
const VSCODE_NAMESPACES = ['commands', 'env', 'extensions', 'l10n', 'window', 'workspace', 'ConfigurationTarget', 'EventEmitter',
  'MarkdownString', 'ProgressLocation', 'QuickPickItemKind', 'StatusBarAlignment', 'ThemeColor', 'ThemeIcon', 'TreeItem',
  'TreeItemCollapsibleState', 'Uri'];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// 1. The production bundles, as users get them.
const vsix = packageVsix(root);
const prod = mkdtempSync(join(tmpdir(), 'vgo-bench-'));
cpSync(join(root, 'dist'), prod, { recursive: true });
const sizes = JSON.parse(readFileSync(join(prod, 'sizes.json'), 'utf8'));
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

// `require` cost of each bundle in a fresh process; 'vscode' is replaced by an
// inert object because plain Node has no editor: this measures module load only.
function requireMs(file, runs) {
  const probe = `
    const Module = require('module'); const load = Module._load;
    const inert = new Proxy(function () {}, { get: (t, k) => (k === Symbol.toPrimitive ? () => '' : inert), apply: () => inert, construct: () => inert });
    const names = ${JSON.stringify(VSCODE_NAMESPACES)};
    const vscode = new Proxy({}, { get: () => inert, ownKeys: () => names, getOwnPropertyDescriptor: () => ({ configurable: true, enumerable: true, value: inert }) });
    Module._load = function (r, ...a) { return r === 'vscode' ? vscode : load.call(this, r, ...a); };
    const t = performance.now(); require(${JSON.stringify(file)}); process.stdout.write(String(performance.now() - t));`;
  const times = [];
  for (let i = 0; i < runs; i++) times.push(Number(run(process.execPath, ['-e', probe])));
  return median(times);
}

row('activation entry size (dist/extension.js, minified)', kb(sizes['dist/extension.js']), '< 50 KB');
row('activation entry require, median of 25', `${requireMs(join(prod, 'extension.js'), 25).toFixed(2)} ms`);
for (const chunk of ['features', 'aiplatform', 'bigquery', 'storage', 'emulator']) {
  const file = `dist/${chunk}.js`;
  if (!sizes[file]) continue;
  const ms = chunk === 'emulator' ? undefined : requireMs(join(prod, `${chunk}.js`), 7);
  row(`lazy chunk ${chunk}.js: size${ms === undefined ? '' : ' / require (median of 7)'}`, `${kb(sizes[file])}${ms === undefined ? '' : ` / ${ms.toFixed(0)} ms`}`);
}
// Every panel's webview bundle (script + stylesheet), as the webview downloads it: gzipped.
for (const file of readdirSync(join(prod, 'webview')).filter((f) => f.endsWith('.js'))) {
  const css = join(prod, 'webview', file.replace(/\.js$/, '.css'));
  const bytes = gzipSync(readFileSync(join(prod, 'webview', file))).length + (existsSync(css) ? gzipSync(readFileSync(css)).length : 0);
  row(`webview bundle ${file.replace(/\.js$/, '')} (minified js + css, gzipped)`, kb(bytes), '< 150 KB');
}
rmSync(prod, { recursive: true, force: true });

// 2. Inside real VS Code: activate() in the extension host, and the first tree items
//    after opening the view (end-to-end drive against the emulator).
run(process.execPath, ['esbuild.mjs']);
const benchFile = join(mkdtempSync(join(tmpdir(), 'vgo-bench-')), 'bench.json');
run(process.execPath, ['scripts/runIntegration.mjs'], { VGO_BENCH_FILE: benchFile, VGO_GREP: 'activates from its view container|tree performance|row preview bench|tuning lint in the editor|renders 200 features' });
run(bin('mocha'), ['--timeout', '180000', '--grep', 'emulator', 'dist/test/e2e/**/*.test.js'], { VGO_BENCH_FILE: benchFile, VGO_VSIX: vsix });
// The Playground: time to first token through the extension vs the client alone, and a 500 tokens/s stream in the panel.
run(bin('mocha'), ['--timeout', '60000', 'dist/test/unit/vertex/generateOverhead.test.js'], { VGO_BENCH_FILE: benchFile });
run(bin('mocha'), ['--timeout', '180000', '--grep', 'fast token stream', 'dist/test/e2e/playground.test.js'], { VGO_BENCH_FILE: benchFile, VGO_VSIX: vsix });
const measured = existsSync(benchFile) ? JSON.parse(readFileSync(benchFile, 'utf8')) : {};
row('activate() in the extension host (VS Code 1.139, dev build)', `${Number(measured.activationMs).toFixed(1)} ms`);
row('click on the activity bar → items in all four trees (cold extension host)', `${Number(measured.viewToItemsMs).toFixed(0)} ms`);
row('trees asked for children → first items in all four (emulator start, lazy clients)', `${Number(measured.treesLoadMs).toFixed(0)} ms`, '< 500 ms');
// Trees (test/integration/treesPerf.test.ts): warm clients, one emulator child process per project.
const ms = (v) => `${Number(v).toFixed(0)} ms`;
const mb = (v) => `${Number(v).toFixed(1)} MB`;
row('tree refresh: Refresh → a server-side change shown (median of 15)', ms(measured.refreshMedianMs), '< 50 ms');
row('scale:10000 — switch project → first page of 50 endpoints (incl. new clients)', ms(measured.scaleFirstPageMs), '< 300 ms');
row('scale:10000 — tree refresh (median of 15)', ms(measured.scaleRefreshMedianMs), '< 50 ms');
row('scale:10000 — extension-host heap growth: project opened (first pages, new clients)', mb(measured.scaleOpenHeapMb), '< 50 MB');
row('scale:10000 — extension-host heap growth: all 10,000 endpoints loaded', mb(measured.scaleAllHeapMb));
row('scale:10000 — longest extension-host event-loop stall while paging to 10,000', ms(measured.scaleMaxLagMs));
row('Preview Rows → first rows in the webview (median of 3): 1,000,000-row table / 10-row table', `${Number(measured.previewBigMs).toFixed(0)} ms / ${Number(measured.previewSmallMs).toFixed(0)} ms`, 'equal');
row('tuning JSONL of 100,000 lines: open → diagnostics (VS Code)', `${Number(measured.tuningOpenToDiagnosticsMs).toFixed(0)} ms`);
row('tuning JSONL of 100,000 lines: one-line edit → diagnostics, 250 ms debounce included (VS Code)', `${Number(measured.tuningEditToDiagnosticsMs).toFixed(0)} ms`);
row('tuning JSONL of 100,000 lines: longest extension-host stall while linting (VS Code)', `${Number(measured.tuningWorstGapMs).toFixed(0)} ms`);
row('Playground: time to first token added by the extension (median of 30, vs the client alone)', `${Number(measured.ttftOverheadMs).toFixed(2)} ms (${Number(measured.ttftPlaygroundMs).toFixed(1)} vs ${Number(measured.ttftDirectMs).toFixed(1)} ms)`, '< 10 ms');
row('Playground panel: a 500+ tokens/s stream, pieces received / sent', `${measured.panelPiecesReceived} / ${measured.panelPiecesSent} at ${Number(measured.panelTokensPerSecond).toFixed(0)} tokens/s`, 'none dropped');
row('Playground panel: longest frame while that stream renders', `${Number(measured.panelLongestFrameMs).toFixed(0)} ms`, 'no freeze');
row('drift panel: 200 features × 365 daily points rendered in the webview', `${Number(measured.driftRenderMs).toFixed(0)} ms`, '< 250 ms');

// 3. The emulator (dev build in dist/ by now).
await benchEmulator(root, row);

// 4. The tuning-data linter.
await benchTuningLint(root, row);

const width = Math.max(...rows.map((r) => r.metric.length));
const table = [
  `| ${'metric'.padEnd(width)} | value | target |`,
  `| ${'-'.repeat(width)} | --- | --- |`,
  ...rows.map((r) => `| ${r.metric.padEnd(width)} | ${r.value} | ${r.target} |`),
].join('\n');
console.log(`\n${table}\n`);

if (process.argv.includes('--write-readme')) {
  const readme = join(root, 'README.md');
  const text = readFileSync(readme, 'utf8').replace(
    /<!-- bench:start -->[\s\S]*<!-- bench:end -->/,
    `<!-- bench:start -->\n${table}\n<!-- bench:end -->`,
  );
  writeFileSync(readme, text);
}
