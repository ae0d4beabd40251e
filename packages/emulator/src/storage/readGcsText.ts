// Reads a gs://bucket/object from the emulator's Cloud Storage (tuning jobs read their
// datasets through it). Undefined when the URI is malformed or the object is absent.
import type { EmulatorState } from '../context';
import { storageOf } from './storageState';

export function readGcsText(state: EmulatorState, uri: string): string | undefined {
  const match = /^gs:\/\/([^/]+)\/(.+)$/.exec(uri);
  if (!match) return undefined;
  return storageOf(state).get(match[1], match[2])?.data.toString('utf8');
}
