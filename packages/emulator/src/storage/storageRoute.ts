// Route helper and request checks shared by the Cloud Storage routes.
import type { CustomRoute, HttpResult } from '../context';
import { compileTemplate } from '../pathTemplate';
import { noSuchBucket, StorageError } from './storageError';
import type { StorageState, StoredBucket, StoredObject } from './storageState';

export const STORAGE_SERVICE = 'storage.googleapis.com';

export function storageRoute(verb: CustomRoute['verb'], template: string, method: string, handle: CustomRoute['handle'], rawBody = false): CustomRoute {
  return { kind: 'custom', verb, template: compileTemplate(template), methodName: `storage.${method}`, service: STORAGE_SERVICE, handle, rawBody, anonymous: true };
}

export const noContent = (): HttpResult => ({ status: 204, body: undefined, raw: { data: Buffer.alloc(0) } });

export function bucketOf(storage: StorageState, name: string): StoredBucket {
  const bucket = storage.buckets.get(name);
  if (!bucket) throw noSuchBucket();
  return bucket;
}

/** ifGenerationMatch (0: the object must not exist) and ifMetagenerationMatch. */
export function checkPreconditions(query: URLSearchParams, current: StoredObject | undefined): void {
  const generation = query.get('ifGenerationMatch');
  const metageneration = query.get('ifMetagenerationMatch');
  const holds =
    (generation === null || generation === (current?.generation ?? '0')) &&
    (metageneration === null || (current !== undefined && metageneration === String(current.metageneration)));
  if (!holds) throw new StorageError('conditionNotMet', 'At least one of the pre-conditions you specified did not hold.');
}
