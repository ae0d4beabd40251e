import * as assert from 'node:assert/strict';
import { EndpointServiceClient } from '@google-cloud/aiplatform/build/src/v1/endpoint_service_client';
import { ModelServiceClient } from '@google-cloud/aiplatform/build/src/v1/model_service_client';
import { DEMO_IDS } from '../src/seeds/demoIds';
import { US_PARENT, rejection, useEmulator } from './emulatorHarness';

const sum = (split: Record<string, number | string> | null | undefined) => Object.values(split ?? {}).reduce<number>((a, b) => a + Number(b), 0);

describe('emulator: deploying models to endpoints', function () {
  this.timeout(20_000);
  // A small L4 quota in us-central1, where the demo already serves one L4 (gemma-lora-gpu).
  const h = useEmulator({ quotas: [{ region: 'us-central1', accelerator: 'NVIDIA_L4', limit: 4 }] });
  let endpoints: EndpointServiceClient;
  let models: ModelServiceClient;
  before(() => {
    endpoints = new EndpointServiceClient(h.clientOptions());
    models = new ModelServiceClient(h.clientOptions());
  });
  after(async () => {
    await endpoints.close();
    await models.close();
  });
  const churn = `${US_PARENT}/models/${DEMO_IDS.models.churnClassifier}`;
  const gemma = `${US_PARENT}/models/${DEMO_IDS.models.gemmaLora}`;
  const cpu = (min = 1) => ({ machineSpec: { machineType: 'n1-standard-4' }, minReplicaCount: min, maxReplicaCount: 2 });
  const l4 = (machineType: string, count: number, min: number) => ({ machineSpec: { machineType, acceleratorType: 'NVIDIA_L4' as const, acceleratorCount: count }, minReplicaCount: min });

  async function newEndpoint(displayName: string): Promise<string> {
    const [op] = await endpoints.createEndpoint({ parent: US_PARENT, endpoint: { displayName } });
    const [endpoint] = await op.promise();
    return String(endpoint.name);
  }

  it('deploys a version by alias through an operation; "0" in the split is the new model', async () => {
    const endpoint = await newEndpoint('canary');
    const [first] = await endpoints.deployModel({ endpoint, deployedModel: { model: `${churn}@prod`, dedicatedResources: cpu() }, trafficSplit: { '0': 100 } });
    const [{ deployedModel: v1 }] = await first.promise();
    assert.equal(v1?.modelVersionId, '1');
    assert.equal(v1?.model, churn.replace('genai-demo', '123456789012'));
    const [second] = await endpoints.deployModel({
      endpoint,
      deployedModel: { model: `${churn}@2`, displayName: 'challenger', dedicatedResources: cpu() },
      trafficSplit: { '0': 20, [String(v1?.id)]: 80 },
    });
    const [{ deployedModel: v2 }] = await second.promise();
    const [after] = await endpoints.getEndpoint({ name: endpoint });
    assert.deepEqual(after.deployedModels?.map((d) => [d.id, d.modelVersionId, d.displayName]), [
      [v1?.id, '1', 'churn-classifier'],
      [v2?.id, '2', 'challenger'],
    ]);
    assert.deepEqual(after.trafficSplit, { [String(v1?.id)]: 80, [String(v2?.id)]: 20 });
    assert.equal(sum(after.trafficSplit), 100);
    const [version] = await models.getModel({ name: `${churn}@2` });
    assert.ok(version.deployedModels?.some((d) => d.deployedModelId === v2?.id && d.endpoint === after.name), 'the version lists its new deployment');
  });

  it('answers 400 naming the field for an accelerator the machine cannot take', async () => {
    const endpoint = await newEndpoint('bad-machine');
    const err = await rejection(endpoints.deployModel({
      endpoint,
      deployedModel: { model: gemma, dedicatedResources: { machineSpec: { machineType: 'a2-highgpu-1g', acceleratorType: 'NVIDIA_L4', acceleratorCount: 1 }, minReplicaCount: 1 } },
    }));
    assert.equal(err.code, 3);
    assert.match(err.message, /Accelerator "NVIDIA_L4" is not supported for machine type "a2-highgpu-1g"/);
    const violations = (err.statusDetails as { fieldViolations?: { field: string }[] }[]).flatMap((d) => d.fieldViolations ?? []);
    assert.deepEqual(violations.map((v) => v.field), ['deployed_model.dedicated_resources.machine_spec.accelerator_type']);
  });

  it('refuses a deployment over the serving quota with 429 and a QuotaFailure', async () => {
    const endpoint = await newEndpoint('l4-pool');
    // 1 L4 in use + 2 = 3 ≤ 4: fits.
    const [fits] = await endpoints.deployModel({ endpoint, deployedModel: { model: gemma, dedicatedResources: l4('g2-standard-24', 2, 1) }, trafficSplit: { '0': 100 } });
    await fits.promise();
    // 3 in use + 2 replicas × 1 L4 = 5 > 4.
    const err = await rejection(endpoints.deployModel({ endpoint, deployedModel: { model: gemma, dedicatedResources: l4('g2-standard-8', 1, 2) } }));
    assert.equal(err.code, 8);
    assert.match(err.message, /The following quota metrics exceed quota limits: aiplatform\.googleapis\.com\/custom_model_serving_nvidia_l4_gpus/);
    // The official client decodes QuotaFailure (subject, description) and ErrorInfo (reason, metadata).
    const quotaFailure = (err.statusDetails as { violations?: { subject: string; description: string }[] }[]).find((d) => d.violations);
    assert.equal(quotaFailure?.violations?.[0].subject, 'projects/123456789012');
    assert.match(String(quotaFailure?.violations?.[0].description), /quota metric 'aiplatform\.googleapis\.com\/custom_model_serving_nvidia_l4_gpus'.*3 in use, 2 requested, limit 4/);
    const failure = err as typeof err & { reason?: string; errorInfoMetadata?: Record<string, string> };
    assert.equal(failure.reason, 'RESOURCE_QUOTA_EXCEEDED');
    assert.equal(failure.errorInfoMetadata?.quota_metric, 'aiplatform.googleapis.com/custom_model_serving_nvidia_l4_gpus');
    assert.equal(failure.errorInfoMetadata?.quota_limit_value, '4');
  });

  it('validates a traffic split update: deployed ids only, summing to 100', async () => {
    const name = `${US_PARENT}/endpoints/${DEMO_IDS.endpoints.churnScoring}`;
    const { churnV1, churnV2 } = DEMO_IDS.deployedModels;
    const err = await rejection(endpoints.updateEndpoint({ endpoint: { name, trafficSplit: { [churnV1]: 60, [churnV2]: 30 } }, updateMask: { paths: ['traffic_split'] } }));
    assert.equal(err.code, 3);
    assert.match(err.message, /must add up to 100.*add up to 90/);
    const unknown = await rejection(endpoints.updateEndpoint({ endpoint: { name, trafficSplit: { [churnV1]: 50, '42': 50 } }, updateMask: { paths: ['traffic_split'] } }));
    assert.match(unknown.message, /DeployedModel 42 is not deployed/);
    const [updated] = await endpoints.updateEndpoint({ endpoint: { name, trafficSplit: { [churnV1]: 50, [churnV2]: 50 } }, updateMask: { paths: ['traffic_split'] } });
    assert.deepEqual(updated.trafficSplit, { [churnV1]: 50, [churnV2]: 50 });
  });

  it('changes replicas with mutateDeployedModel and refuses immutable fields', async () => {
    const endpoint = `${US_PARENT}/endpoints/${DEMO_IDS.endpoints.churnScoring}`;
    const id = DEMO_IDS.deployedModels.churnV2;
    const [op] = await endpoints.mutateDeployedModel({
      endpoint,
      deployedModel: { id, dedicatedResources: { minReplicaCount: 2, maxReplicaCount: 5 } },
      updateMask: { paths: ['dedicated_resources.min_replica_count', 'dedicated_resources.max_replica_count'] },
    });
    const [{ deployedModel }] = await op.promise();
    assert.deepEqual([deployedModel?.dedicatedResources?.minReplicaCount, deployedModel?.dedicatedResources?.maxReplicaCount], [2, 5]);
    assert.equal(deployedModel?.dedicatedResources?.machineSpec?.machineType, 'n1-standard-4', 'the machine is kept');
    const err = await rejection(endpoints.mutateDeployedModel({ endpoint, deployedModel: { id, displayName: 'x' }, updateMask: { paths: ['display_name'] } }));
    assert.equal(err.code, 3);
  });

  it('undeploys only once its traffic has somewhere to go, then the endpoint can be deleted', async () => {
    const endpoint = await newEndpoint('short-lived');
    const [a] = await endpoints.deployModel({ endpoint, deployedModel: { model: `${churn}@2`, dedicatedResources: cpu() }, trafficSplit: { '0': 100 } });
    const [{ deployedModel: first }] = await a.promise();
    const [b] = await endpoints.deployModel({ endpoint, deployedModel: { model: `${churn}@1`, dedicatedResources: cpu() } });
    const [{ deployedModel: second }] = await b.promise();
    const [withTwo] = await endpoints.getEndpoint({ name: endpoint });
    assert.deepEqual(withTwo.trafficSplit, { [String(first?.id)]: 100 }, 'no split given: the new model gets no traffic');

    const refusedDelete = await rejection(endpoints.deleteEndpoint({ name: endpoint }));
    assert.equal(refusedDelete.code, 9);
    assert.match(refusedDelete.message, /has deployed models/);
    const refusedVersion = await rejection(models.deleteModelVersion({ name: `${churn}@2` }));
    assert.equal(refusedVersion.code, 9, 'a deployed version cannot be deleted');

    const stranded = await rejection(endpoints.undeployModel({ endpoint, deployedModelId: String(first?.id) }));
    assert.equal(stranded.code, 3);
    assert.match(stranded.message, /receives 100% of the Endpoint's traffic/);
    const [u1] = await endpoints.undeployModel({ endpoint, deployedModelId: String(first?.id), trafficSplit: { [String(second?.id)]: 100 } });
    await u1.promise();
    const [afterOne] = await endpoints.getEndpoint({ name: endpoint });
    assert.deepEqual(afterOne.trafficSplit, { [String(second?.id)]: 100 });
    const [version2] = await models.getModel({ name: `${churn}@2` });
    assert.ok(!version2.deployedModels?.some((d) => d.endpoint === afterOne.name), 'the version no longer lists the endpoint');

    const [u2] = await endpoints.undeployModel({ endpoint, deployedModelId: String(second?.id) });
    await u2.promise();
    const [empty] = await endpoints.getEndpoint({ name: endpoint });
    assert.deepEqual([empty.deployedModels, empty.trafficSplit], [[], {}]);
    const [deletion] = await endpoints.deleteEndpoint({ name: endpoint });
    await deletion.promise();
    assert.equal((await rejection(endpoints.getEndpoint({ name: endpoint }))).code, 5);
  });
});
