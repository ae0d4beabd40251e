// The deploy flow and its multi-region run, end to end through the official clients
// against the emulator: answers typed into the same seam the quick input uses.
import * as assert from 'node:assert/strict';
import { deploySteps, initialAnswers, type FlowData } from '../../../src/features/deploy/deployFlow';
import { deployedModelBody, gcloudCommand, type DeployAnswers } from '../../../src/features/deploy/deployRequest';
import { deployToRegions, describeOutcomes, retryAnswers } from '../../../src/features/deploy/multiRegionDeploy';
import { deploymentsOf } from '../../../src/features/deploy/trafficMath';
import { DEMO_IDS } from '@vertex-genai-ops/emulator/seeds/demoIds';
import { runFlow } from '../../../src/ui/multiStepFlow';
import { ScriptedInputSeam, type ScriptedAnswer } from '../../support/scriptedInputSeam';
import { ClientPool } from '../../../src/vertex/clients';
import { getEndpointRaw } from '../../../src/vertex/deploy';
import { listEndpoints } from '../../../src/vertex/resources';
import { useEmulator, useFaults } from '@vertex-genai-ops/emulator/harness';

const CHURN_V2 = `projects/123456789012/locations/us-central1/models/${DEMO_IDS.models.churnClassifier}@2`;

describe('deploy flow and multi-region deploy (against the emulator)', function () {
  this.timeout(60_000);
  const h = useEmulator({ operationDelayMs: 100 });
  const faults = useFaults(h);
  let pool: ClientPool;
  before(() => {
    pool = new ClientPool({ backend: 'emulator', project: 'genai-demo', regions: ['us-central1', 'europe-west4'], emulatorUrl: h.emulator.url });
  });
  after(() => pool?.dispose());

  const data = (): FlowData => ({
    fixedVersion: true,
    versions: async () => [],
    endpoints: async (regions) => (await Promise.all(regions.map(async (region) => (await listEndpoints(pool, { region })).items))).flat(),
    deployments: async (endpoint) => deploymentsOf(await getEndpointRaw(pool, endpoint)),
    actions: [],
  });
  const answer = async (script: ScriptedAnswer[]) => {
    const seam = new ScriptedInputSeam(script);
    const result = await runFlow(seam, deploySteps(data()), initialAnswers(CHURN_V2, 'genai-demo'));
    return { seam, state: result.state as DeployAnswers, status: result.status };
  };

  it('refuses a machine a chosen region does not offer, and bad replicas, with the reason', async () => {
    const { seam, state, status } = await answer([
      { expect: 'regions', pick: ['us-central1', 'europe-west1'] },
      { expect: 'endpoint', pick: 'New endpoint' },
      { expect: 'endpointName', text: 'churn-multi' },
      { expect: 'access', pick: 'Dedicated public endpoint' },
      { expect: 'machine', pick: 'a3-highgpu-1g + 1 × NVIDIA_H100_80GB' },
      { expect: 'machine', pick: 'g2-standard-8 + 1 × NVIDIA_L4' },
      { expect: 'replicas', text: '3-1' },
      { expect: 'replicas', text: '1-3' },
      { expect: 'autoscaling', pick: 'Accelerator duty cycle' },
      { expect: 'target', text: '150' },
      { expect: 'target', text: '70' },
      { expect: 'spot', pick: 'Spot VMs' },
      { expect: 'logging', text: '0.1' },
      { expect: 'loggingTable', text: 'bq://genai-demo.vertex_logs.churn' },
      { expect: 'review', pick: 'Deploy' },
    ]);
    assert.equal(status, 'done');
    const rejected = seam.transcript.filter((t) => t.outcome === 'rejected').map((t) => `${t.id}: ${t.rejected}`);
    assert.deepEqual(rejected, [
      'machine: europe-west1: Accelerator "NVIDIA_H100_80GB" is not supported in location europe-west1.',
      'replicas: The maximum (1) must be at least the minimum (3).',
      'target: Enter a target utilisation from 1 to 100 (percent).',
    ]);
    const body = deployedModelBody(state) as { dedicatedResources: Record<string, unknown> };
    assert.deepEqual(body.dedicatedResources, {
      machineSpec: { machineType: 'g2-standard-8', acceleratorType: 'NVIDIA_L4', acceleratorCount: 1 },
      minReplicaCount: 1,
      maxReplicaCount: 3,
      autoscalingMetricSpecs: [{ metricName: 'aiplatform.googleapis.com/prediction/online/accelerator/duty_cycle', target: 70 }],
      spot: true,
    });
    assert.match(gcloudCommand(state), /gcloud ai endpoints deploy-model ENDPOINT_ID --region=europe-west1 .*--accelerator=type=nvidia-l4,count=1 .*--autoscaling-metric-specs=gpu-duty-cycle=70 --spot/);
  });

  it('deploys to two regions at once; one failing says what succeeded and retries only the failed one', async () => {
    const { state } = await answer([
      { pick: ['us-central1', 'europe-west4'] },
      { pick: 'New endpoint' },
      { text: 'churn-everywhere' },
      { pick: 'Shared public endpoint' },
      { pick: 'n1-standard-4' },
      { text: '1' },
      { pick: 'Default (CPU utilisation 60%)' },
      { pick: 'Standard VMs' },
      { text: '0' },
      { pick: 'Deploy' },
    ]);
    await faults.set('method=*DeployModel,path=/v1/projects/123456789012/locations/europe-west4/,operation=fail,error=503');
    const lines: string[] = [];
    const outcomes = await deployToRegions(pool, state, { pollMaxMs: 300, report: (region, message) => lines.push(`${region}: ${message}`) });
    assert.deepEqual(outcomes.map((o) => [o.region, o.ok]), [['us-central1', true], ['europe-west4', false]]);
    assert.ok(lines.includes('europe-west4: copying the model version…'), lines.join('\n'));
    const summary = describeOutcomes(outcomes);
    assert.match(summary, /^Deployed in us-central1\. Failed in europe-west4 \(deploying\): The service did not answer \(UNAVAILABLE\)/);
    const us = outcomes[0];
    assert.ok(us.ok);
    const served = await getEndpointRaw(pool, us.endpoint);
    assert.equal(served.displayName, 'churn-everywhere');
    assert.deepEqual(Object.values(served.trafficSplit ?? {}), [100]);

    await h.fetch('/_emulator/faults', { method: 'DELETE' });
    const retry = retryAnswers(state, outcomes);
    assert.deepEqual(retry?.regions, ['europe-west4']);
    assert.equal(retry?.endpoint.kind, 'existing', 'the endpoint created before the failure is reused');
    const again = await deployToRegions(pool, retry!, { pollMaxMs: 300 });
    assert.equal(again.length, 1);
    assert.ok(again[0].ok, describeOutcomes(again));
    const eu = await listEndpoints(pool, { region: 'europe-west4' });
    assert.equal(eu.items.filter((e) => e.displayName === 'churn-everywhere').length, 1, 'no second endpoint in the retried region');
    assert.match(again[0].model, /locations\/europe-west4\/models\//, 'the version was copied to the region');
  });

  it('adds to an existing endpoint with the share given, the rest rescaled', async () => {
    const churnScoring = `projects/123456789012/locations/us-central1/endpoints/${DEMO_IDS.endpoints.churnScoring}`;
    const { state } = await answer([
      { pick: ['us-central1'] },
      { pick: 'churn-scoring' },
      { pick: 'n1-standard-4' },
      { text: '1' },
      { pick: 'Default (CPU utilisation 60%)' },
      { pick: 'Standard VMs' },
      { expect: 'share', text: '101' },
      { expect: 'share', text: '20' },
      { pick: 'Deploy' },
    ]);
    const [outcome] = await deployToRegions(pool, state, { pollMaxMs: 300 });
    assert.ok(outcome.ok);
    const after = deploymentsOf(await getEndpointRaw(pool, churnScoring));
    assert.deepEqual(after.map((d) => d.percent), [56, 24, 20], 'the 70/30 split keeps its proportions in the other 80%');
  });
});
