// withRetry around the official Vertex client, against the emulator's injected faults:
// which calls are repeated (counted on the emulator), how long it waits, and that
// every call ends within its bound with no unhandled rejection.
import * as assert from 'node:assert/strict';
import { EndpointServiceClient } from '@google-cloud/aiplatform/build/src/v1/endpoint_service_client';
import { parseError } from '../../../src/vertex/parseError';
import { cancelOnAbort, isSafeToRetry, withRetry, type RetryOptions } from '../../../src/vertex/retry';
import { US_PARENT, rejection, useEmulator, trapUnhandledRejections, useFaults } from '@vertex-genai-ops/emulator/harness';

describe('vertex retry (against injected faults)', function () {
  this.timeout(20_000);
  const h = useEmulator({ operationDelayMs: 20 });
  let client: EndpointServiceClient;
  trapUnhandledRejections();
  before(() => {
    client = h.client(EndpointServiceClient);
  });

  const { set: faults, served } = useFaults(h);
  const LIST = /^GET \/v1\/projects\/genai-demo\/locations\/us-central1\/endpoints /;
  const listEndpoints = (options: RetryOptions = {}) =>
    withRetry(
      'ListEndpoints',
      ({ timeoutMs, signal }) => cancelOnAbort(client.listEndpoints({ parent: US_PARENT, pageSize: 5 }, { autoPaginate: false, timeout: timeoutMs }), signal),
      options,
    );

  it('honours Retry-After on 429 and then succeeds, repeating only the read', async () => {
    await faults('method=*ListEndpoints,error=429,retryAfter=1,times=2');
    const started = performance.now();
    const [items] = await listEndpoints();
    const elapsed = performance.now() - started;
    assert.ok(items.length > 0);
    assert.equal(served(LIST), 3);
    assert.ok(elapsed >= 2000 && elapsed < 4000, `waited ${elapsed} ms for two Retry-After: 1`);
  });

  it('retries 503 and connection resets with backoff', async () => {
    await faults('method=*ListEndpoints,error=503,times=1', 'method=*ListEndpoints,reset,times=1');
    const [items] = await listEndpoints({ initialDelayMs: 20 });
    assert.ok(items.length > 0);
    assert.equal(served(LIST), 3);
  });

  it('never repeats a create, even on a retryable error', async () => {
    await faults('method=*CreateEndpoint,error=503');
    const err = await rejection(
      withRetry('CreateEndpoint', ({ timeoutMs }) => client.createEndpoint({ parent: US_PARENT, endpoint: { displayName: 'once' } }, { timeout: timeoutMs })),
    );
    assert.equal(err.code, 14);
    assert.equal(served(/^POST .*\/endpoints /), 1);
    assert.deepEqual(['CreateEndpoint', 'DeployModel', 'GenerateContent', 'Predict', 'UpdateEndpoint'].filter(isSafeToRetry), []);
    assert.deepEqual(['ListEndpoints', 'GetModel', 'CountTokens', 'SearchProjects'].filter(isSafeToRetry).length, 4);
  });

  it('gives up after maxAttempts with the error a user can act on', async () => {
    await faults('method=*ListEndpoints,error=503');
    const err = await rejection(listEndpoints({ maxAttempts: 3, initialDelayMs: 10 }));
    assert.equal(served(LIST), 3);
    const shown = parseError(err);
    assert.deepEqual([shown.code, shown.action], ['UNAVAILABLE', 'retry']);
  });

  it('stops at the overall deadline instead of waiting out a long Retry-After', async () => {
    await faults('method=*ListEndpoints,error=429,retryAfter=30');
    const started = performance.now();
    const err = await rejection(listEndpoints({ deadlineMs: 1500 }));
    assert.ok(performance.now() - started < 1000, 'a 30 s wait cannot fit in 1.5 s: fail now');
    assert.equal(parseError(err).code, 'RESOURCE_EXHAUSTED');
    assert.equal(served(LIST), 1);
  });

  it('retries an attempt the server stalls on, within the deadline', async () => {
    await faults('method=*ListEndpoints,latency=5000,times=1');
    const started = performance.now();
    const [items] = await listEndpoints({ attemptTimeoutMs: 300, initialDelayMs: 10 });
    assert.ok(items.length > 0);
    assert.ok(performance.now() - started < 2000);
  });

  it('is cancelled by the caller’s AbortSignal, in flight or while waiting', async () => {
    await faults('method=*ListEndpoints,latency=3000');
    const inFlight = new AbortController();
    setTimeout(() => inFlight.abort(), 100);
    let started = performance.now();
    let err = await rejection(listEndpoints({ signal: inFlight.signal }));
    assert.ok(performance.now() - started < 600, 'cancelled at once');
    assert.equal(parseError(err).code, 'CANCELLED');

    await faults('method=*ListEndpoints,error=429,retryAfter=10');
    const waiting = new AbortController();
    setTimeout(() => waiting.abort(), 300);
    started = performance.now();
    err = await rejection(listEndpoints({ signal: waiting.signal }));
    assert.ok(performance.now() - started < 800);
    assert.equal(parseError(err).message, 'Cancelled.');
  });

  it('measures gax’s own retry option: no Retry-After, and the real error is replaced', async () => {
    // Why withRetry wraps the client instead of configuring gax (see src/vertex/retry.ts).
    await faults('method=*ListEndpoints,error=429,retryAfter=2,times=3');
    const started = performance.now();
    const err = await rejection(
      client.listEndpoints({ parent: US_PARENT }, {
        autoPaginate: false,
        retry: {
          retryCodes: [8, 14],
          // Every field matters: leaving out the rpc timeouts makes gax give attempt 2 a 0 ms deadline.
          backoffSettings: { initialRetryDelayMillis: 50, retryDelayMultiplier: 1.3, maxRetryDelayMillis: 200, initialRpcTimeoutMillis: 5000, rpcTimeoutMultiplier: 1, maxRpcTimeoutMillis: 5000, maxRetries: 3 },
        },
      } as object),
    );
    assert.ok(performance.now() - started < 1500, 'gax did not wait the 2 s the server asked for');
    assert.equal(served(LIST), 3);
    assert.equal(err.code, 4, 'DEADLINE_EXCEEDED instead of RESOURCE_EXHAUSTED');
    assert.match(err.message, /Exceeded maximum number of retries/);
  });
});
