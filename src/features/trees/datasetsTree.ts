// Datasets: Vertex AI datasets (per region) and BigQuery datasets → tables → columns.
import * as vscode from 'vscode';
import { getTableColumns, listBigQueryDatasets, listBigQueryTables, type BigQueryColumn, type BigQueryDataset } from '../../vertex/bigquery';
import { listDatasets } from '../../vertex/resources';
import type { Dataset } from '../../vertex/types';
import { regional, type TreeDefinition } from './resourceTreeProvider';
import type { ChildSpec, PagedSource, ResourceNode, TreeNode } from './treeNodes';
import { formatLabels } from '../../common/labels';

/** What a BigQuery table node carries; Preview rows and Export take it (or its `bq://` URI). */
export interface BigQueryTableRef {
  readonly projectId: string;
  readonly datasetId: string;
  readonly tableId: string;
  readonly type: string;
}
export interface BigQueryDatasetRef extends BigQueryDataset {
  readonly projectId: string;
}
export interface BigQueryColumnRef {
  readonly table: BigQueryTableRef;
  /** `address.city` for a nested field. */
  readonly path: string;
  readonly column: BigQueryColumn;
}

const DATASET_ICONS: Record<Dataset['kind'], string> = {
  text: 'symbol-text',
  multimodal: 'files',
  tabular: 'table',
  image: 'file-media',
  video: 'device-camera-video',
  other: 'database',
};

const COLUMN_ICONS: Record<string, string> = {
  STRING: 'symbol-string',
  BYTES: 'file-binary',
  INTEGER: 'symbol-number',
  INT64: 'symbol-number',
  FLOAT: 'symbol-number',
  FLOAT64: 'symbol-number',
  NUMERIC: 'symbol-number',
  BIGNUMERIC: 'symbol-number',
  BOOLEAN: 'symbol-boolean',
  BOOL: 'symbol-boolean',
  TIMESTAMP: 'calendar',
  DATE: 'calendar',
  DATETIME: 'calendar',
  TIME: 'clock',
  RECORD: 'symbol-structure',
  STRUCT: 'symbol-structure',
  JSON: 'json',
  GEOGRAPHY: 'globe',
};

const vertexDatasets = (region: string): PagedSource => ({
  key: `datasets@${region}`,
  kind: 'dataset',
  filterable: true,
  list: (pool, r) => listDatasets(pool, { region, ...r }),
  idOf: (d) => (d as Dataset).name,
});

const bigQueryDatasets: PagedSource = {
  key: 'bq:datasets',
  kind: 'bqDataset',
  filterable: true,
  empty: vscode.l10n.t('No BigQuery datasets in this project'),
  async list(pool, r) {
    const page = await listBigQueryDatasets(pool, r);
    return { ...page, items: page.items.map((d) => ({ ...d, projectId: pool.connection.project })) };
  },
  idOf: (d) => (d as BigQueryDatasetRef).id,
};

function tables(dataset: BigQueryDatasetRef): PagedSource {
  return {
    key: `bq:${dataset.id}`,
    kind: 'bqTable',
    empty: vscode.l10n.t('No tables'),
    async list(pool, r) {
      const page = await listBigQueryTables(pool, dataset.id, r);
      return { ...page, items: page.items.map((t): BigQueryTableRef => ({ projectId: dataset.projectId, datasetId: dataset.id, tableId: t.id, type: t.type })) };
    },
    idOf: (t) => (t as BigQueryTableRef).tableId,
  };
}

function columns(table: BigQueryTableRef): PagedSource {
  return {
    key: `bq:${table.datasetId}.${table.tableId}`,
    kind: 'bqColumn',
    empty: vscode.l10n.t('No columns'),
    async list(pool) {
      const cols = await getTableColumns(pool, table.datasetId, table.tableId);
      return { items: cols.map((column): BigQueryColumnRef => ({ table, path: column.name, column })) };
    },
    idOf: (c) => (c as BigQueryColumnRef).path,
  };
}

function nestedFields(node: ResourceNode, ref: BigQueryColumnRef): ChildSpec {
  return {
    nodes: (ref.column.fields ?? []).map((column): TreeNode => ({
      type: 'resource',
      kind: 'bqColumn',
      value: { table: ref.table, path: `${ref.path}.${column.name}`, column } satisfies BigQueryColumnRef,
      parent: node,
    })),
  };
}

export const datasetsTree: TreeDefinition = {
  viewId: 'vertexGenAi.datasets',
  roots: (regions) => ({
    nodes: [
      { type: 'group', id: 'group:vertex', label: vscode.l10n.t('Vertex AI datasets'), icon: 'database', contextValue: 'vertexGenAi.group', children: regional(regions, vertexDatasets, 'vertex:') },
      { type: 'group', id: 'group:bigquery', label: vscode.l10n.t('BigQuery'), icon: 'server-environment', contextValue: 'vertexGenAi.group', children: { source: bigQueryDatasets } },
    ],
  }),
  children(node) {
    if (node.kind === 'bqDataset') return { source: tables(node.value as BigQueryDatasetRef) };
    if (node.kind === 'bqTable') return { source: columns(node.value as BigQueryTableRef) };
    if (node.kind === 'bqColumn' && (node.value as BigQueryColumnRef).column.fields) return nestedFields(node, node.value as BigQueryColumnRef);
    return undefined;
  },
  filterable(node) {
    if (node.kind === 'bqDataset') {
      const d = node.value as BigQueryDatasetRef;
      return { id: d.id, displayName: d.friendlyName ?? d.id };
    }
    return node.value as Dataset;
  },
  treeItem(node) {
    switch (node.kind) {
      case 'bqDataset':
        return bigQueryDatasetItem(node.value as BigQueryDatasetRef);
      case 'bqTable':
        return tableItem(node.value as BigQueryTableRef);
      case 'bqColumn':
        return columnItem(node.value as BigQueryColumnRef);
      default:
        return datasetItem(node.value as Dataset);
    }
  },
};

function datasetItem(d: Dataset): vscode.TreeItem {
  const item = new vscode.TreeItem(d.displayName);
  item.id = d.name;
  item.description = [d.kind, d.dataItemCount ? vscode.l10n.t('{0} items', d.dataItemCount.toLocaleString()) : undefined].filter(Boolean).join(' · ');
  item.iconPath = new vscode.ThemeIcon(DATASET_ICONS[d.kind]);
  const labels = formatLabels(d.labels);
  item.tooltip = [d.name, vscode.l10n.t('Kind: {0}', d.kind), labels && vscode.l10n.t('Labels: {0}', labels)].filter(Boolean).join('\n');
  item.contextValue = 'vertexGenAi.dataset';
  return item;
}

function bigQueryDatasetItem(d: BigQueryDatasetRef): vscode.TreeItem {
  const item = new vscode.TreeItem(d.id, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = `bq://${d.projectId}.${d.id}`;
  item.description = [d.friendlyName, d.location].filter(Boolean).join(' · ');
  item.iconPath = new vscode.ThemeIcon('database');
  item.tooltip = `bq://${d.projectId}.${d.id}`;
  item.contextValue = 'vertexGenAi.bqDataset';
  return item;
}

function tableItem(t: BigQueryTableRef): vscode.TreeItem {
  const item = new vscode.TreeItem(t.tableId, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = `bq://${t.projectId}.${t.datasetId}.${t.tableId}`;
  item.description = t.type === 'TABLE' ? undefined : t.type.toLowerCase().replace(/_/g, ' ');
  item.iconPath = new vscode.ThemeIcon(t.type === 'VIEW' ? 'eye' : 'table');
  item.tooltip = item.id;
  item.contextValue = 'vertexGenAi.bqTable';
  return item;
}

function columnItem(c: BigQueryColumnRef): vscode.TreeItem {
  const nested = (c.column.fields?.length ?? 0) > 0;
  const item = new vscode.TreeItem(c.column.name, nested ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
  item.id = `bq://${c.table.projectId}.${c.table.datasetId}.${c.table.tableId}#${c.path}`;
  item.description = [c.column.type, c.column.mode !== 'NULLABLE' && c.column.mode].filter(Boolean).join(' · ');
  item.iconPath = new vscode.ThemeIcon(COLUMN_ICONS[c.column.type] ?? 'symbol-field');
  item.tooltip = [`${c.path}: ${c.column.type} ${c.column.mode}`, c.column.description].filter(Boolean).join('\n');
  item.contextValue = 'vertexGenAi.bqColumn';
  return item;
}
