// The extension's ClientPool pointed at a test's emulator: here, not in the emulator's
// harness, because the emulator package never imports the extension.
import type { Harness } from '../../packages/emulator/test/emulatorHarness';
import { ClientPool } from '../../src/vertex/clients';

/** The extension's ClientPool, pointed at the harness's emulator (demo project, us-central1). */
export function emulatorPool(h: Harness): ClientPool {
  return new ClientPool({ backend: 'emulator', project: 'genai-demo', regions: ['us-central1'], emulatorUrl: h.emulator.url });
}
