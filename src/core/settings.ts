import * as vscode from 'vscode';
import { settingValue } from './settingTrust';
import { connectionProblem, type SettingProblem } from '../vertex/connection';

export type Backend = 'cloud' | 'emulator';

export interface ConnectionSettings {
  readonly backend: Backend;
  /**
   * The project requests go to: `vertexGenAi.project` on Google Cloud,
   * `vertexGenAi.emulator.project` on the emulator, so switching backends never
   * overwrites the user's own project.
   */
  readonly project: string;
  readonly regions: readonly string[];
  /** An emulator that already runs; empty means the extension starts its own. */
  readonly emulatorUrl: string;
  readonly emulatorSeed: string;
  /** A setting that cannot be used (say, a region that is not Google's shape): nothing is sent while it is set. */
  readonly problem?: SettingProblem;
}

/** The seeded project of the emulator's `demo` seed. */
export const DEMO_PROJECT = 'genai-demo';

export function readSettings(): ConnectionSettings {
  const config = vscode.workspace.getConfiguration('vertexGenAi');
  const trusted = vscode.workspace.isTrusted;
  const get = (key: string): unknown => settingValue(key, config.get<unknown>(key), config.inspect<unknown>(key), trusted);
  const text = (key: string, fallback: string): unknown => {
    const value = get(key) ?? fallback;
    return typeof value === 'string' ? value.trim() : value;
  };
  const backend = get('backend') === 'emulator' ? 'emulator' : 'cloud';
  // Kept as found (not filtered) so a wrong type or value is reported, never silently replaced.
  const project = backend === 'emulator' ? text('emulator.project', DEMO_PROJECT) || DEMO_PROJECT : text('project', '');
  const rawRegions = get('regions');
  const regions = Array.isArray(rawRegions) && rawRegions.length > 0 ? (rawRegions as unknown[]) : rawRegions === undefined || Array.isArray(rawRegions) ? ['us-central1'] : rawRegions;
  const emulatorUrl = text('emulator.url', '');
  const problem = connectionProblem({ backend, project: project as string, regions: regions as string[], emulatorUrl: (emulatorUrl as string) || undefined });
  return {
    backend,
    project: String(project),
    regions: Array.isArray(regions) ? regions.map(String) : [String(regions)],
    emulatorUrl: String(emulatorUrl),
    emulatorSeed: String(text('emulator.seed', 'demo')) || 'demo',
    ...(problem ? { problem } : {}),
  };
}

export function isConfigured(settings: ConnectionSettings): boolean {
  return settings.project.length > 0;
}

export function describeContext(settings: ConnectionSettings): string {
  const regions =
    settings.regions.length > 1 ? `${settings.regions[0]} +${settings.regions.length - 1}` : settings.regions[0];
  return `${settings.backend} · ${settings.project || vscode.l10n.t('no project')} · ${regions}`;
}

/** Writes a setting where the user keeps it: the workspace if it is set there, else the user settings. */
export async function updateSetting(key: string, value: unknown): Promise<void> {
  const config = vscode.workspace.getConfiguration('vertexGenAi');
  const inspected = config.inspect(key);
  const target =
    inspected?.workspaceValue !== undefined ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await config.update(key, value, target);
}

/** The setting that holds the project of the given backend. */
export function projectSettingKey(backend: Backend): string {
  return backend === 'emulator' ? 'emulator.project' : 'project';
}
