// waitForOperation on the official client's LROs: success with progress, the error a
// user sees when the operation fails, timeout, cancellation, and polls under faults.
import * as assert from 'node:assert/strict';
import { EndpointServiceClient } from '@google-cloud/aiplatform/build/src/v1/endpoint_service_client';
import { parseError } from '../../../src/vertex/parseError';
import { waitForOperation, type OperationProgress } from '../../../src/vertex/lro';
import { US_PARENT, rejection, useEmulator, trapUnhandledRejections, useFaults } from '@vertex-genai-ops/emulator/harness';

describe('vertex LRO helper (against the emulator)', function () {
  this.timeout(20_000);
  const h = useEmulator({ operationDelayMs: 600 });
  let client: EndpointServiceClient;
  trapUnhandledRejections();
  before(() => {
    client = h.client(EndpointServiceClient);
  });
  const { set: faults } = useFaults(h);
  const create = async (displayName: string) => (await client.createEndpoint({ parent: US_PARENT, endpoint: { displayName } }))[0];

  it('resolves with the created resource and reports progress from the metadata', async () => {
    const progress: OperationProgress[] = [];
    const endpoint = await waitForOperation(await create('lro-ok'), { pollInitialMs: 100, onProgress: (p) => progress.push(p) });
    assert.equal(endpoint.displayName, 'lro-ok');
    assert.match(String(endpoint.name), /^projects\/123456789012\/locations\/us-central1\/endpoints\/\d+$/);
    assert.equal(progress[0].done, false);
    assert.ok(progress[0].createTime instanceof Date, 'genericMetadata.createTime');
    assert.equal(progress.at(-1)?.done, true);
    assert.ok(progress.at(-1)!.elapsedMs >= 500);
  });

  it('rejects with the operation’s error, which parseError turns into a sentence', async () => {
    await faults('method=*CreateEndpoint,operation=fail,error=429');
    const err = await rejection(waitForOperation(await create('lro-fail'), { pollInitialMs: 100 }));
    assert.equal(err.code, 8);
    const shown = parseError(err);
    assert.equal(shown.code, 'RESOURCE_EXHAUSTED');
    assert.match(shown.message, /Resource exhausted, please try again later/);
  });

  it('stops waiting at the timeout without hanging, and says the operation goes on', async () => {
    await faults('method=*Operations.GetOperation,latency=50');
    const started = performance.now();
    const operation = await create('lro-slow');
    const err = await rejection(waitForOperation(operation, { timeoutMs: 250, pollInitialMs: 100 }));
    assert.ok(performance.now() - started < 500, 'bounded by the timeout');
    assert.equal(parseError(err).code, 'DEADLINE_EXCEEDED');
    assert.match(err.message, /still running after 250 ms/);
  });

  it('is cancelled by an AbortSignal, and can cancel the operation on the server', async () => {
    const operation = await create('lro-cancelled');
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 150);
    const err = await rejection(waitForOperation(operation, { signal: controller.signal, cancelOnAbort: true, pollInitialMs: 100 }));
    assert.equal(parseError(err).code, 'CANCELLED');
    const op = (await client.checkCreateEndpointProgress(String(operation.name))).latestResponse;
    assert.deepEqual([op.done, op.error?.code], [true, 1]);
  });

  it('keeps polling through 503s and stalled polls until the operation is done', async () => {
    await faults('method=*Operations.GetOperation,error=503,times=2', 'method=*Operations.GetOperation,latency=5000,times=1');
    const started = performance.now();
    const endpoint = await waitForOperation(await create('lro-flaky'), { pollInitialMs: 100, pollTimeoutMs: 200 });
    assert.equal(endpoint.displayName, 'lro-flaky');
    assert.ok(performance.now() - started < 4000);
  });

  it('waits for a delete, whose response is empty', async () => {
    const endpoint = await waitForOperation(await create('lro-delete'), { pollInitialMs: 100 });
    const [deletion] = await client.deleteEndpoint({ name: endpoint.name });
    await waitForOperation(deletion, { pollInitialMs: 100 });
    assert.equal((await rejection(client.getEndpoint({ name: endpoint.name }))).code, 5);
  });
});
