// Registry actions in real VS Code with scripted answers: upload a version, labels,
// aliases (default only moves), and two versions side by side in the diff editor.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DEMO_IDS } from '@vertex-genai-ops/emulator/seeds/demoIds';
import type { ScriptedAnswer } from '../support/scriptedInputSeam';
import type { Model } from '../../src/vertex/types';
import { scriptInput, useEmulator, waitFor } from './helpers';

const US = 'projects/123456789012/locations/us-central1';
const CHURN = `${US}/models/${DEMO_IDS.models.churnClassifier}`;

describe('registry actions', function () {
  this.timeout(120_000);
  useEmulator({ seed: 'demo', operationDelayMs: 200 });
  const script = (answers: ScriptedAnswer[]) => scriptInput(answers);

  it('uploads a new version of a model, refusing a bad artifact URI as typed', async () => {
    const seam = await script([
      { expect: 'displayName', text: 'churn-classifier' },
      { expect: 'artifactUri', text: 's3://elsewhere/churn' },
      { expect: 'artifactUri', text: 'gs://genai-demo-models/churn/v3/' },
      { expect: 'imageUri', text: 'us-docker.pkg.dev/vertex-ai/prediction/xgboost-cpu.1-7:latest' },
      { expect: 'review', pick: 'Upload' },
    ]);
    const version = await vscode.commands.executeCommand('vertexGenAi.uploadModelVersion', CHURN);
    assert.equal(version, `${CHURN}@3`);
    assert.match(seam.transcript.find((t) => t.outcome === 'rejected')?.rejected ?? '', /Cloud Storage folder/);
  });

  it('sets labels and moves an alias; removing default is refused with the rule', async () => {
    await script([{ expect: 'labels', text: 'team=growth, stage=candidate' }]);
    const labelled = (await vscode.commands.executeCommand('vertexGenAi.editLabels', `${CHURN}@3`)) as Model;
    assert.deepEqual(labelled.labels, { team: 'growth', stage: 'candidate' });

    const seam = await script([
      { expect: 'aliasAction', pick: 'Remove "default"' },
      { expect: 'aliasAction', pick: 'Add or move an alias to version 1…' },
      { expect: 'alias', text: 'challenger' },
    ]);
    const moved = (await vscode.commands.executeCommand('vertexGenAi.editAliases', `${CHURN}@1`)) as Model;
    assert.match(seam.transcript[0].rejected ?? '', /default alias cannot be removed, only moved/);
    assert.deepEqual(moved.versionAliases, ['default', 'prod', 'challenger']);
  });

  it('compares two versions side by side in the diff editor', async () => {
    await vscode.commands.executeCommand('vertexGenAi.compareVersions', `${CHURN}@1`, `${CHURN}@2`);
    const tab = await waitFor('the diff editor', () => {
      const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
      return input instanceof vscode.TabInputTextDiff ? input : undefined;
    });
    assert.equal(tab.original.path, `/${CHURN}@1.json`);
    assert.equal(tab.modified.path, `/${CHURN}@2.json`);
    const right = JSON.parse((await vscode.workspace.openTextDocument(tab.modified)).getText());
    assert.equal(right.versionId, '2');
    assert.equal(right.artifactUri, 'gs://genai-demo-models/churn/v2/');
  });
});
