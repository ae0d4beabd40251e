// Credentials for the official clients. Never writes process.env: the extension
// host is shared with other extensions.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { requireEmulatorUrl, usesGoogleSignIn, type Connection } from './connection';
import { NotSignedInError } from './parseError';

export const CLOUD_PLATFORM_SCOPE = 'https://www.googleapis.com/auth/cloud-platform';

export interface AdcLookup {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly home: string;
  readonly platform: NodeJS.Platform;
  readonly exists: (path: string) => boolean;
  /** `vertexGenAi.keyFile`, which comes first. */
  readonly keyFile?: string;
}

/**
 * Where the credentials file is looked for, whether or not it exists yet: the key file
 * setting, GOOGLE_APPLICATION_CREDENTIALS, else the file `gcloud auth
 * application-default login` writes (under CLOUDSDK_CONFIG when set).
 */
export function adcPath(lookup: AdcLookup = defaultLookup()): string {
  const explicit = lookup.keyFile || lookup.env.GOOGLE_APPLICATION_CREDENTIALS;
  if (explicit) return explicit;
  const configDir =
    lookup.env.CLOUDSDK_CONFIG ??
    (lookup.platform === 'win32' ? join(lookup.env.APPDATA ?? lookup.home, 'gcloud') : join(lookup.home, '.config', 'gcloud'));
  return join(configDir, 'application_default_credentials.json');
}

/**
 * The Application Default Credentials file, found without any network call so
 * "not signed in" is known at once (the library would otherwise probe the
 * metadata server for seconds).
 */
export function findAdcFile(lookup: AdcLookup = defaultLookup()): string | undefined {
  const file = adcPath(lookup);
  return lookup.exists(file) ? file : undefined;
}

export function defaultLookup(keyFile?: string): AdcLookup {
  return { env: process.env, home: homedir(), platform: process.platform, exists: existsSync, keyFile };
}

/** The aiplatform chunk's credential classes (clients.ts loads the chunk and passes it in). */
type AuthChunk = Pick<typeof import('./chunks/aiplatform'), 'GoogleAuth' | 'OAuth2Client' | 'Impersonated' | 'HttpsProxyAgent'>;
export type AuthClient = InstanceType<AuthChunk['OAuth2Client']>;

/**
 * An auth client for the official clients: the user's Google credentials (optionally
 * impersonating a service account, optionally through VS Code's proxy), or the
 * emulator's token. Both refresh once on a 401 through the library
 * (`forceRefreshOnFailure`), and both refresh at a token endpoint: Google's, or the
 * emulator's when requests go there.
 */
export async function createAuthClient(connection: Connection, chunk: AuthChunk): Promise<AuthClient> {
  const tokenUrl = connection.backend === 'emulator' ? { endpoints: { oauth2TokenUrl: `${requireEmulatorUrl(connection)}/token` } } : {};
  if (!usesGoogleSignIn(connection)) {
    const client = new chunk.OAuth2Client({ clientId: 'emulator', clientSecret: 'emulator', forceRefreshOnFailure: true, ...tokenUrl });
    client.setCredentials({ access_token: 'emulator', refresh_token: 'emulator', expiry_date: Date.now() + 365 * 24 * 3600_000 });
    return client;
  }
  const keyFilename = findAdcFile(defaultLookup(connection.keyFile));
  if (!keyFilename) throw new NotSignedInError();
  // Read here (not `keyFilename`, which the library deprecates): the file is the user's own, found above.
  const credentials = JSON.parse(await readFile(keyFilename, 'utf8')) as object;
  const auth = new chunk.GoogleAuth({
    credentials,
    scopes: [CLOUD_PLATFORM_SCOPE],
    projectId: connection.project,
    clientOptions: { forceRefreshOnFailure: true, ...tokenUrl },
  });
  const source = (await auth.getClient()) as AuthClient;
  const client = connection.impersonate
    ? (new chunk.Impersonated({ sourceClient: source, targetPrincipal: connection.impersonate, targetScopes: [CLOUD_PLATFORM_SCOPE], lifetime: 3600 }) as unknown as AuthClient)
    : source;
  throughProxy(source, chunk, connection.proxy);
  if (client !== source) throughProxy(client, chunk, connection.proxy);
  return client;
}

/** Every request of this auth client (API calls and token refreshes) goes through the proxy. */
function throughProxy(client: AuthClient, chunk: AuthChunk, proxy: Connection['proxy']): void {
  if (!proxy) return;
  const agent = new chunk.HttpsProxyAgent(proxy.url, { rejectUnauthorized: proxy.strictSSL });
  client.transporter.interceptors.request.add({
    resolved: async (options) => {
      // Set after the library's own agent (gax passes a keep-alive one), so the proxy wins.
      options.agent = agent;
      return options;
    },
  });
}
