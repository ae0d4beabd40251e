// Shared by the emulator's tests and the extension's (as @vertex-genai-ops/emulator/harness):
// one emulator per test file, options for the official clients against it, and a raw fetch
// for wire-level assertions.
import type { EndpointServiceClient } from '@google-cloud/aiplatform/build/src/v1/endpoint_service_client';
import * as assert from 'node:assert/strict';
import { OAuth2Client } from 'google-auth-library';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../src/server';
import { testClock } from './testClock';

/** The constructor options every generated aiplatform client takes. */
export type ClientOptions = NonNullable<ConstructorParameters<typeof EndpointServiceClient>[0]>;

export interface Harness {
  emulator: RunningEmulator;
  /** "GET /v1/… 200 3ms" per request served, oldest first. */
  requests: string[];
  /** Options for any official @google-cloud/aiplatform client (REST transport). */
  clientOptions(): ClientOptions;
  /** An official client of this emulator, closed after the suite. */
  client<C extends { close(): Promise<void> }>(Client: new (options: ClientOptions) => C): C;
  /** fetch with a bearer token unless `auth: false`. */
  fetch(path: string, init?: RequestInit & { auth?: boolean }): Promise<Response>;
}

/** Registers before/after hooks and returns a handle filled in by `before`. */
export function useEmulator(options: EmulatorOptions = {}): Harness {
  const harness = { requests: [] as string[] } as Harness;
  const clients: { close(): Promise<void> }[] = [];
  before(async () => {
    const emulator = await startEmulator({ seed: 'demo', operationDelayMs: 50, now: testClock, log: (line) => harness.requests.push(line), ...options });
    const auth = new OAuth2Client();
    auth.setCredentials({ access_token: 'emulator', expiry_date: Date.now() + 3_600_000 });
    harness.emulator = emulator;
    harness.clientOptions = () => ({ apiEndpoint: '127.0.0.1', port: emulator.port, protocol: 'http', fallback: true, authClient: auth });
    harness.fetch = (path, init = {}) => {
      const { auth: withAuth = true, headers, ...rest } = init;
      const merged = new Headers(headers);
      if (withAuth) merged.set('Authorization', 'Bearer emulator');
      return fetch(`${emulator.url}${path}`, { ...rest, headers: merged });
    };
    harness.client = (Client) => {
      const client = new Client(harness.clientOptions());
      clients.push(client);
      return client;
    };
  });
  after(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
    await harness.emulator?.close();
  });
  return harness;
}

export const US_PARENT = 'projects/genai-demo/locations/us-central1';
export const EU_PARENT = 'projects/genai-demo/locations/europe-west4';

/** Awaits a rejected promise and returns its error (fails if it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<Error & { code?: number; statusDetails?: unknown[]; details?: string }> {
  try {
    await promise;
  } catch (err) {
    return err as Error & { code?: number };
  }
  throw new Error('expected the call to fail');
}

/** Fails the suite if a promise rejection went unhandled while it ran. */
export function trapUnhandledRejections(): void {
  const unhandled: unknown[] = [];
  const trap = (reason: unknown) => unhandled.push(reason);
  before(() => process.on('unhandledRejection', trap));
  after(async () => {
    await new Promise((r) => setTimeout(r, 200)); // let abandoned calls settle
    process.off('unhandledRejection', trap);
    assert.deepEqual(unhandled, [], 'no unhandled rejection');
  });
}

/** Sets the emulator's faults for a test (cleared after each) and counts what it served. */
export function useFaults(h: Harness): { set(...specs: string[]): Promise<Response>; served(pattern: RegExp): number } {
  beforeEach(() => (h.requests.length = 0));
  afterEach(() => h.fetch('/_emulator/faults', { method: 'DELETE' }));
  return {
    set: (...specs) => h.fetch('/_emulator/faults', { method: 'POST', body: JSON.stringify({ faults: specs }) }),
    served: (pattern) => h.requests.filter((line) => pattern.test(line)).length,
  };
}
