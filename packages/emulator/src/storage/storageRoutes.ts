// Every Cloud Storage JSON API route the emulator serves, for the Dispatcher's custom
// route table. They take calls without a token: @google-cloud/storage sends none to a
// custom endpoint, and resumable uploads drop `useAuthWithCustomEndpoint` (client 8.x).
import type { CustomRoute } from '../context';
import { bucketRoutes } from './bucketRoutes';
import { objectRoutes } from './objectRoutes';
import { uploadRoutes } from './uploadRoutes';

export function storageRoutes(): CustomRoute[] {
  return [...bucketRoutes(), ...objectRoutes(), ...uploadRoutes()];
}
