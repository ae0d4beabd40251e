// The resource name a command was invoked on: a tree node, or a name passed as text
// (from the command palette, a link, or a test). BigQuery nodes give their `bq://` URI.
import type { DeployedModel, Model } from '../../vertex/types';
import type { BigQueryColumnRef, BigQueryDatasetRef, BigQueryTableRef } from './datasetsTree';
import type { TreeNode } from './treeNodes';

export function resourceNameFrom(target: unknown): string | undefined {
  if (typeof target === 'string') return target.trim() || undefined;
  const node = target as TreeNode | undefined;
  if (node?.type !== 'resource') return undefined;
  switch (node.kind) {
    case 'deployedModel': {
      const d = node.value as DeployedModel;
      return d.modelVersionId ? `${d.model}@${d.modelVersionId}` : d.model;
    }
    case 'modelVersion': {
      const v = node.value as Model;
      return `${v.name}@${v.versionId}`;
    }
    case 'bqDataset': {
      const d = node.value as BigQueryDatasetRef;
      return `bq://${d.projectId}.${d.id}`;
    }
    case 'bqTable': {
      const t = node.value as BigQueryTableRef;
      return `bq://${t.projectId}.${t.datasetId}.${t.tableId}`;
    }
    case 'bqColumn':
      return (node.value as BigQueryColumnRef).path;
    default:
      return (node.value as { name?: string }).name;
  }
}
