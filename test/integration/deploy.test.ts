// Deploy, traffic split, rollback, multi-region and registry refusals in real VS Code,
// with answers scripted through the input seam and an emulator of the test's own
// (fast operations, faults on demand).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DEMO_IDS } from '@vertex-genai-ops/emulator/seeds/demoIds';
import type { DeployResult } from '../../src/features/deploy/deployCommands';
import type { RollbackResult } from '../../src/features/deploy/trafficCommands';
import type { ScriptedAnswer } from '../support/scriptedInputSeam';
import { assertSteadyCounters, extension, scriptInput, useEmulator, waitFor } from './helpers';

const US = 'projects/123456789012/locations/us-central1';
const CHURN = `${US}/models/${DEMO_IDS.models.churnClassifier}`;

describe('deploy and traffic', function () {
  this.timeout(120_000);
  const emulator = useEmulator({ seed: 'demo', operationDelayMs: 200 }, { settings: { regions: ['us-central1', 'europe-west4'] } });
  const api = () => extension().activate();
  const script = (answers: ScriptedAnswer[]) => scriptInput(answers);
  const rest = async (path: string, init: RequestInit = {}) => {
    const response = await fetch(`${emulator.url}${path}`, { ...init, headers: { Authorization: 'Bearer test', 'Content-Type': 'application/json' } });
    return (await response.json()) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  };
  const endpointOf = (name: string) => rest(`/v1/${name}`);
  let endpoint = '';

  it('deploys a demo version to a new endpoint', async () => {
    const seam = await script([
      { expect: 'regions', pick: ['us-central1'] },
      { expect: 'endpoint', pick: 'New endpoint' },
      { expect: 'endpointName', text: 'churn-canary' },
      { expect: 'access', pick: 'Shared public endpoint' },
      { expect: 'machine', pick: 'n1-standard-4' },
      { expect: 'replicas', text: '1-2' },
      { expect: 'autoscaling', pick: 'CPU utilisation' },
      { expect: 'target', text: '70' },
      { expect: 'spot', pick: 'Standard VMs' },
      { expect: 'logging', text: '0.5' },
      { expect: 'loggingTable', text: 'bq://genai-demo.vertex_logs.churn_canary' },
      { expect: 'review', pick: 'Deploy' },
    ]);
    const result = (await vscode.commands.executeCommand('vertexGenAi.deployModel', `${CHURN}@1`)) as DeployResult;
    assert.ok(seam.finished, 'every scripted answer was used');
    assertSteadyCounters(seam.transcript);
    const [outcome] = result.outcomes;
    assert.ok(outcome.ok, JSON.stringify(result.outcomes));
    endpoint = outcome.endpoint;
    const created = await endpointOf(endpoint);
    assert.equal(created.displayName, 'churn-canary');
    assert.deepEqual(created.predictRequestResponseLoggingConfig, { enabled: true, samplingRate: 0.5, bigqueryDestination: { outputUri: 'bq://genai-demo.vertex_logs.churn_canary' } });
    const deployed = created.deployedModels[0];
    assert.equal(deployed.modelVersionId, '1');
    assert.equal(deployed.dedicatedResources.maxReplicaCount, 2);
    assert.equal(deployed.dedicatedResources.autoscalingMetricSpecs[0].target, 70);
    assert.deepEqual(created.trafficSplit, { [deployed.id]: 100 });
  });

  it('splits 90/10 and the emulator serves each deployment its share of 1,000 predictions (±5 points)', async () => {
    assert.ok(endpoint, 'needs the endpoint of the first test');
    const deploySeam = await script([
      { expect: 'regions', pick: ['us-central1'] },
      { expect: 'endpoint', pick: 'churn-canary' },
      { expect: 'machine', pick: 'n1-standard-4' },
      { expect: 'replicas', text: '1' },
      { expect: 'autoscaling', pick: 'Default (CPU utilisation 60%)' },
      { expect: 'spot', pick: 'Standard VMs' },
      { expect: 'share', text: '50' },
      { expect: 'review', pick: 'Deploy' },
    ]);
    const result = (await vscode.commands.executeCommand('vertexGenAi.deployModel', `${CHURN}@2`)) as DeployResult;
    assert.ok(result.outcomes[0].ok);
    // Endpoints are described by what they serve, by name; the numeric id is only the detail line.
    const picker = deploySeam.transcript.find((t) => t.id === 'endpoint')!;
    const canaryRow = picker.described![(picker.shown as string[]).indexOf('churn-canary')];
    assert.match(canaryRow, /^churn-canary-v1 100% \| id \d+$/, canaryRow);
    for (const row of picker.described!.slice(1)) assert.doesNotMatch(row.split(' | ')[0], /^\d+$/, 'no endpoint is described by its id alone');
    const canaryId = result.outcomes[0].ok ? result.outcomes[0].deployedModelId : '';
    const labels = (await endpointOf(endpoint)).deployedModels.map((d: { displayName: string }) => d.displayName);
    assert.equal(labels.length, 2);

    const seam = await script([
      { expect: 'mode', pick: 'Edit the split' },
      { expect: 'split', text: `${labels[0]}=90, ${labels[1]}=20` },
      { expect: 'split', text: `${labels[0]}=90, ${labels[1]}=10` },
      { expect: 'review', pick: 'Apply the split' },
    ]);
    await vscode.commands.executeCommand('vertexGenAi.editTraffic', endpoint);
    const refused = seam.transcript.find((t) => t.outcome === 'rejected');
    assert.equal(refused?.rejected, 'The split adds up to 110%; it must add up to 100%.');
    const split = (await endpointOf(endpoint)).trafficSplit as Record<string, number>;
    assert.equal(split[canaryId], 10);

    const served = new Map<string, number>();
    const instance = { amount: 120, hour_of_day: 14, distance_from_home_km: 3, merchant_category: 'grocery', card_present: true };
    for (let batch = 0; batch < 10; batch++) {
      const answers = await Promise.all(Array.from({ length: 100 }, () => rest(`/v1/${endpoint}:predict`, { method: 'POST', body: JSON.stringify({ instances: [instance] }) })));
      for (const a of answers) served.set(a.deployedModelId, (served.get(a.deployedModelId) ?? 0) + 1);
    }
    const canaryShare = ((served.get(canaryId) ?? 0) / 1000) * 100;
    assert.equal([...served.values()].reduce((a, b) => a + b, 0), 1000);
    assert.ok(Math.abs(canaryShare - 10) <= 5, `the canary served ${canaryShare}% of 1,000 predictions`);
    assert.ok(Math.abs(100 - canaryShare - 90) <= 5);
  });

  it('rolls back: all traffic to the previous deployment and the alias to the previous version, after a confirmation showing before/after', async () => {
    await script([{ expect: 'aliasAction', pick: 'Add or move an alias to version 2…' }, { expect: 'alias', text: 'prod' }]);
    await vscode.commands.executeCommand('vertexGenAi.editAliases', `${CHURN}@2`);
    assert.deepEqual((await rest(`/v1/${CHURN}@2`)).versionAliases, ['challenger', 'prod'], 'prod promoted to version 2');

    const seam = await script([{ expect: 'alias', pick: 'prod' }, { expect: 'confirm', pick: 'Roll Back' }]);
    const result = (await vscode.commands.executeCommand('vertexGenAi.rollback', endpoint)) as RollbackResult;
    const confirmation = seam.transcript.find((t) => t.id === 'confirm')?.title ?? '';
    assert.match(confirmation, /Traffic before: churn-canary-v1=90, churn-canary-v2=10\nTraffic after: churn-canary-v1=100, churn-canary-v2=0\nAlias "prod": version 2 → version 1/);
    assert.equal(result.alias?.alias, 'prod');
    const after = await endpointOf(endpoint);
    assert.deepEqual(Object.values(after.trafficSplit).sort(), [0, 100].sort());
    assert.equal(after.trafficSplit[after.deployedModels[0].id], 100);
    assert.deepEqual((await rest(`/v1/${CHURN}@1`)).versionAliases, ['default', 'prod']);
  });

  it('canary: sends N% to the newest deployment, the rest keeps its proportions', async () => {
    await script([{ expect: 'mode', pick: 'Canary: send N% to the newest deployment' }, { expect: 'canary', text: '100' }, { expect: 'canary', text: '25' }, { expect: 'review', pick: 'Apply the split' }]);
    await vscode.commands.executeCommand('vertexGenAi.editTraffic', endpoint);
    const after = await endpointOf(endpoint);
    assert.deepEqual(after.deployedModels.map((d: { id: string }) => after.trafficSplit[d.id]), [75, 25]);
  });

  it('undeploys a deployment that takes traffic after asking how to re-split it', async () => {
    const seam = await script([
      { expect: 'deployment', pick: 'churn-canary-v1' },
      { expect: 'resplit', pick: 'Send all traffic to churn-canary-v2' },
      { expect: 'confirm', pick: 'Undeploy' },
    ]);
    await vscode.commands.executeCommand('vertexGenAi.undeployModel', endpoint);
    assert.match(seam.transcript.find((t) => t.id === 'resplit')?.title ?? '', /churn-canary-v1 takes 75% of the traffic/);
    assert.match(seam.transcript.find((t) => t.id === 'confirm')?.title ?? '', /Traffic after: churn-canary-v2=100/);
    const after = await endpointOf(endpoint);
    assert.deepEqual(after.deployedModels.map((d: { displayName: string }) => d.displayName), ['churn-canary-v2']);
    assert.deepEqual(Object.values(after.trafficSplit), [100]);
  });

  it('deploys to two regions with one failing by injected fault, says what happened where, and retries the failed region', async () => {
    await rest('/_emulator/faults', { method: 'POST', body: JSON.stringify({ faults: ['method=*DeployModel,path=/v1/projects/123456789012/locations/europe-west4/,operation=fail,error=503'] }) });
    await script([
      { pick: ['us-central1', 'europe-west4'] },
      { expect: 'endpoint', pick: 'New endpoint' },
      { text: 'churn-global' },
      { pick: 'Shared public endpoint' },
      { pick: 'n1-standard-4' },
      { text: '1' },
      { pick: 'Default (CPU utilisation 60%)' },
      { pick: 'Standard VMs' },
      { text: '0' },
      { pick: 'Deploy' },
    ]);
    const result = (await vscode.commands.executeCommand('vertexGenAi.deployModel', `${CHURN}@2`)) as DeployResult;
    assert.deepEqual(result.outcomes.map((o) => [o.region, o.ok]), [['us-central1', true], ['europe-west4', false]]);
    const failed = result.outcomes[1];
    assert.ok(!failed.ok && failed.stage === 'deploy' && /UNAVAILABLE/.test(failed.error), JSON.stringify(failed));
    assert.ok(result.retry, 'a retry of the failed region is offered');
    assert.deepEqual(result.retry.retry.regions, ['europe-west4']);

    await rest('/_emulator/faults', { method: 'DELETE' });
    const again = (await vscode.commands.executeCommand('vertexGenAi.deployModel', result.retry)) as DeployResult;
    assert.deepEqual(again.outcomes.map((o) => [o.region, o.ok]), [['europe-west4', true]]);
    assert.equal(again.retry, undefined);
    const eu = again.outcomes[0].ok ? again.outcomes[0].endpoint : '';
    assert.equal(eu, failed.endpoint, 'the retry used the endpoint created before the failure');

    await script([{ expect: 'confirm', pick: 'Undeploy All and Delete' }]);
    assert.equal(await vscode.commands.executeCommand('vertexGenAi.deleteEndpoint', eu), true);
    assert.equal((await endpointOf(eu)).error?.status, 'NOT_FOUND');
  });

  it('shows a quota error with the quota\'s name', async () => {
    const before = (await (await api()).shownErrors()).length;
    await script([
      { pick: ['us-central1'] },
      { pick: 'New endpoint' },
      { text: 'gemma-big' },
      { pick: 'Shared public endpoint' },
      { pick: 'g2-standard-24 + 2 × NVIDIA_L4' },
      { text: '5' },
      { pick: 'Default (CPU utilisation 60%)' },
      { pick: 'Standard VMs' },
      { text: '0' },
      { pick: 'Deploy' },
    ]);
    void vscode.commands.executeCommand('vertexGenAi.deployModel', `${US}/models/${DEMO_IDS.models.gemmaLora}@1`);
    const shown = await waitFor('the error message', async () => (await (await api()).shownErrors()).slice(before)[0]);
    assert.match(shown, /^Quota exceeded: Quota exceeded for quota metric 'aiplatform\.googleapis\.com\/custom_model_serving_nvidia_l4_gpus' and limit 'CustomModelServingNvidiaL4GpusPerProjectPerRegion'/);
    assert.match(shown, /Request more quota in the Cloud console, or try another region\.$/);
  });

  it('refuses to delete a version while it is deployed, in one sentence', async () => {
    const before = (await (await api()).shownErrors()).length;
    const supportBot = `${US}/models/${DEMO_IDS.models.supportBot}`;
    await script([{ expect: 'confirm', pick: 'Delete Version' }]);
    void vscode.commands.executeCommand('vertexGenAi.deleteModelVersion', `${supportBot}@2`);
    const shown = await waitFor('the error message', async () => (await (await api()).shownErrors()).slice(before)[0]);
    assert.equal(shown, `Not possible in its current state: Version 2 of \`${supportBot}\` is deployed to \`${US}/endpoints/${DEMO_IDS.endpoints.supportBotProd}\`. Undeploy it before deleting the version.`);
    assert.deepEqual((await rest(`/v1/${supportBot}@2`)).versionId, '2', 'the version is still there');
  });
});
