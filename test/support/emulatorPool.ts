// The extension's ClientPool pointed at a test file's emulator (demo project, us-central1).
import type { Harness } from '@vertex-genai-ops/emulator/harness';
import { ClientPool } from '../../src/vertex/clients';

export function emulatorPool(h: Harness): ClientPool {
  return new ClientPool({ backend: 'emulator', project: 'genai-demo', regions: ['us-central1'], emulatorUrl: h.emulator.url });
}
