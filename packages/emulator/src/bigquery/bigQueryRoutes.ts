// Every BigQuery v2 route the emulator serves, for the Dispatcher's custom route table.
import type { CustomRoute } from '../context';
import { datasetRoutes } from './datasetRoutes';
import { jobRoutes } from './jobRoutes';
import { tabledataRoutes } from './tabledataRoutes';

export function bigQueryRoutes(): CustomRoute[] {
  return [...datasetRoutes(), ...tabledataRoutes(), ...jobRoutes()];
}
