// Builds every bundle: the tiny activation entry, the lazily required chunks,
// the emulator, the webview apps and the test bundles.
//   node esbuild.mjs               development build (sourcemaps)
//   node esbuild.mjs --production  minified, no tests, prints a size report
//   node esbuild.mjs --watch
import * as esbuild from 'esbuild';
import { cpSync, existsSync, readdirSync, statSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cliBuild } from './scripts/cliBuild.mjs';

const root = dirname(fileURLToPath(import.meta.url));
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

// `require('chunk:NAME')` is how the host loads a lazy chunk. In the extension
// build it stays a runtime require of the sibling file dist/NAME.js; in test
// bundles the chunk is bundled in, so tests need no dist layout.
const chunkSources = {
  features: 'src/core/features.ts',
  aiplatform: 'src/vertex/chunks/aiplatform.ts',
  bigquery: 'src/vertex/chunks/bigquery.ts',
  storage: 'src/vertex/chunks/storage.ts',
  tuning: 'src/features/tuning/editor/tuningEditor.ts',
};
const chunks = (external) => ({
  name: 'chunks',
  setup(build) {
    build.onResolve({ filter: /^chunk:/ }, (args) => {
      const name = args.path.slice('chunk:'.length);
      if (!chunkSources[name]) return { errors: [{ text: `unknown chunk ${name}` }] };
      return external ? { path: `./${name}.js`, external: true } : { path: resolve(root, chunkSources[name]) };
    });
  },
});

const files = (dir, suffix) =>
  readdirSync(join(root, dir), { recursive: true })
    .map(String)
    .filter((f) => f.endsWith(suffix))
    .map((f) => join(dir, f));

const nodeCommon = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: production ? false : 'linked',
  minify: production,
  // proto3-json-serializer recognises int64 values by `constructor.name === 'Long'`;
  // mangled class names make every int64 request field (epochCount, …) fail. Only minified
  // builds mangle; test bundles must not get it (it wraps functions Playwright sends to pages).
  keepNames: production,
  // DuckDB (the emulator's BigQuery) is a native addon: never bundled, see copyDuckDb().
  external: ['vscode', '@duckdb/node-api'],
  logLevel: 'warning',
  metafile: true,
  legalComments: 'none',
  // The Google clients read their own package.json for the user agent; keep it.
  loader: { '.sql': 'text' },
  // jsonc-parser's UMD build (its "main") requires its parts at run time, which a bundle
  // cannot satisfy; its ESM build bundles.
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
};

const builds = [
  {
    ...nodeCommon,
    entryPoints: { extension: 'src/core/extension.ts', ...chunkSources, ...(safeStat(join(root, 'packages/emulator/src/main.ts')) ? { emulator: 'packages/emulator/src/main.ts' } : {}) },
    outdir: 'dist',
    plugins: [chunks(true)],
  },
  {
    ...nodeCommon,
    platform: 'browser',
    format: 'iife',
    keepNames: false,
    target: 'es2022',
    external: [],
    entryPoints: Object.fromEntries(
      readdirSync(join(root, 'webview-ui'), { withFileTypes: true })
        .filter((d) => d.isDirectory() && safeStat(join(root, 'webview-ui', d.name, 'main.ts')))
        .map((d) => [d.name, join('webview-ui', d.name, 'main.ts')]),
    ),
    outdir: 'dist/webview',
    loader: { '.ttf': 'file', '.woff2': 'file' },
  },
];
// The command-line tools: dist/cli/lintTuning.js is the package's `vertex-lint-tuning` bin.
builds.push(cliBuild(root, production));
if (!production) {
  builds.push({
    ...nodeCommon,
    entryPoints: [
      ...files('test/unit', '.test.ts'),
      ...files('packages/emulator/test', '.test.ts'),
      ...files('test/integration', '.ts'),
      ...files('test/e2e', '.test.ts'),
    ],
    outbase: '.',
    outdir: 'dist',
    external: ['vscode', 'mocha', 'playwright-core', '@vscode/test-electron', 'eslint', '@duckdb/node-api', 'jsdom'],
    plugins: [chunks(false)],
  });
}

// dist/emulator.js requires @duckdb/node-api at runtime, and the .vsix ships no
// node_modules (vsce --no-dependencies): copy DuckDB's runtime packages next to it, in
// dist/node_modules, where Node resolves them from dist/emulator.js. The native binding
// is per platform: VGO_DUCKDB_PLATFORM=linux-arm64 (etc.) picks another installed one
// for `vsce package --target`.
function copyDuckDb() {
  const platform = process.env.VGO_DUCKDB_PLATFORM ?? `${process.platform}-${process.arch}`;
  const packages = ['@duckdb/node-api', '@duckdb/node-bindings', `@duckdb/node-bindings-${platform}`, 'detect-libc'];
  for (const name of packages) {
    const from = join(root, 'node_modules', name);
    if (!existsSync(from)) throw new Error(`${name} is not installed: the emulator needs it (npm install ${name}).`);
    cpSync(from, join(root, 'dist', 'node_modules', name), { recursive: true, filter: (src) => !src.endsWith('.d.ts') });
  }
}

function safeStat(p) {
  try {
    return statSync(p);
  } catch {
    return undefined;
  }
}

function sizeReport(metafiles) {
  const rows = [];
  for (const meta of metafiles) {
    for (const [file, out] of Object.entries(meta.outputs)) {
      if (file.endsWith('.map') || file.includes('/test/')) continue;
      rows.push([relative(root, file), out.bytes]);
    }
  }
  rows.sort((a, b) => a[0].localeCompare(b[0]));
  const width = Math.max(...rows.map((r) => r[0].length));
  console.log(`\n${'bundle'.padEnd(width)}  ${'size'.padStart(10)}`);
  for (const [file, bytes] of rows) console.log(`${file.padEnd(width)}  ${(bytes / 1024).toFixed(1).padStart(7)} KB`);
  writeFileSync(join(root, 'dist', 'sizes.json'), JSON.stringify(Object.fromEntries(rows), null, 2));
}

if (!watch) rmSync(join(root, 'dist'), { recursive: true, force: true });
mkdirSync(join(root, 'dist'), { recursive: true });
if (watch) {
  copyDuckDb();
  for (const options of builds) await (await esbuild.context(options)).watch();
  console.log('watching…');
} else {
  const results = await Promise.all(builds.map((options) => esbuild.build(options)));
  copyDuckDb();
  sizeReport(results.map((r) => r.metafile));
}
