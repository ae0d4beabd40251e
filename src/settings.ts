import * as vscode from 'vscode';

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
}

/** The seeded project of the emulator's `demo` seed. */
export const DEMO_PROJECT = 'genai-demo';

export function readSettings(): ConnectionSettings {
  const config = vscode.workspace.getConfiguration('vertexGenAi');
  const backend = config.get<string>('backend') === 'emulator' ? 'emulator' : 'cloud';
  const project = config.get<string>('project', '').trim();
  const regions = config.get<string[]>('regions', []).filter((r) => typeof r === 'string' && r.length > 0);
  return {
    backend,
    project: backend === 'emulator' ? config.get<string>('emulator.project', DEMO_PROJECT).trim() || DEMO_PROJECT : project,
    regions: regions.length > 0 ? regions : ['us-central1'],
    emulatorUrl: config.get<string>('emulator.url', '').trim(),
    emulatorSeed: config.get<string>('emulator.seed', 'demo').trim() || 'demo',
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
