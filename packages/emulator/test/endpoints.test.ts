import * as assert from 'node:assert/strict';
import { EndpointServiceClient } from '@google-cloud/aiplatform/build/src/v1/endpoint_service_client';
import { DEMO_IDS } from '../src/seeds/demoIds';
import { US_PARENT, rejection, useEmulator } from './emulatorHarness';

const US_NUMBER = 'projects/123456789012/locations/us-central1';

describe('emulator: endpoints through the official client', function () {
  this.timeout(20_000);
  const h = useEmulator();
  let client: EndpointServiceClient;
  before(() => {
    client = new EndpointServiceClient(h.clientOptions());
  });
  after(() => client.close());

  it('auto-pages listEndpoints across pages of 2', async () => {
    const before = h.requests.length;
    const [endpoints] = await client.listEndpoints({ parent: US_PARENT, pageSize: 2 });
    const pages = h.requests.slice(before).filter((line) => line.startsWith(`GET /v1/${US_PARENT}/endpoints 200`));
    assert.equal(pages.length, 2, 'two pages fetched');
    assert.deepEqual(
      endpoints.map((e) => e.displayName),
      ['support-bot-prod', 'churn-scoring', 'gemma-lora-gpu', 'staging-sandbox'],
    );
  });

  it('exposes page tokens with autoPaginate: false', async () => {
    const [page1, , response1] = await client.listEndpoints({ parent: US_PARENT, pageSize: 2 }, { autoPaginate: false });
    assert.equal(page1.length, 2);
    assert.ok(response1?.nextPageToken, 'first page has a token');
    const [page2, , response2] = await client.listEndpoints(
      { parent: US_PARENT, pageSize: 2, pageToken: response1.nextPageToken },
      { autoPaginate: false },
    );
    assert.deepEqual(page2.map((e) => e.displayName), ['gemma-lora-gpu', 'staging-sandbox']);
    assert.ok(!response2?.nextPageToken, 'last page has no token');
  });

  it('iterates with listEndpointsAsync', async () => {
    const names: string[] = [];
    for await (const endpoint of client.listEndpointsAsync({ parent: US_PARENT, pageSize: 3 })) names.push(String(endpoint.displayName));
    assert.equal(names.length, 4);
  });

  it('filters on labels and display_name', async () => {
    const [prod] = await client.listEndpoints({ parent: US_PARENT, filter: 'labels.env=prod' });
    assert.deepEqual(prod.map((e) => e.displayName), ['support-bot-prod', 'churn-scoring']);
    const [one] = await client.listEndpoints({ parent: US_PARENT, filter: 'display_name="gemma-lora-gpu"' });
    assert.equal(one.length, 1);
  });

  it('gets an endpoint with its deployed models and a 100% traffic split', async () => {
    const [endpoint] = await client.getEndpoint({ name: `${US_PARENT}/endpoints/${DEMO_IDS.endpoints.supportBotProd}` });
    // Vertex answers with the project number even when asked with the project id.
    assert.equal(endpoint.name, `${US_NUMBER}/endpoints/${DEMO_IDS.endpoints.supportBotProd}`);
    assert.equal(endpoint.deployedModels?.length, 2);
    const total = Object.values(endpoint.trafficSplit ?? {}).reduce((a, b) => a + Number(b), 0);
    assert.equal(total, 100);
    assert.ok(endpoint.createTime?.seconds, 'timestamps decode');
  });

  it('answers NOT_FOUND the way Vertex words it', async () => {
    const err = await rejection(client.getEndpoint({ name: `${US_PARENT}/endpoints/404` }));
    assert.equal(err.code, 5);
    assert.equal(err.message, `Endpoint \`${US_NUMBER}/endpoints/404\` not found.`);
  });

  it('rejects a create without the REQUIRED display_name, with a BadRequest detail', async () => {
    const err = await rejection(client.createEndpoint({ parent: US_PARENT, endpoint: { description: 'no name' } }));
    assert.equal(err.code, 3);
    assert.match(err.message, /endpoint\.display_name; Message: Required field is not set/);
    const details = JSON.stringify(err.statusDetails);
    assert.match(details, /fieldViolations/);
    assert.match(details, /endpoint\.display_name/);
  });

  it('creates an endpoint through a long-running operation', async () => {
    const [operation] = await client.createEndpoint({ parent: US_PARENT, endpoint: { displayName: 'created-by-test', labels: { env: 'test' } } });
    assert.match(String(operation.name), /^projects\/123456789012\/locations\/us-central1\/endpoints\/\d{19}\/operations\/\d{19}$/);
    const [endpoint] = await operation.promise();
    assert.equal(endpoint.displayName, 'created-by-test');
    const [listed] = await client.listEndpoints({ parent: US_PARENT, filter: 'labels.env=test' });
    assert.deepEqual(listed.map((e) => e.name), [endpoint.name]);
  });

  it('honours a caller-chosen endpoint_id and refuses it twice', async () => {
    const [operation] = await client.createEndpoint({ parent: US_PARENT, endpoint: { displayName: 'mine' }, endpointId: '424242' });
    const [endpoint] = await operation.promise();
    assert.equal(endpoint.name, `${US_NUMBER}/endpoints/424242`);
    const err = await rejection(client.createEndpoint({ parent: US_PARENT, endpoint: { displayName: 'again' }, endpointId: '424242' }));
    assert.equal(err.code, 6);
  });

  it('updates with an update mask and deletes through an operation', async () => {
    const [operation] = await client.createEndpoint({ parent: US_PARENT, endpoint: { displayName: 'to-delete' } });
    const [created] = await operation.promise();
    const [updated] = await client.updateEndpoint({
      endpoint: { name: created.name, displayName: 'renamed', description: 'ignored: not in the mask' },
      updateMask: { paths: ['display_name'] },
    });
    assert.equal(updated.displayName, 'renamed');
    assert.equal(updated.description, '');
    const [deletion] = await client.deleteEndpoint({ name: created.name });
    await deletion.promise();
    const err = await rejection(client.getEndpoint({ name: created.name }));
    assert.equal(err.code, 5);
  });

  it('lists locations through the mixin', async () => {
    const locations = [];
    for await (const location of client.listLocationsAsync({ name: 'projects/genai-demo' })) locations.push(location.locationId);
    assert.ok(locations.includes('us-central1') && locations.includes('europe-west4'));
    // Typed as Promise<ILocation>, but at runtime gax resolves a [response] tuple like every other call.
    const result: unknown = await client.getLocation({ name: 'projects/genai-demo/locations/europe-west4' });
    const location = (Array.isArray(result) ? result[0] : result) as { displayName?: string };
    assert.equal(location.displayName, 'Netherlands');
  });
});
