// What a launch flow needs from the editor and the cloud, injected so the flows stay
// free of vscode and run the same under a test's script.
import type { Launch } from './launchTypes';

export interface LintSummary {
  readonly errors: readonly string[];
  readonly warnings: readonly string[];
  /** The data cannot be used at all (a gs:// object that does not exist): one sentence. */
  readonly refused?: string;
}

export interface LaunchEnv {
  readonly project: string;
  /** Regions offered first (the user's configured ones). */
  readonly regions: readonly string[];
  /** JSONL files in the workspace (absolute paths), offered before "Browse…". */
  localJsonl(): Promise<readonly string[]>;
  /** The file dialog; undefined when dismissed. */
  browseJsonl(): Promise<string | undefined>;
  /** Lints a local file, or a gs:// object (checked to exist, read bounded). */
  lint(path: string): Promise<LintSummary>;
  buckets(): Promise<readonly string[]>;
  /** Review actions. */
  copy(text: string, what: string): Promise<void>;
  show(content: string, language: 'json' | 'shellscript' | 'yaml'): Promise<void>;
  saveSpec(launch: Launch): Promise<void>;
}
