// Where requests go and with which credentials. No vscode here.
export type Backend = 'cloud' | 'emulator';

export interface Connection {
  readonly backend: Backend;
  readonly project: string;
  readonly regions: readonly string[];
  /** For the emulator: its base URL, e.g. http://127.0.0.1:8790. */
  readonly emulatorUrl?: string;
  /**
   * Whose credentials: the emulator's fixed token, or the user's Google sign-in (ADC, a key
   * file, impersonation). Defaults by backend; tests route a Google sign-in to the emulator.
   */
  readonly auth?: 'google' | 'emulator';
  /** `vertexGenAi.keyFile`: a service-account (or other ADC) JSON file, before the usual ADC places. */
  readonly keyFile?: string;
  /** `vertexGenAi.impersonateServiceAccount`: act as this service account. */
  readonly impersonate?: string;
  /** VS Code's `http.proxy` / `http.proxyStrictSSL`, for requests to Google. */
  readonly proxy?: { readonly url: string; readonly strictSSL: boolean };
}

/** Whether requests carry the user's Google credentials (not the emulator's fixed token). */
export function usesGoogleSignIn(connection: Connection): boolean {
  return (connection.auth ?? (connection.backend === 'cloud' ? 'google' : 'emulator')) === 'google';
}

/** Options for an official client: regional host on Google, the loopback emulator otherwise. */
export function clientEndpoint(connection: Connection, region: string): { apiEndpoint: string; port: number; protocol: 'http' | 'https' } {
  if (connection.backend === 'emulator') {
    const url = new URL(requireEmulatorUrl(connection));
    // `apiEndpoint: 'host:port'` silently goes to 443, so host and port are separate.
    return { apiEndpoint: url.hostname, port: Number(url.port || 80), protocol: url.protocol === 'https:' ? 'https' : 'http' };
  }
  return { apiEndpoint: `${region}-aiplatform.googleapis.com`, port: 443, protocol: 'https' };
}

export function requireEmulatorUrl(connection: Connection): string {
  if (!connection.emulatorUrl) throw new Error('The local emulator is not running.');
  return connection.emulatorUrl;
}

/** One key per distinct host, so clients are shared by regions that share a host. */
export function endpointKey(connection: Connection, region: string): string {
  const e = clientEndpoint(connection, region);
  return `${e.protocol}://${e.apiEndpoint}:${e.port}`;
}
