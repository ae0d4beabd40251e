// Starts the bundled emulator (dist/emulator.js) as a child Node process. The
// port is chosen up front so clients can be built while the emulator boots.
// No vscode here.
import * as l10n from '@vscode/l10n';
import { fork } from 'node:child_process';
import { createServer } from 'node:net';

export interface RunningEmulator {
  readonly url: string;
  /** Settles when the emulator listens (or fails to start). */
  readonly ready: Promise<void>;
  stop(): void;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export function startEmulatorProcess(
  script: string,
  options: { port: number; seed: string },
  log: (line: string) => void,
  timeoutMs = 15_000,
): RunningEmulator {
  const child = fork(script, ['--port', String(options.port), '--seed', options.seed], {
    // In desktop VS Code process.execPath is Electron: run it as plain Node.
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    execArgv: [],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  child.stdout?.on('data', (d: Buffer) => log(d.toString().trimEnd()));
  child.stderr?.on('data', (d: Buffer) => log(d.toString().trimEnd()));
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`The local emulator did not start within ${timeoutMs / 1000} s; see the log.`));
    }, timeoutMs);
    child.on('message', (m: { type?: string }) => {
      if (m?.type !== 'listening') return;
      clearTimeout(timer);
      resolve();
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(l10n.t('The local emulator stopped (exit code {0}); see the log, then retry.', String(code))));
    });
  });
  ready.catch(() => undefined); // observed by whoever awaits it
  return { url: `http://127.0.0.1:${options.port}`, ready, stop: () => child.kill() };
}
