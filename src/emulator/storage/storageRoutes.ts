// Every Cloud Storage JSON API route the emulator serves, for the Dispatcher's custom
// route table. Like GCS for private buckets, calls need a bearer token: point
// @google-cloud/storage at the emulator with `useAuthWithCustomEndpoint: true`.
import type { CustomRoute } from '../context';
import { bucketRoutes } from './bucketRoutes';
import { objectRoutes } from './objectRoutes';
import { uploadRoutes } from './uploadRoutes';

export function storageRoutes(): CustomRoute[] {
  return [...bucketRoutes(), ...objectRoutes(), ...uploadRoutes()];
}
