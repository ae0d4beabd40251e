// Builds each official client once, on first use, and reuses it: the Vertex AI
// service clients, the BigQuery and Storage clients and the credentials they share.
// The client code itself lives in lazily required chunks (see esbuild.mjs).
import { checkConnection, clientEndpoint, endpointKey, type Connection } from './connection';
import { createAuthClient, type AuthClient } from './auth';

export type AiplatformChunk = typeof import('./chunks/aiplatform');
type BigQueryChunk = typeof import('./chunks/bigquery');
type StorageChunk = typeof import('./chunks/storage');
type ServiceName = {
  [K in keyof AiplatformChunk]: K extends `${string}ServiceClient` ? K : never;
}[keyof AiplatformChunk];
export type ServiceClient<K extends ServiceName> = InstanceType<AiplatformChunk[K]>;
export type BigQuery = InstanceType<BigQueryChunk['BigQuery']>;
export type Storage = InstanceType<StorageChunk['Storage']>;

interface Chunks {
  readonly aiplatform: AiplatformChunk;
  readonly bigquery: BigQueryChunk;
  readonly storage: StorageChunk;
}
// Each require names its chunk literally: the build resolves `chunk:` specifiers.
const loaders: { readonly [K in keyof Chunks]: () => Chunks[K] } = {
  aiplatform: () => require('chunk:aiplatform') as AiplatformChunk,
  bigquery: () => require('chunk:bigquery') as BigQueryChunk,
  storage: () => require('chunk:storage') as StorageChunk,
};
const loaded: { -readonly [K in keyof Chunks]?: Chunks[K] } = {};

/** Loads a chunk of client code (the Vertex AI one is ~3 MB) the first time it is needed. */
function loadChunk<K extends keyof Chunks>(name: K, trace: (message: string) => void): Chunks[K] {
  const cached = loaded[name] as Chunks[K] | undefined;
  if (cached) return cached;
  const started = performance.now();
  const lib = (loaded[name] = loaders[name]());
  trace(`${name} chunk loaded in ${(performance.now() - started).toFixed(0)} ms`);
  return lib;
}

export class ClientPool {
  /** Service clients by service and host, the BigQuery and Storage clients, and the credentials. */
  private readonly clients = new Map<string, Promise<unknown>>();

  constructor(
    readonly connection: Connection,
    private readonly trace: (message: string) => void = () => undefined,
    /** Settles when the server can take requests (the emulator may still be booting). */
    private readonly ready: Promise<unknown> = Promise.resolve(),
  ) {
    // Every client, auth call and BigQuery/Storage client goes through a pool: an invalid
    // project, region or emulator URL stops here, before any host is built.
    checkConnection(connection);
  }

  /** The client of a service for a region; regions that share a host share the client. */
  get<K extends ServiceName>(service: K, region: string): Promise<ServiceClient<K>> {
    return this.once(`${service}@${endpointKey(this.connection, region)}`, () => this.build(service, region));
  }

  /** The BigQuery client; against the emulator when the pool is. Its own retry is off (callers retry). */
  bigQuery(): Promise<BigQuery> {
    return this.once('bigquery', async () => {
      const authClient = await this.authClient();
      const { connection } = this;
      return new (loadChunk('bigquery', this.trace).BigQuery)({
        projectId: connection.project,
        ...(connection.backend === 'emulator' ? { apiEndpoint: connection.emulatorUrl } : {}),
        authClient,
        autoRetry: false,
      });
    });
  }

  /** The Cloud Storage client; against the emulator when the pool is. Its own retry is off (callers retry). */
  storage(): Promise<Storage> {
    return this.once('storage', async () => {
      const authClient = await this.authClient();
      const { connection } = this;
      return new (loadChunk('storage', this.trace).Storage)({
        projectId: connection.project,
        // A custom endpoint skips auth unless told otherwise; the emulator wants a token.
        ...(connection.backend === 'emulator' ? { apiEndpoint: connection.emulatorUrl, useAuthWithCustomEndpoint: true } : {}),
        authClient,
        retryOptions: { autoRetry: false },
      });
    });
  }

  /** The credentials the clients use, for plain authorized fetches. */
  async authClient(): Promise<AuthClient> {
    const auth = await this.credentials();
    await this.ready;
    return auth;
  }

  async dispose(): Promise<void> {
    const clients = [...this.clients.values()];
    this.clients.clear();
    await Promise.allSettled(clients.map(async (c) => (await c as { close?(): Promise<void> }).close?.()));
  }

  /** Built on first use and then shared; a failed build (say, not signed in) is forgotten, so the next call tries again. */
  private once<T>(key: string, build: () => Promise<T>): Promise<T> {
    let client = this.clients.get(key) as Promise<T> | undefined;
    if (!client) {
      const built = build();
      built.catch(() => {
        if (this.clients.get(key) === built) this.clients.delete(key);
      });
      this.clients.set(key, built);
      client = built;
    }
    return client;
  }

  private credentials(): Promise<AuthClient> {
    return this.once('auth', () => createAuthClient(this.connection, loadChunk('aiplatform', this.trace)));
  }

  private async build<K extends ServiceName>(service: K, region: string): Promise<ServiceClient<K>> {
    const authClient = await this.credentials();
    const Client = loadChunk('aiplatform', this.trace)[service] as unknown as new (options: object) => ServiceClient<K>;
    const started = performance.now();
    const client = new Client({ ...clientEndpoint(this.connection, region), fallback: true, authClient });
    this.trace(`${service} built in ${(performance.now() - started).toFixed(0)} ms`);
    // Built while the emulator may still be booting; requests wait for it.
    await this.ready;
    return client;
  }
}
