import * as assert from 'node:assert/strict';
import { ModelServiceClient } from '@google-cloud/aiplatform/build/src/v1/model_service_client';
import { DEMO_IDS } from '../src/seeds/demoIds';
import { US_PARENT, rejection, useEmulator } from './emulatorHarness';

describe('emulator: model registry versions', function () {
  this.timeout(20_000);
  const h = useEmulator();
  let client: ModelServiceClient;
  before(() => {
    client = new ModelServiceClient(h.clientOptions());
  });
  after(() => client.close());
  const supportBot = `${US_PARENT}/models/${DEMO_IDS.models.supportBot}`;

  it('lists each model once, as its default version', async () => {
    const [models] = await client.listModels({ parent: US_PARENT });
    assert.deepEqual(models.map((m) => [m.displayName, m.versionId]), [
      ['support-bot', '3'],
      ['churn-classifier', '1'],
      ['gemma-2b-lora', '1'],
    ]);
    assert.ok(models.every((m) => !String(m.name).includes('@')));
  });

  it('lists versions with aliases and the endpoints they are deployed to', async () => {
    const [versions] = await client.listModelVersions({ name: supportBot });
    assert.deepEqual(versions.map((v) => [v.versionId, v.versionAliases]), [
      ['1', []],
      ['2', ['prod']],
      ['3', ['default', 'staging']],
    ]);
    assert.equal(versions[1].deployedModels?.[0].deployedModelId, DEMO_IDS.deployedModels.supportBotV2);
  });

  it('gets a version by number, by alias, and the default without a suffix', async () => {
    assert.equal((await client.getModel({ name: `${supportBot}@1` }))[0].versionId, '1');
    assert.equal((await client.getModel({ name: `${supportBot}@prod` }))[0].versionId, '2');
    assert.equal((await client.getModel({ name: supportBot }))[0].versionId, '3');
    const err = await rejection(client.getModel({ name: `${supportBot}@nope` }));
    assert.equal(err.code, 5);
  });

  it('moves an alias with mergeVersionAliases and refuses to remove "default"', async () => {
    const churn = `${US_PARENT}/models/${DEMO_IDS.models.churnClassifier}`;
    const [v2] = await client.mergeVersionAliases({ name: `${churn}@2`, versionAliases: ['prod', '-challenger'] });
    assert.deepEqual(v2.versionAliases, ['prod']);
    const [v1] = await client.getModel({ name: `${churn}@1` });
    assert.deepEqual(v1.versionAliases, ['default']);
    const err = await rejection(client.mergeVersionAliases({ name: `${churn}@1`, versionAliases: ['-default'] }));
    assert.equal(err.code, 3);
  });

  it('refuses to delete a model whose versions are deployed', async () => {
    const err = await rejection(client.deleteModel({ name: supportBot }));
    assert.equal(err.code, 9);
  });
});
