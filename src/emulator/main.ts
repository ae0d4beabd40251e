// CLI: node dist/emulator.js [--port 8790 (0 = any free port)] [--host 127.0.0.1] [--seed demo|empty|scale:N]
// [--operation-delay-ms 1000] [--verbose]. Prints one line once listening; under
// child_process.fork it also sends { type: 'listening', url } to the parent, and it
// exits when the parent goes away.
import { parseArgs } from 'node:util';
import { startEmulator } from './server';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8790' },
      host: { type: 'string', default: '127.0.0.1' },
      seed: { type: 'string', default: 'demo' },
      'operation-delay-ms': { type: 'string' },
      verbose: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Invalid --port ${values.port}`);
  const delay = values['operation-delay-ms'];
  const emulator = await startEmulator({
    port,
    host: values.host,
    seed: values.seed,
    operationDelayMs: delay === undefined ? undefined : Number(delay),
    log: values.verbose ? (line) => process.stderr.write(`${line}\n`) : undefined,
  });
  process.stdout.write(`Vertex GenAI emulator listening on ${emulator.url} (seed ${values.seed})\n`);
  process.send?.({ type: 'listening', url: emulator.url });

  let closing = false;
  const shutdown = () => {
    if (closing) return;
    closing = true;
    void emulator.close().then(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  process.on('disconnect', shutdown);
}

main().catch((err: unknown) => {
  process.stderr.write(`vertex-genai-emulator: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(2);
});
