// The esbuild options of the extension itself: the activation entry dist/extension.js, its
// lazily required chunks (the emulator's CLI is the emulator package's build). Shared by esbuild.mjs and the unit test that
// checks the production bundle carries no test code (test/unit/project/productionBundle.test.ts).
import { resolve } from 'node:path';

// `require('chunk:NAME')` is how the host loads a lazy chunk. In the extension
// build it stays a runtime require of the sibling file dist/NAME.js; in test
// bundles the chunk is bundled in, so tests need no dist layout.
export const chunkSources = {
  features: 'src/core/features.ts',
  aiplatform: 'src/vertex/chunks/aiplatform.ts',
  bigquery: 'src/vertex/chunks/bigquery.ts',
  storage: 'src/vertex/chunks/storage.ts',
  tuning: 'src/features/tuning/editor/tuningEditor.ts',
};

export function chunks(root, external) {
  return {
    name: 'chunks',
    setup(build) {
      build.onResolve({ filter: /^chunk:/ }, (args) => {
        const name = args.path.slice('chunk:'.length);
        if (!chunkSources[name]) return { errors: [{ text: `unknown chunk ${name}` }] };
        return external ? { path: `./${name}.js`, external: true } : { path: resolve(root, chunkSources[name]) };
      });
    },
  };
}

export function nodeCommon(production) {
  return {
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
}

export function extensionBuild(root, production = false) {
  return {
    ...nodeCommon(production),
    absWorkingDir: root,
    entryPoints: { extension: 'src/core/extension.ts', ...chunkSources },
    outdir: 'dist',
    plugins: [chunks(root, true)],
  };
}
