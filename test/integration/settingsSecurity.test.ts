// Issue 13, finding 2: a repository's .vscode/settings.json with
// `vertexGenAi.regions: ["attacker.example#"]` made the official client send the user's
// token to attacker.example. Now the trees and the status bar say which setting is wrong,
// in one sentence, and nothing is sent (a local server stands where the requests would go).
import * as assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { VIEW_IDS } from '../../src/core/contributions';
import { extension, waitFor } from './helpers';

const SENTENCE = 'vertexGenAi.regions: "attacker.example#" is not a Google Cloud region such as us-central1, so nothing was sent; correct the setting.';

describe('security: a hostile workspace setting', function () {
  this.timeout(60_000);
  const requests: string[] = [];
  let server: Server;
  const folder = () => vscode.workspace.workspaceFolders![0].uri.fsPath;
  const user = () => vscode.workspace.getConfiguration('vertexGenAi');

  before(async () => {
    server = createServer((req, res) => {
      requests.push(`${req.method} ${req.url}`);
      res.writeHead(503).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    // The repository's settings first, written as a cloned repository would carry them (earlier
    // tests' trees are still live: with a valid region they would rightly list at our server).
    mkdirSync(join(folder(), '.vscode'), { recursive: true });
    writeFileSync(join(folder(), '.vscode', 'settings.json'), JSON.stringify({ 'vertexGenAi.regions': ['attacker.example#'] }));
    await waitFor('the workspace setting to apply', () => JSON.stringify(user().get('regions')) === '["attacker.example#"]');
    // Then the user's own settings: the emulator backend, at our recording server.
    await user().update('backend', 'emulator', vscode.ConfigurationTarget.Global);
    await user().update('emulator.url', `http://127.0.0.1:${(server.address() as AddressInfo).port}`, vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    rmSync(join(folder(), '.vscode', 'settings.json'), { force: true });
    await user().update('emulator.url', undefined, vscode.ConfigurationTarget.Global);
    await user().update('backend', undefined, vscode.ConfigurationTarget.Global);
    await new Promise((resolve) => server.close(resolve));
  });

  it('shows one sentence naming vertexGenAi.regions in every tree and the status bar, and sends nothing', async () => {
    await vscode.commands.executeCommand('workbench.view.extension.vertexGenAi');
    await waitFor('the extension to activate', () => extension().isActive);
    const api = extension().exports;
    await vscode.commands.executeCommand('vertexGenAi.refresh');
    for (const id of VIEW_IDS) {
      const tree = api.tree(id);
      const roots = await waitFor(`${id} to show the problem`, async () => {
        const children = (await tree.getChildren()) ?? [];
        const items = await Promise.all(children.map((c) => tree.getTreeItem(c)));
        return items.some((i) => i.label === SENTENCE) ? items : undefined;
      });
      assert.equal(roots.length, 1, `${id}: only the sentence`);
      assert.deepEqual(roots[0].command?.arguments, ['vertexGenAi.regions'], 'a click opens the setting');
    }
    const bar = api.statusBar();
    assert.match(bar.text, /vertexGenAi\.regions is invalid/);
    assert.equal(bar.tooltip, SENTENCE);
    // Give any request that was started the time to arrive.
    await new Promise((r) => setTimeout(r, 1000));
    assert.deepEqual(requests, [], 'nothing reached the server');
  });
});
