// The production bundle carries no test code: the scripted input seam lives in test/support
// and reaches the extension through the test API, which exists only in ExtensionMode.Test;
// the sign-in redirect to an emulator is set through that API, not read from the environment.
import * as assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const ROOT = resolve(__dirname, '..', '..', '..', '..');

describe('production bundle', function () {
  this.timeout(300_000);

  it('holds nothing from test/: no scripted input seam in dist/extension.js or any chunk, no test-only environment variable', async () => {
    const { extensionBuild } = (await import(pathToFileURL(join(ROOT, 'scripts', 'extensionBuild.mjs')).href)) as {
      extensionBuild(root: string, production: boolean): esbuild.BuildOptions;
    };
    const result = await esbuild.build({ ...extensionBuild(ROOT, true), write: false, logLevel: 'silent' });
    const inputs = Object.keys(result.metafile!.inputs);
    assert.ok(inputs.includes('src/ui/quickInputSeam.ts'), 'the build reaches the real input seam');
    assert.deepEqual(inputs.filter((i) => i.startsWith('test/')), []);
    const outputs = result.outputFiles!.filter((f) => f.path.endsWith('.js'));
    assert.ok(outputs.some((f) => f.path.endsWith('/extension.js')) && outputs.some((f) => f.path.endsWith('/features.js')));
    // Names survive minification (keepNames): the search would find the seam if it were bundled.
    assert.ok(outputs.some((f) => f.text.includes('QuickInputSeam')), 'class names are searchable in the production bundle');
    for (const file of outputs) {
      for (const needle of ['ScriptedInputSeam', 'The script has no answer', 'VGO_GOOGLE_APIS_URL']) {
        assert.ok(!file.text.includes(needle), `${file.path.slice(ROOT.length + 1)} contains ${needle}`);
      }
    }
  });
});
