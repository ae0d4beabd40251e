import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DEMO_IDS } from '@vertex-genai-ops/emulator/seeds/demoIds';
import { useSettings, waitFor } from './helpers';

const ENDPOINT = `projects/genai-demo/locations/us-central1/endpoints/${DEMO_IDS.endpoints.supportBotProd}`;

describe('resource details', function () {
  this.timeout(60_000);
  useSettings({ backend: 'emulator' });

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

  it('shows a failed job\'s times as RFC 3339 text, as Google\'s JSON does, never {seconds, nanos}', async () => {
    const job = `projects/genai-demo/locations/us-central1/tuningJobs/${DEMO_IDS.tuningJobs.summarizerFailed}`;
    await vscode.commands.executeCommand('vertexGenAi.showDetails', job);
    const editor = await waitFor('the details editor', () => (vscode.window.activeTextEditor?.document.uri.path === `/${job}.json` ? vscode.window.activeTextEditor : undefined));
    const text = editor.document.getText();
    const json = JSON.parse(text);
    for (const key of ['createTime', 'startTime', 'endTime', 'updateTime']) {
      assert.match(String(json[key]), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/, `${key}: ${JSON.stringify(json[key])}`);
    }
    assert.doesNotMatch(text, /"seconds"/);
    assert.ok(json.error?.message, 'the error is there');
  });

  it('copies a resource name to the clipboard', async () => {
    await vscode.commands.executeCommand('vertexGenAi.copyName', ENDPOINT);
    assert.equal(await vscode.env.clipboard.readText(), ENDPOINT);
  });
});
