import * as assert from 'node:assert/strict';
import { DEMO_IDS } from '@vertex-genai-ops/emulator/seeds/demoIds';
import { ClientPool } from '../../../src/vertex/clients';
import { canShowDetails, getResourceJson } from '../../../src/vertex/resourceJson';
import { US_PARENT, useEmulator } from '@vertex-genai-ops/emulator/harness';
import { emulatorPool } from '../../support/emulatorPool';

describe('resource details JSON (against the emulator)', function () {
  this.timeout(30_000);
  const h = useEmulator();
  let pool: ClientPool;
  before(() => (pool = emulatorPool(h)));
  after(() => pool.dispose());

  it('shows an endpoint as Google returns it: camelCase, traffic split, int64 as strings', async () => {
    const json = JSON.parse(await getResourceJson(pool, `${US_PARENT}/endpoints/${DEMO_IDS.endpoints.supportBotProd}`));
    assert.equal(json.displayName, 'support-bot-prod');
    assert.deepEqual(Object.values(json.trafficSplit).sort(), [10, 90]);
    assert.equal(typeof json.deployedModels[0].id, 'string');
  });

  it('names enums instead of numbering them, for jobs and model versions', async () => {
    const job = JSON.parse(await getResourceJson(pool, `${US_PARENT}/tuningJobs/${DEMO_IDS.tuningJobs.summarizerFailed}`));
    assert.equal(job.state, 'JOB_STATE_FAILED');
    const gpu = JSON.parse(await getResourceJson(pool, `${US_PARENT}/customJobs/${DEMO_IDS.customJobs.llamaLoraGpu}`));
    assert.equal(gpu.jobSpec.workerPoolSpecs[0].machineSpec.acceleratorType, 'NVIDIA_L4');
    const version = JSON.parse(await getResourceJson(pool, `${US_PARENT}/models/${DEMO_IDS.models.supportBot}@2`));
    assert.equal(version.versionId, '2');
    assert.deepEqual(version.versionAliases, ['prod']);
  });

  it('refuses names it cannot show', async () => {
    assert.equal(canShowDetails(`${US_PARENT}/endpoints/1`), true);
    assert.equal(canShowDetails(`${US_PARENT}/featureGroups/1`), false);
    await assert.rejects(getResourceJson(pool, `${US_PARENT}/featureGroups/1`), /Details are not available/);
  });
});
