// The step that asks for a BigQuery table when a command comes from the palette: every
// table of every dataset of the project, with a way to write a query instead where the
// command can take one.
import * as l10n from '@vscode/l10n';
import type { PickOption } from '../../ui/inputSeam';
import type { ClientPool } from '../../vertex/clients';
import { listBigQueryDatasets, listBigQueryTables } from '../../vertex/bigquery';
import type { TableRef } from '../../vertex/bigqueryRows';
import { readPages } from '../../vertex/paging';

export const QUERY_CHOICE = 'query';
export const WRITE_QUERY_LABEL = l10n.t('$(edit) Write a query…');

/** Tables of the pool's project, "dataset.table" labels, datasets in order. */
export async function tableOptions(pool: ClientPool, withQuery: boolean): Promise<PickOption<TableRef | typeof QUERY_CHOICE>[]> {
  const projectId = pool.connection.project;
  const { items: datasets } = await readPages((pageToken) => listBigQueryDatasets(pool, { pageToken }));
  const tables = await Promise.all(datasets.map(async (d) => (await readPages((pageToken) => listBigQueryTables(pool, d.id, { pageToken }))).items));
  const options: PickOption<TableRef | typeof QUERY_CHOICE>[] = tables.flat().map((t) => ({
    label: `$(${t.type === 'TABLE' ? 'table' : 'eye'}) ${t.datasetId}.${t.id}`,
    description: t.type === 'TABLE' ? undefined : t.type.toLowerCase(),
    value: { projectId, datasetId: t.datasetId, tableId: t.id },
  }));
  return withQuery ? [{ label: WRITE_QUERY_LABEL, detail: l10n.t('BigQuery Standard SQL'), value: QUERY_CHOICE }, ...options] : options;
}
