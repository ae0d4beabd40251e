// The vertex/ layer against the emulator: official clients, real HTTP.
import * as assert from 'node:assert/strict';
import { startEmulator, type RunningEmulator } from '@vertex-genai-ops/emulator';
import { ClientPool } from '../../../src/vertex/clients';
import { parseError } from '../../../src/vertex/parseError';
import { DEMO_IDS } from '@vertex-genai-ops/emulator/seeds/demoIds';
import { listDatasets, listEndpoints, listModels, listModelVersions, listTuningJobs } from '../../../src/vertex/resources';

describe('vertex resources (against the emulator)', function () {
  this.timeout(30_000);
  let emulator: RunningEmulator;
  let pool: ClientPool;

  before(async () => {
    emulator = await startEmulator({ seed: 'demo' });
    pool = new ClientPool({ backend: 'emulator', project: 'genai-demo', regions: ['us-central1', 'europe-west4'], emulatorUrl: emulator.url });
  });
  after(async () => {
    await pool?.dispose();
    await emulator?.close();
  });

  it('lists endpoints with deployed models, traffic split and machine specs as domain types', async () => {
    const { items } = await listEndpoints(pool, { region: 'us-central1' });
    const prod = items.find((e) => e.displayName === 'support-bot-prod');
    assert.ok(prod, `no support-bot-prod in ${items.map((e) => e.displayName)}`);
    assert.equal(prod.region, 'us-central1');
    assert.deepEqual(prod.deployedModels.map((d) => [d.modelVersionId, d.trafficPercent]), [['2', 90], ['3', 10]]);
    assert.ok(prod.createTime instanceof Date && prod.createTime.getTime() < Date.now());
    const churn = items.find((e) => e.displayName === 'churn-scoring');
    assert.equal(churn?.deployedModels[0].machineType, 'n1-standard-4');
    assert.equal(churn?.deployedModels[0].maxReplicaCount, 3);
    const gemma = items.find((e) => e.displayName === 'gemma-lora-gpu')?.deployedModels[0];
    assert.deepEqual([gemma?.machineType, gemma?.acceleratorType, gemma?.acceleratorCount], ['g2-standard-8', 'NVIDIA_L4', 1]);
  });

  it('pages with page tokens for "Load more…"', async () => {
    const first = await listEndpoints(pool, { region: 'us-central1', pageSize: 2 });
    assert.equal(first.items.length, 2);
    assert.ok(first.nextPageToken, 'a first page of 2 should have a next page');
    const second = await listEndpoints(pool, { region: 'us-central1', pageSize: 2, pageToken: first.nextPageToken });
    assert.ok(second.items.length > 0);
    const names = new Set([...first.items, ...second.items].map((e) => e.name));
    assert.equal(names.size, first.items.length + second.items.length, 'pages overlap');
  });

  it('maps tuning-job states from integer enums, with the error of a failed job', async () => {
    const { items } = await listTuningJobs(pool, { region: 'us-central1' });
    const states = new Set(items.map((j) => j.state));
    for (const s of ['running', 'pending', 'succeeded', 'failed', 'cancelled'] as const) assert.ok(states.has(s), `no ${s} job`);
    const failed = items.find((j) => j.state === 'failed');
    assert.ok(failed?.errorMessage, 'a failed job carries its error');
    assert.ok(items.find((j) => j.state === 'succeeded')?.tunedModel?.model);
  });

  it('lists models with aliases and datasets with their kind, per region', async () => {
    const models = await listModels(pool, { region: 'us-central1' });
    const bot = models.items.find((m) => m.displayName === 'support-bot');
    assert.ok(bot && bot.versionAliases.length > 0, 'support-bot has aliases');
    const datasets = await listDatasets(pool, { region: 'europe-west4' });
    assert.deepEqual(datasets.items.map((d) => [d.displayName, d.kind]), [['eu-support-chat-sft', 'text']]);
  });

  it('lists the versions of a model with their aliases and deployments', async () => {
    const bot = (await listModels(pool, { region: 'us-central1' })).items.find((m) => m.displayName === 'support-bot');
    assert.ok(bot);
    const { items } = await listModelVersions(pool, bot.name);
    assert.deepEqual(items.map((v) => [v.versionId, v.versionAliases.sort()]), [['1', []], ['2', ['prod']], ['3', ['default', 'staging']]]);
    assert.ok(items.find((v) => v.versionId === '2')?.deployedTo.some((e) => e.endsWith(`/endpoints/${DEMO_IDS.endpoints.supportBotProd}`)));
  });

  it('builds each client once per host and shares it across regions', async () => {
    const a = await pool.get('EndpointServiceClient', 'us-central1');
    const b = await pool.get('EndpointServiceClient', 'europe-west4');
    assert.equal(a, b);
  });

  it('turns an unknown project into an empty list, and an unreachable emulator into a sentence', async () => {
    const other = new ClientPool({ backend: 'emulator', project: 'someone-else', regions: ['us-central1'], emulatorUrl: emulator.url });
    assert.deepEqual((await listEndpoints(other, { region: 'us-central1' })).items, []);
    await other.dispose();
    const dead = new ClientPool({ backend: 'emulator', project: 'genai-demo', regions: ['us-central1'], emulatorUrl: 'http://127.0.0.1:9' });
    const error = await listEndpoints(dead, { region: 'us-central1' }).then(() => undefined, (e: unknown) => e);
    assert.ok(error, 'listing against a closed port must fail');
    assert.equal(parseError(error).action, 'retry');
    await dead.dispose();
  });
});
