import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DEMO_IDS } from '../../src/emulator/seeds/demoIds';
import { waitFor } from './helpers';

const ENDPOINT = `projects/genai-demo/locations/us-central1/endpoints/${DEMO_IDS.endpoints.supportBotProd}`;

describe('resource details', function () {
  this.timeout(60_000);
  const config = () => vscode.workspace.getConfiguration('vertexGenAi');
  before(() => config().update('backend', 'emulator', vscode.ConfigurationTarget.Global));
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await config().update('backend', undefined, vscode.ConfigurationTarget.Global);
  });

  it('opens a resource as read-only JSON under vertex-genai:, as the emulator returns it', async () => {
    await vscode.commands.executeCommand('vertexGenAi.showDetails', ENDPOINT);
    const editor = await waitFor('the details editor', () => vscode.window.activeTextEditor);
    const document = editor.document;
    assert.equal(document.uri.scheme, 'vertex-genai');
    assert.equal(document.uri.path, `/${ENDPOINT}.json`);
    assert.equal(document.languageId, 'json');
    const json = JSON.parse(document.getText());
    assert.equal(json.displayName, 'support-bot-prod');
    assert.equal(json.name, `projects/123456789012/locations/us-central1/endpoints/${DEMO_IDS.endpoints.supportBotProd}`);
    // Content providers give documents the user cannot save back.
    const edited = await editor.edit((e) => e.insert(new vscode.Position(0, 0), ' '));
    assert.equal(edited, true, 'the editor accepts a local edit');
    assert.equal(await document.save(), false, 'but the resource cannot be saved from it');
  });

  it('copies a resource name to the clipboard', async () => {
    await vscode.commands.executeCommand('vertexGenAi.copyName', ENDPOINT);
    assert.equal(await vscode.env.clipboard.readText(), ENDPOINT);
  });
});
