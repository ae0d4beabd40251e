// The live connection: settings + a running emulator (when that is the backend)
// → one ClientPool, rebuilt only when the settings change.
import * as vscode from 'vscode';
import { join } from 'node:path';
import { ClientPool } from '../vertex/clients';
import type { Connection } from '../vertex/connection';
import { InvalidSettingError } from '../vertex/parseError';
import { freePort, startEmulatorProcess, type RunningEmulator } from './emulatorLauncher';
import type { FeatureHost } from './contracts';
import { readSignInSettings } from '../features/connection/api';

export class Session implements vscode.Disposable {
  private current: Promise<ClientPool> | undefined;
  private emulator: { seed: string; running: Promise<RunningEmulator> } | undefined;

  constructor(private readonly host: FeatureHost) {}

  pool(): Promise<ClientPool> {
    if (!this.current) {
      const current = this.connect();
      current.catch(() => {
        if (this.current === current) this.current = undefined;
      });
      this.current = current;
    }
    return this.current;
  }

  /** Call when settings change: the next request builds a fresh pool. */
  reset(): void {
    const old = this.current;
    this.current = undefined;
    void old?.then((p) => p.dispose(), () => undefined);
    const s = this.host.settings();
    if (this.emulator && (s.backend !== 'emulator' || s.emulatorUrl || s.emulatorSeed !== this.emulator.seed)) this.stopEmulator();
  }

  dispose(): void {
    this.reset();
    this.stopEmulator();
  }

  private async connect(): Promise<ClientPool> {
    const s = this.host.settings();
    // An invalid setting sends nothing, not even the emulator's start.
    if (s.problem) throw new InvalidSettingError(s.problem.message);
    const { keyFile, impersonate } = readSignInSettings();
    const base: Connection = { backend: s.backend, project: s.project, regions: s.regions, keyFile, impersonate, proxy: this.proxy() };
    const trace = (m: string) => this.host.log.debug(m);
    if (s.backend !== 'emulator') {
      // Tests only: a Google sign-in whose requests go to an emulator instead of googleapis.com.
      const apis = this.host.testHooks?.googleApisUrl;
      return new ClientPool(apis ? { ...base, backend: 'emulator', emulatorUrl: apis, auth: 'google' } : base, trace);
    }
    if (s.emulatorUrl) return new ClientPool({ ...base, emulatorUrl: s.emulatorUrl }, trace);
    // Clients are built while the emulator boots; requests wait for it.
    const emulator = await this.startEmulator(s.emulatorSeed);
    return new ClientPool({ ...base, emulatorUrl: emulator.url }, trace, emulator.ready);
  }

  /** VS Code's proxy settings, for requests to Google (never to the loopback emulator). */
  private proxy(): Connection['proxy'] {
    const http = vscode.workspace.getConfiguration('http');
    const url = http.get<string>('proxy', '').trim();
    if (!url) return undefined;
    if (!/^https?:\/\/[^\s/]+/i.test(url)) {
      this.host.log.warn(`http.proxy "${url}" is not an http:// or https:// URL; requests go direct.`);
      return undefined;
    }
    return { url, strictSSL: http.get<boolean>('proxyStrictSSL', true) };
  }

  private startEmulator(seed: string): Promise<RunningEmulator> {
    if (!this.emulator || this.emulator.seed !== seed) {
      this.stopEmulator();
      const script = join(this.host.context.extensionPath, 'dist', 'emulator.js');
      const log = (line: string) => this.host.log.info(`[emulator] ${line}`);
      const started = performance.now();
      const running = freePort().then((port) => {
        const emulator = startEmulatorProcess(script, { port, seed }, log);
        void vscode.window.withProgress(
          { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Starting the local Vertex AI emulator…') },
          () => emulator.ready.catch(() => undefined),
        );
        emulator.ready.then(
          () => this.host.log.info(`Emulator ready on ${emulator.url} in ${(performance.now() - started).toFixed(0)} ms`),
          (error: Error) => {
            this.host.log.error(error.message);
            if (this.emulator?.running === running) this.emulator = undefined;
          },
        );
        return emulator;
      });
      this.emulator = { seed, running };
    }
    return this.emulator.running;
  }

  private stopEmulator(): void {
    void this.emulator?.running.then((e) => e.stop(), () => undefined);
    this.emulator = undefined;
  }
}
