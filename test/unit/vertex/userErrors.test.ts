// The sentence a person reads for each kind of failure, end to end: official client →
// real HTTP → emulator → parseError. And the extension's own generateContent call.
import * as assert from 'node:assert/strict';
import { EndpointServiceClient } from '@google-cloud/aiplatform/build/src/v1/endpoint_service_client';
import { DEMO_IDS } from '@vertex-genai-ops/emulator/seeds/demoIds';
import { ClientPool } from '../../../src/vertex/clients';
import { streamGenerate } from '../../../src/vertex/generate';
import { parseError } from '../../../src/vertex/parseError';
import { rejection, US_PARENT, useEmulator, useFaults } from '@vertex-genai-ops/emulator/harness';

describe('what a user reads when Vertex AI refuses', function () {
  this.timeout(30_000);
  const h = useEmulator({ quotas: [{ region: 'us-central1', accelerator: 'NVIDIA_L4', limit: 1 }] });
  let endpoints: EndpointServiceClient;
  let pool: ClientPool;
  before(() => {
    endpoints = new EndpointServiceClient(h.clientOptions());
    pool = new ClientPool({ backend: 'emulator', project: 'genai-demo', regions: ['us-central1'], emulatorUrl: h.emulator.url });
  });
  after(async () => {
    await endpoints?.close();
    await pool?.dispose();
  });
  const faults = useFaults(h);
  const gemma = `${US_PARENT}/models/${DEMO_IDS.models.gemmaLora}`;
  const list = () => endpoints.listEndpoints({ parent: US_PARENT, pageSize: 5 }, { autoPaginate: false });
  const machine = { machineSpec: { machineType: 'g2-standard-8', acceleratorType: 'NVIDIA_L4' as const, acceleratorCount: 1 }, minReplicaCount: 1 };

  it('404: names the missing resource and says what to check', async () => {
    const err = await rejection(endpoints.getEndpoint({ name: `${US_PARENT}/endpoints/4242` }));
    assert.equal(
      parseError(err).message,
      'Not found: projects/123456789012/locations/us-central1/endpoints/4242 does not exist or was deleted; refresh the view or check the project and region.',
    );
  });

  it('404 of a name in the request body: names the missing model', async () => {
    const endpoint = `${US_PARENT}/endpoints/${DEMO_IDS.endpoints.stagingSandbox}`;
    const err = await rejection(endpoints.deployModel({ endpoint, deployedModel: { model: `${US_PARENT}/models/4242`, dedicatedResources: machine } }));
    assert.match(parseError(err).message, /^Not found: projects\/123456789012\/locations\/us-central1\/models\/4242 does not exist/);
  });

  it('400 of a malformed name: says what a full resource name looks like', async () => {
    const endpoint = `${US_PARENT}/endpoints/${DEMO_IDS.endpoints.stagingSandbox}`;
    const err = await rejection(endpoints.deployModel({ endpoint, deployedModel: { model: 'models/not-a-full-resource-name', dedicatedResources: machine } }));
    assert.equal(
      parseError(err).message,
      'The request was rejected: deployed_model.model: `models/not-a-full-resource-name` is not a Model name: use the full resource name, ' +
        '`projects/{project}/locations/{location}/models/{model}`.',
    );
  });

  it('403 IAM_PERMISSION_DENIED: names the permission the method needs and the role that grants it', async () => {
    await faults.set('path=/v1/projects/genai-demo/locations/us-central1/,error=403');
    assert.equal(
      parseError(await rejection(list())).message,
      'Permission denied: your account lacks `aiplatform.endpoints.list`, which the role Vertex AI Viewer (roles/aiplatform.viewer) grants; ask a project owner to grant it, or choose another project.',
    );
    await faults.set('path=/v1/projects/genai-demo/locations/us-central1/,error=403,permission=aiplatform.endpoints.predict');
    assert.match(parseError(await rejection(list())).message, /`aiplatform\.endpoints\.predict`, which the role Vertex AI User \(roles\/aiplatform\.user\)/);
  });

  it('403 SERVICE_DISABLED: offers to enable the API, with its console link', async () => {
    await faults.set('method=*ListEndpoints,error=403,reason=SERVICE_DISABLED');
    const parsed = parseError(await rejection(list()));
    assert.equal(parsed.action, 'enableApi');
    assert.equal(parsed.url, 'https://console.developers.google.com/apis/api/aiplatform.googleapis.com/overview?project=genai-demo');
    assert.equal(parsed.message, 'Vertex AI API is not enabled in project genai-demo: enable it in the Cloud console, wait a minute, then retry.');
  });

  it('409: says the name is taken', async () => {
    const endpointId = `${Date.now() % 1_000_000}`;
    const [op] = await endpoints.createEndpoint({ parent: US_PARENT, endpointId, endpoint: { displayName: 'once' } });
    await op.promise();
    const err = await rejection(endpoints.createEndpoint({ parent: US_PARENT, endpointId, endpoint: { displayName: 'twice' } }));
    const shown = parseError(err);
    assert.equal(shown.code, 'ALREADY_EXISTS');
    assert.match(shown.message, /^Already exists: .*\. Choose another name\.$/);
  });

  it('400: lists the field that is wrong', async () => {
    const err = await rejection(endpoints.deployModel({
      endpoint: `${US_PARENT}/endpoints/${DEMO_IDS.endpoints.stagingSandbox}`,
      deployedModel: { model: gemma, dedicatedResources: { machineSpec: { machineType: 'a2-highgpu-1g', acceleratorType: 'NVIDIA_L4', acceleratorCount: 1 }, minReplicaCount: 1 } },
    }));
    assert.match(parseError(err).message, /^The request was rejected: deployed_model\.dedicated_resources\.machine_spec\.accelerator_type: Accelerator "NVIDIA_L4" is not supported for machine type "a2-highgpu-1g"/);
  });

  it('429: names the quota that is exhausted', async () => {
    // The demo already serves one L4 in us-central1 and the quota here is 1.
    const err = await rejection(endpoints.deployModel({
      endpoint: `${US_PARENT}/endpoints/${DEMO_IDS.endpoints.stagingSandbox}`,
      deployedModel: { model: gemma, dedicatedResources: { machineSpec: { machineType: 'g2-standard-8', acceleratorType: 'NVIDIA_L4', acceleratorCount: 1 }, minReplicaCount: 1 } },
    }));
    const shown = parseError(err);
    assert.equal(shown.code, 'RESOURCE_EXHAUSTED');
    assert.match(shown.message, /^Quota exceeded: .*custom_model_serving_nvidia_l4_gpus.*Request more quota in the Cloud console, or try another region\.$/);
  });

  it('streamGenerateContent: answers from the deployed model with usage, and explains an endpoint with nothing deployed', async () => {
    const ask = (prompt: string) => ({ history: [], prompt, params: {} });
    const answer = await streamGenerate(pool, `${US_PARENT.replace('genai-demo', '123456789012')}/endpoints/${DEMO_IDS.endpoints.supportBotProd}`, ask('Where is my refund?'));
    assert.ok(answer.candidates[0].split(/\s+/).length > 3, `a short answer: ${answer.candidates[0]}`);
    assert.equal(answer.figures.finishReason, 'STOP');
    assert.ok((answer.figures.promptTokens ?? 0) >= 4 && (answer.figures.outputTokens ?? 0) > 0);
    const err = await streamGenerate(pool, `${US_PARENT}/endpoints/${DEMO_IDS.endpoints.stagingSandbox}`, ask('hello')).then(() => undefined, (e: unknown) => e);
    assert.ok(err, 'an endpoint with no deployed model must refuse');
    assert.match(parseError(err).message, /^Not possible in its current state: Endpoint `.*` does not have any deployed models\.$/);
  });
});
