// Endpoints → deployed models (model and version, machine and accelerator, replicas, traffic).
import * as vscode from 'vscode';
import { listEndpoints } from '../../vertex/resources';
import type { DeployedModel, Endpoint } from '../../vertex/types';
import { formatAccelerator } from './format';
import { regionalRoots, type TreeDefinition } from './resourceTreeProvider';

function endpointItem(e: Endpoint): vscode.TreeItem {
  const item = new vscode.TreeItem(e.displayName, e.deployedModels.length > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
  item.id = e.name;
  item.description = vscode.l10n.t('{0} deployed', e.deployedModels.length);
  item.iconPath = new vscode.ThemeIcon('plug');
  item.tooltip = e.name;
  // An endpoint with nothing deployed cannot be prompted, monitored or re-split: its own contextValue hides those.
  item.contextValue = e.deployedModels.length > 0 ? 'vertexGenAi.endpoint' : 'vertexGenAi.endpoint.empty';
  return item;
}

function deployedModelItem(endpoint: Endpoint, d: DeployedModel): vscode.TreeItem {
  const item = new vscode.TreeItem(d.displayName);
  item.id = `${endpoint.name}/deployedModels/${d.id}`;
  const machine = [d.machineType, formatAccelerator(d.acceleratorType, d.acceleratorCount)].filter(Boolean).join(' + ');
  const replicas = d.minReplicaCount !== undefined ? vscode.l10n.t('{0}–{1} replicas', d.minReplicaCount, d.maxReplicaCount ?? d.minReplicaCount) : undefined;
  // Short enough for the default sidebar width: traffic and version; the machine is in the tooltip.
  item.description = [`${d.trafficPercent}%`, d.modelVersionId && `v${d.modelVersionId}`].filter(Boolean).join(' · ');
  item.iconPath = new vscode.ThemeIcon('vm', d.trafficPercent > 0 ? new vscode.ThemeColor('charts.green') : undefined);
  item.tooltip = [`${d.model}@${d.modelVersionId}`, vscode.l10n.t('Deployed model {0}', d.id), [machine, replicas].filter(Boolean).join(' · ')].filter(Boolean).join('\n');
  item.contextValue = 'vertexGenAi.deployedModel';
  return item;
}

export const endpointsTree: TreeDefinition = {
  viewId: 'vertexGenAi.endpoints',
  roots: regionalRoots('endpoint', 'endpoints', listEndpoints),
  children(node) {
    if (node.kind !== 'endpoint') return undefined;
    const endpoint = node.value as Endpoint;
    return { nodes: endpoint.deployedModels.map((value) => ({ type: 'resource', kind: 'deployedModel', value, parent: node })) };
  },
  treeItem: (node) => (node.kind === 'deployedModel' ? deployedModelItem((node.parent as { value: Endpoint }).value, node.value as DeployedModel) : endpointItem(node.value as Endpoint)),
  filterable: (node) => node.value as Endpoint,
};
