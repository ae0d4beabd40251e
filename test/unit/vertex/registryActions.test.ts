// Registry actions through the official ModelServiceClient against the emulator: upload
// a version, copy it to another region, aliases with the `default` rules, labels, and
// deleting a deployed version refused with Google's FAILED_PRECONDITION.
import * as assert from 'node:assert/strict';
import { DEMO_IDS } from '@vertex-genai-ops/emulator/seeds/demoIds';
import { ClientPool } from '../../../src/vertex/clients';
import { deployModel } from '../../../src/vertex/deploy';
import { parseError } from '../../../src/vertex/parseError';
import { copyModelVersion, deleteModelVersion, getModelVersion, mergeVersionAliases, setLabels, uploadModelVersion } from '../../../src/vertex/registry';
import { listModelVersions } from '../../../src/vertex/resources';
import { rejection, useEmulator } from '@vertex-genai-ops/emulator/harness';
import { emulatorPool } from '../../support/emulatorPool';

const US = 'projects/123456789012/locations/us-central1';
const CHURN = `${US}/models/${DEMO_IDS.models.churnClassifier}`;
const SUPPORT_BOT = `${US}/models/${DEMO_IDS.models.supportBot}`;
const wait = { pollInitialMs: 50, pollMaxMs: 200 };

describe('registry actions (against the emulator)', function () {
  this.timeout(30_000);
  const h = useEmulator({ operationDelayMs: 100 });
  let pool: ClientPool;
  before(() => (pool = emulatorPool(h)));
  after(() => pool?.dispose());

  it('uploads a new version of a model and a new model (which gets the default alias)', async () => {
    const version = await uploadModelVersion(pool, { region: 'us-central1', parentModel: CHURN, displayName: 'churn-classifier', artifactUri: 'gs://genai-demo-models/churn/v3/', imageUri: 'us-docker.pkg.dev/vertex-ai/prediction/xgboost-cpu.1-7:latest' }, wait);
    assert.equal(version, `${CHURN}@3`);
    const v3 = await getModelVersion(pool, version);
    assert.deepEqual(v3.versionAliases, [], 'a new version of an existing model has no alias');
    const fresh = await uploadModelVersion(pool, { region: 'us-central1', displayName: 'ranker', artifactUri: 'gs://genai-demo-models/ranker/', imageUri: 'us-docker.pkg.dev/vertex-ai/prediction/sklearn-cpu.1-3:latest' }, wait);
    assert.match(fresh, /models\/\d+@1$/);
    assert.deepEqual((await getModelVersion(pool, fresh)).versionAliases, ['default']);
  });

  it('copies a version to another region as a new model', async () => {
    const copy = await copyModelVersion(pool, `${CHURN}@2`, 'europe-west4', wait);
    assert.match(copy, /^projects\/123456789012\/locations\/europe-west4\/models\/\d+@1$/);
    const copied = await getModelVersion(pool, copy);
    assert.equal(copied.displayName, 'churn-classifier');
    assert.deepEqual(copied.versionAliases, ['default']);
  });

  it('moves an alias between versions, refuses to remove default', async () => {
    await mergeVersionAliases(pool, `${CHURN}@2`, ['prod']);
    const versions = (await listModelVersions(pool, CHURN)).items;
    assert.deepEqual(versions.map((v) => [v.versionId, v.versionAliases]).slice(0, 2), [['1', ['default']], ['2', ['challenger', 'prod']]]);
    const err = await rejection(mergeVersionAliases(pool, `${CHURN}@1`, ['-default']));
    assert.match(parseError(err).message, /default alias cannot be removed; move it to another version instead/);
  });

  it('replaces labels', async () => {
    const updated = await setLabels(pool, `${CHURN}@2`, { team: 'growth', stage: 'challenger' });
    assert.deepEqual(updated.labels, { team: 'growth', stage: 'challenger' });
  });

  it('refuses to delete a deployed version with one sentence naming the endpoint', async () => {
    const err = await rejection(deleteModelVersion(pool, `${SUPPORT_BOT}@2`, wait));
    const parsed = parseError(err);
    assert.equal(parsed.code, 'FAILED_PRECONDITION');
    assert.match(parsed.message, new RegExp(`^Not possible in its current state: Version 2 of \`${SUPPORT_BOT}\` is deployed to \`${US}/endpoints/${DEMO_IDS.endpoints.supportBotProd}\`\\. Undeploy it before deleting the version\\.$`));
    await deleteModelVersion(pool, `${SUPPORT_BOT}@1`, wait);
    assert.deepEqual((await listModelVersions(pool, SUPPORT_BOT)).items.map((v) => v.versionId), ['2', '3']);
  });

  it('names the accelerator quota when a deploy exceeds it', async () => {
    const endpoint = `${US}/endpoints/${DEMO_IDS.endpoints.stagingSandbox}`;
    const gemma = `${US}/models/${DEMO_IDS.models.gemmaLora}@1`;
    const err = await rejection(deployModel(pool, endpoint, {
      model: gemma,
      dedicatedResources: { machineSpec: { machineType: 'g2-standard-24', acceleratorType: 'NVIDIA_L4', acceleratorCount: 2 }, minReplicaCount: 4, maxReplicaCount: 4 },
    }, undefined, wait));
    const parsed = parseError(err);
    assert.equal(parsed.code, 'RESOURCE_EXHAUSTED');
    assert.match(parsed.message, /^Quota exceeded: Quota exceeded for quota metric 'aiplatform\.googleapis\.com\/custom_model_serving_nvidia_l4_gpus' and limit 'CustomModelServingNvidiaL4GpusPerProjectPerRegion'.*1 in use, 8 requested, limit 8\./);
  });
});
