// Where requests go and with which credentials. No vscode here.
import * as l10n from '@vscode/l10n';
import { InvalidSettingError } from './parseError';
import { validateProjectId, validateRegion } from './regions';

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
  const host = vertexHost(region); // also checks the region, which the emulator's paths carry
  if (connection.backend === 'emulator') {
    const url = new URL(requireEmulatorUrl(connection));
    // `apiEndpoint: 'host:port'` silently goes to 443, so host and port are separate.
    return { apiEndpoint: url.hostname, port: Number(url.port || 80), protocol: url.protocol === 'https:' ? 'https' : 'http' };
  }
  return { apiEndpoint: host, port: 443, protocol: 'https' };
}

/**
 * Google's Vertex AI host for a region: the only place a cloud host is built from a
 * value. A region that is not Google's shape never becomes a host (finding: a region
 * `attacker.example#` sent the user's token to attacker.example).
 */
export function vertexHost(region: string): string {
  if (validateRegion(region)) throw new InvalidSettingError(l10n.t('{0} is not a Google Cloud region such as us-central1, so nothing was sent; choose another region.', shown(region)));
  return region === 'global' ? 'aiplatform.googleapis.com' : `${region}-aiplatform.googleapis.com`;
}

/** A Vertex AI REST URL on Google, e.g. for the curl command a review shows. */
export function vertexRestUrl(region: string, path: string): string {
  return `https://${vertexHost(region)}/v1/${path}`;
}

/** A setting that cannot be used, and the one sentence that says so. */
export interface SettingProblem {
  readonly setting: string;
  readonly message: string;
}

/** The setting that cannot be used, or undefined; an empty project is "not configured", not invalid. */
export function connectionProblem(connection: Pick<Connection, 'backend' | 'project' | 'regions' | 'emulatorUrl'>): SettingProblem | undefined {
  const problem = (setting: string, what: string): SettingProblem => ({ setting, message: l10n.t('{0}: {1}, so nothing was sent; correct the setting.', setting, what) });
  const projectKey = connection.backend === 'emulator' ? 'vertexGenAi.emulator.project' : 'vertexGenAi.project';
  const project: unknown = connection.project;
  if (typeof project !== 'string' || (project !== '' && validateProjectId(project))) {
    return problem(projectKey, l10n.t('{0} is not a Google Cloud project id (6 to 30 lowercase letters, digits or hyphens)', shown(project)));
  }
  const regions: unknown = connection.regions;
  if (!Array.isArray(regions)) return problem('vertexGenAi.regions', l10n.t('{0} is not a list of regions such as ["us-central1"]', shown(regions)));
  const bad: unknown = regions.find((r) => typeof r !== 'string' || validateRegion(r));
  if (bad !== undefined) return problem('vertexGenAi.regions', l10n.t('{0} is not a Google Cloud region such as us-central1', shown(bad)));
  if (connection.backend === 'emulator' && connection.emulatorUrl !== undefined && !isOrigin(connection.emulatorUrl)) {
    return problem('vertexGenAi.emulator.url', l10n.t('{0} is not an http(s) origin such as http://127.0.0.1:8790', shown(connection.emulatorUrl)));
  }
  return undefined;
}

/** Throws the sentence of connectionProblem, if there is one. */
export function checkConnection(connection: Pick<Connection, 'backend' | 'project' | 'regions' | 'emulatorUrl'>): void {
  const problem = connectionProblem(connection);
  if (problem) throw new InvalidSettingError(problem.message);
}

function isOrigin(url: unknown): boolean {
  return typeof url === 'string' && /^https?:\/\/[^/?#@\\\s]+\/?$/.test(url);
}

/** A value as the sentence quotes it: JSON (so a newline cannot split the sentence), at most 40 characters. */
function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

export function requireEmulatorUrl(connection: Connection): string {
  if (!connection.emulatorUrl) throw new Error(l10n.t('The local emulator is not running.'));
  checkConnection(connection);
  return connection.emulatorUrl;
}

/** One key per distinct host, so clients are shared by regions that share a host. */
export function endpointKey(connection: Connection, region: string): string {
  const e = clientEndpoint(connection, region);
  return `${e.protocol}://${e.apiEndpoint}:${e.port}`;
}
