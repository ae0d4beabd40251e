// Which settings a workspace may choose. A repository's .vscode/settings.json is
// somebody else's data: in an untrusted workspace the settings that decide where
// requests (and the user's token) go come from the user's own settings only.
// VS Code applies package.json `restrictedConfigurations` too; this is the run-time
// check that does not depend on it. Pure: no vscode.

/** Mirrors `capabilities.untrustedWorkspaces.restrictedConfigurations` (a unit test keeps them equal). */
export const RESTRICTED_SETTINGS: readonly string[] = ['backend', 'project', 'regions', 'emulator.url', 'emulator.project'];

/** The parts of `WorkspaceConfiguration.inspect()` that are the user's, or VS Code's default. */
export interface InspectedSetting<T> {
  readonly defaultValue?: T;
  readonly globalValue?: T;
}

/** The value to use: the merged one, unless the workspace is untrusted and the setting restricted. */
export function settingValue<T>(key: string, merged: T | undefined, inspected: InspectedSetting<T> | undefined, trusted: boolean): T | undefined {
  if (trusted || !RESTRICTED_SETTINGS.includes(key)) return merged;
  return inspected?.globalValue ?? inspected?.defaultValue;
}
