// Builds each official client once, on first use, and reuses it. The client
// code itself lives in a lazily required chunk (see esbuild.mjs).
import { checkConnection, clientEndpoint, endpointKey, type Connection } from './connection';
import { createAuthClient, type AuthClient } from './auth';

export type AiplatformChunk = typeof import('./chunks/aiplatform');
type ServiceName = {
  [K in keyof AiplatformChunk]: K extends `${string}ServiceClient` ? K : never;
}[keyof AiplatformChunk];
export type ServiceClient<K extends ServiceName> = InstanceType<AiplatformChunk[K]>;

let chunk: AiplatformChunk | undefined;
/** Loads the Vertex AI client code (~3 MB) the first time it is needed. */
export function aiplatformChunk(): AiplatformChunk {
  return (chunk ??= require('chunk:aiplatform') as AiplatformChunk);
}

export class ClientPool {
  private readonly clients = new Map<string, Promise<unknown>>();
  private auth: Promise<AuthClient> | undefined;

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
    const key = `${service}@${endpointKey(this.connection, region)}`;
    let client = this.clients.get(key);
    if (!client) {
      client = this.build(service, region);
      // A failed build (say, not signed in) must not stick: the user may fix it.
      client.catch(() => this.clients.delete(key));
      this.clients.set(key, client);
    }
    return client as Promise<ServiceClient<K>>;
  }

  /** The credentials the clients use, for plain authorized fetches and the BigQuery/Storage clients. */
  async authClient(): Promise<AuthClient> {
    const auth = await this.credentials();
    await this.ready;
    return auth;
  }

  async dispose(): Promise<void> {
    const clients = [...this.clients.values()];
    this.clients.clear();
    await Promise.allSettled(clients.map(async (c) => (await c as { close(): Promise<void> }).close()));
  }

  /** Created once; a failure (say, not signed in) is forgotten so the next call tries again. */
  private credentials(): Promise<AuthClient> {
    if (!this.auth) {
      const auth = createAuthClient(this.connection, this.chunk());
      auth.catch(() => {
        if (this.auth === auth) this.auth = undefined;
      });
      this.auth = auth;
    }
    return this.auth;
  }

  private chunk(): AiplatformChunk {
    if (chunk) return chunk;
    const started = performance.now();
    const lib = aiplatformChunk();
    this.trace(`aiplatform chunk loaded in ${(performance.now() - started).toFixed(0)} ms`);
    return lib;
  }

  private async build<K extends ServiceName>(service: K, region: string): Promise<ServiceClient<K>> {
    const authClient = await this.credentials();
    const Client = this.chunk()[service] as unknown as new (options: object) => ServiceClient<K>;
    const started = performance.now();
    const client = new Client({ ...clientEndpoint(this.connection, region), fallback: true, authClient });
    this.trace(`${service} built in ${(performance.now() - started).toFixed(0)} ms`);
    // Built while the emulator may still be booting; requests wait for it.
    await this.ready;
    return client;
  }
}
