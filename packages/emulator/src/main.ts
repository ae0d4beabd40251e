// CLI: node dist/emulator.js [--port 8790 (0 = any free port)] [--host 127.0.0.1] [--seed demo|empty|scale:N]
// [--operation-delay-ms 1000] [--token-delay-ms 20] [--quota [region:]ACCELERATOR=N,...] [--job-duration-ms 60000] [--data-dir DIR] [--max-query-ms 300000] [--fault SPEC]... [--fault-seed N] [--verbose]
// [--traffic endpoint=ID,requests=N,shift=0..1,days=D,seed=K]... (generated traffic, sent once listening).
// Faults also come from VGO_EMULATOR_FAULTS (`;`-separated specs, see faults/faultSpec.ts).
// Prints one line once listening; under child_process.fork it also sends
// { type: 'listening', url } to the parent, and it exits when the parent goes away.
import { parseArgs } from 'node:util';
import { parseQuotaSpec } from '@vertex-genai-ops/catalog/quotas';
import { startEmulator } from './server';
import { parseTrafficFlag } from './traffic/trafficGenerator';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8790' },
      host: { type: 'string', default: '127.0.0.1' },
      seed: { type: 'string', default: 'demo' },
      'operation-delay-ms': { type: 'string' },
      'token-delay-ms': { type: 'string' },
      quota: { type: 'string' },
      'job-duration-ms': { type: 'string' },
      verbose: { type: 'boolean', default: false },
      'data-dir': { type: 'string' },
      'max-query-ms': { type: 'string' },
      fault: { type: 'string', multiple: true, default: [] },
      'fault-seed': { type: 'string', default: '0' },
      traffic: { type: 'string', multiple: true, default: [] },
    },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Invalid --port ${values.port}`);
  const delay = values['operation-delay-ms'];
  const maxQueryMs = values['max-query-ms'] === undefined ? undefined : Number(values['max-query-ms']);
  if (maxQueryMs !== undefined && !(Number.isInteger(maxQueryMs) && maxQueryMs > 0)) throw new Error(`Invalid --max-query-ms ${values['max-query-ms']}`);
  const faultSeed = Number(values['fault-seed']);
  if (!Number.isInteger(faultSeed)) throw new Error(`Invalid --fault-seed ${values['fault-seed']}`);
  const emulator = await startEmulator({
    port,
    host: values.host,
    seed: values.seed,
    operationDelayMs: delay === undefined ? undefined : Number(delay),
    tokenDelayMs: values['token-delay-ms'] === undefined ? undefined : Number(values['token-delay-ms']),
    quotas: values.quota === undefined ? undefined : parseQuotaSpec(values.quota),
    jobDurationMs: values['job-duration-ms'] === undefined ? undefined : Number(values['job-duration-ms']),
    log: values.verbose ? (line) => process.stderr.write(`${line}\n`) : undefined,
    dataDir: values['data-dir'],
    maxQueryMs,
    faults: [...(process.env.VGO_EMULATOR_FAULTS ? [process.env.VGO_EMULATOR_FAULTS] : []), ...values.fault],
    faultSeed,
    traffic: values.traffic.map(parseTrafficFlag),
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
