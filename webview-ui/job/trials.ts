// HPT trials as the table shows them: sorted by any column, best trial first by
// default (by the study's goal), trials without a measurement last. Pure.
import type { JobView } from '../../src/features/jobs/protocol';

export type Trial = JobView['trials'][number];
export type SortKey = 'id' | 'state' | 'value' | `param:${string}`;
export interface Sort {
  readonly key: SortKey;
  readonly descending: boolean;
}

export function defaultSort(metric: JobView['metric']): Sort {
  return { key: 'value', descending: metric?.goal !== 'MINIMIZE' };
}

export function sortTrials(trials: readonly Trial[], sort: Sort): Trial[] {
  const valueOf = (t: Trial): string | number | undefined =>
    sort.key === 'value' ? t.value : sort.key === 'id' ? Number(t.id) : sort.key === 'state' ? t.state : t.parameters[sort.key.slice(6)];
  return [...trials].sort((a, b) => {
    const x = valueOf(a);
    const y = valueOf(b);
    if (x === undefined || y === undefined) return x === undefined ? (y === undefined ? 0 : 1) : -1;
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return sort.descending ? -order : order;
  });
}

/** Clicking a header sorts by it; clicking it again flips the order. */
export function toggleSort(current: Sort, key: SortKey): Sort {
  return current.key === key ? { key, descending: !current.descending } : { key, descending: key === 'value' };
}

export function parameterIds(trials: readonly Trial[]): string[] {
  return [...new Set(trials.flatMap((t) => Object.keys(t.parameters)))].sort();
}
