// Credentials for the official clients. Never touches process.env: the extension
// host is shared with other extensions.
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Connection } from './connection';
import { NotSignedInError } from './parseError';
import type { AiplatformChunk } from './clients';

export const CLOUD_PLATFORM_SCOPE = 'https://www.googleapis.com/auth/cloud-platform';

export interface AdcLookup {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly home: string;
  readonly platform: NodeJS.Platform;
  readonly exists: (path: string) => boolean;
}

/**
 * Where Application Default Credentials are, found without any network call so
 * "not signed in" is known at once (the library would otherwise probe the
 * metadata server for seconds).
 */
export function findAdcFile(lookup: AdcLookup = defaultLookup()): string | undefined {
  const explicit = lookup.env.GOOGLE_APPLICATION_CREDENTIALS;
  if (explicit) return lookup.exists(explicit) ? explicit : undefined;
  const configDir =
    lookup.env.CLOUDSDK_CONFIG ??
    (lookup.platform === 'win32' ? join(lookup.env.APPDATA ?? lookup.home, 'gcloud') : join(lookup.home, '.config', 'gcloud'));
  const file = join(configDir, 'application_default_credentials.json');
  return lookup.exists(file) ? file : undefined;
}

function defaultLookup(): AdcLookup {
  return { env: process.env, home: homedir(), platform: process.platform, exists: existsSync };
}

export type AuthClient = InstanceType<AiplatformChunk['OAuth2Client']>;

/** An auth client for the official clients: ADC on Google, a fixed token for the emulator. */
export async function createAuthClient(connection: Connection, chunk: AiplatformChunk): Promise<AuthClient> {
  if (connection.backend === 'emulator') {
    const client = new chunk.OAuth2Client();
    client.setCredentials({ access_token: 'emulator', expiry_date: Date.now() + 365 * 24 * 3600_000 });
    return client;
  }
  const keyFilename = findAdcFile();
  if (!keyFilename) throw new NotSignedInError();
  const auth = new chunk.GoogleAuth({ keyFilename, scopes: [CLOUD_PLATFORM_SCOPE], projectId: connection.project });
  return (await auth.getClient()) as AuthClient;
}
