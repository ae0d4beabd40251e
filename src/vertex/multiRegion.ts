// Listing across regions concurrently: one region failing (quota, outage, a region
// the project cannot use) must not hide what the others returned.
import { parseError, type ActionableError } from './parseError';
import type { Page } from './types';

export type RegionResult<T> =
  | { readonly region: string; readonly ok: true; readonly page: Page<T> }
  | { readonly region: string; readonly ok: false; readonly error: ActionableError };

/** One result per region, in the order given, each with its page or its error. */
export async function listAcrossRegions<T>(regions: readonly string[], listRegion: (region: string) => Promise<Page<T>>): Promise<RegionResult<T>[]> {
  const settled = await Promise.allSettled(regions.map(async (region) => listRegion(region)));
  return settled.map((outcome, i) =>
    outcome.status === 'fulfilled'
      ? { region: regions[i], ok: true, page: outcome.value }
      : { region: regions[i], ok: false, error: parseError(outcome.reason) },
  );
}
