// The esbuild options of the command-line tools (dist/cli/*.js), shared by esbuild.mjs
// and scripts/lintTuning.mjs.
import { join } from 'node:path';

export function cliBuild(root, production = false) {
  return {
    absWorkingDir: root,
    entryPoints: { 'cli/lintTuning': join(root, 'src/features/tuning/lint/lintTuningCli.ts') },
    outdir: join(root, 'dist'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: production ? false : 'linked',
    minify: production,
    metafile: true,
    logLevel: 'warning',
    banner: { js: '#!/usr/bin/env node' },
    alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
  };
}
