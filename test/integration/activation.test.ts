import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { COMMAND_IDS, VIEW_IDS } from '../../src/core/contributions';
import { recordBench } from '../support/bench';
import { extension, loadedModules, waitFor } from './helpers';

// What activation must not load: any Google client, or the chunks that hold them.
const HEAVY = /@google-cloud|google-gax|[\\/]dist[\\/](aiplatform|bigquery|features)\.js$/;

describe('activation', () => {
  it('stays inactive until its view is opened (no * or onStartupFinished)', () => {
    const ext = extension();
    const events: string[] = ext.packageJSON.activationEvents ?? [];
    assert.ok(!events.includes('*') && !events.includes('onStartupFinished'), `activation events: ${events}`);
    assert.equal(ext.isActive, false, 'the extension activated before anything asked for it');
  });

  it('activates from its view container, registering views, commands and settings without loading a Google client', async () => {
    const ext = extension();
    await vscode.commands.executeCommand('workbench.view.extension.vertexGenAi');
    await waitFor('the extension to activate', () => ext.isActive);

    const contributed = ext.packageJSON.contributes;
    assert.deepEqual(
      contributed.views.vertexGenAi.map((v: { id: string }) => v.id),
      [...VIEW_IDS],
    );
    const commands = await vscode.commands.getCommands(true);
    for (const id of COMMAND_IDS) assert.ok(commands.includes(id), `command ${id} is not registered`);

    const config = vscode.workspace.getConfiguration('vertexGenAi');
    assert.equal(config.inspect('backend')?.defaultValue, 'cloud');
    assert.equal(config.inspect('project')?.defaultValue, '');
    assert.deepEqual(config.inspect('regions')?.defaultValue, ['us-central1']);
    assert.equal(config.inspect('transport')?.defaultValue, undefined, 'REST is the only transport; no transport setting');
    assert.ok(!('vertexGenAi.transport' in contributed.configuration.properties));

    assert.deepEqual(loadedModules(HEAVY), [], 'activation loaded heavy modules');
    assert.equal(ext.exports.featuresLoaded(), false);
    // A generous bound that only catches hangs; the bench records the real figure.
    assert.ok(ext.exports.activationMs < 1000, `activate() took ${ext.exports.activationMs} ms`);
    recordBench({ activationMs: ext.exports.activationMs });
  });

  it('loads the features and the Vertex AI clients on first use, once', async function () {
    this.timeout(60_000);
    const ext = extension();
    const config = vscode.workspace.getConfiguration('vertexGenAi');
    await config.update('backend', 'emulator', vscode.ConfigurationTarget.Global);
    try {
      await vscode.commands.executeCommand('workbench.view.extension.vertexGenAi');
      await vscode.commands.executeCommand('vertexGenAi.refresh');
      assert.equal(ext.exports.featuresLoaded(), true);
      const loaded = await waitFor('the Vertex AI client chunk to load', () => {
        const found = loadedModules(/[\\/]dist[\\/]aiplatform\.js$/);
        return found.length > 0 ? found : undefined;
      }, 40_000);
      assert.equal(loaded.length, 1, 'the client chunk was loaded more than once');
    } finally {
      await config.update('backend', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
