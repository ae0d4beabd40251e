// The emulator's bundles. `node scripts/build.mjs` builds the CLI (dist/emulator.js, the
// package's bin) and the tests (dist/test/**/*.test.js); `--cli` only the CLI. The root
// esbuild.mjs takes emulatorCliBuild() to put the same CLI into the extension's dist/.
import * as esbuild from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const common = {
  absWorkingDir: packageRoot,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // DuckDB (the emulator's BigQuery) is a native addon: never bundled; it resolves from
  // node_modules at run time (the root esbuild.mjs copies it next to the extension's copy).
  external: ['@duckdb/node-api'],
  logLevel: 'warning',
  metafile: true,
  legalComments: 'none',
};

/** dist/emulator.js: the CLI the extension spawns as a child process. */
export function emulatorCliBuild({ outdir = join(packageRoot, 'dist'), production = false } = {}) {
  return {
    ...common,
    entryPoints: { emulator: join(packageRoot, 'src', 'main.ts') },
    outdir,
    sourcemap: production ? false : 'linked',
    minify: production,
    // proto3-json-serializer recognises int64 values by `constructor.name === 'Long'`: minified
    // builds must keep class names.
    keepNames: production,
  };
}

/** dist/test/**: one bundle per test file; a test spawning the CLI finds it at dist/emulator.js. */
export function emulatorTestBuild({ outdir = join(packageRoot, 'dist', 'test') } = {}) {
  const testDir = join(packageRoot, 'test');
  return {
    ...common,
    entryPoints: readdirSync(testDir, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.test.ts'))
      .map((f) => join(testDir, f)),
    outbase: testDir,
    outdir,
    sourcemap: 'linked',
    external: [...common.external, 'mocha'],
  };
}

/** Builds into the package's dist/; the tests too (dist/test/ emptied first) unless `cli` only. */
export async function buildEmulator({ cli = false } = {}) {
  if (!cli) rmSync(join(packageRoot, 'dist', 'test'), { recursive: true, force: true });
  const builds = [emulatorCliBuild(), ...(cli ? [] : [emulatorTestBuild()])];
  await Promise.all(builds.map((options) => esbuild.build(options)));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildEmulator({ cli: process.argv.includes('--cli') });
}
