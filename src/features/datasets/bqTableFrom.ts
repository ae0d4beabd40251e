// The BigQuery table a command was invoked on: a Datasets tree table node (its value
// holds projectId, datasetId, tableId), a bq://project.dataset.table URI, or
// project.dataset.table typed or linked. Undefined when it names no table.
import type { TableRef } from '../../vertex/bigqueryRows';

/** Dataset and table ids have no dots; a project id may ("example.com:app"), so it is the rest. */
const TABLE_PATH = /^(?:bq:\/\/)?(.+)[.:]([A-Za-z0-9_]+)\.([^.\s]+)$/;

export function bqTableFrom(target: unknown, defaultProject?: string): TableRef | undefined {
  if (typeof target === 'string') {
    const m = TABLE_PATH.exec(target.trim());
    return m ? { projectId: m[1], datasetId: m[2], tableId: m[3] } : undefined;
  }
  if (!target || typeof target !== 'object') return undefined;
  const value = ('value' in target ? (target as { value: unknown }).value : target) as Record<string, unknown> | undefined;
  const projectId = value?.projectId ?? defaultProject;
  const tableId = value?.tableId ?? (value?.datasetId ? value.id : undefined);
  if (typeof projectId !== 'string' || typeof value?.datasetId !== 'string' || typeof tableId !== 'string') return undefined;
  return { projectId, datasetId: value.datasetId, tableId };
}
