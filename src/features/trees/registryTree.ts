// Model Registry: models → versions (aliases, created time, labels, deployed or not).
import * as vscode from 'vscode';
import { formatLabels } from '../../common/labels';
import type { ClientPool } from '../../vertex/clients';
import { resourceId, resourceRegion } from '../../vertex/protoValues';
import { listEndpoints, listModels, listModelVersions } from '../../vertex/resources';
import type { Model, Page } from '../../vertex/types';
import { regionalRoots, type TreeDefinition } from './resourceTreeProvider';

function modelItem(m: Model): vscode.TreeItem {
  const item = new vscode.TreeItem(m.displayName, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = m.name;
  item.description = [m.versionId && vscode.l10n.t('default v{0}', m.versionId), m.deployedTo.length > 0 && vscode.l10n.t('deployed')].filter(Boolean).join(' · ');
  item.iconPath = new vscode.ThemeIcon('package');
  item.tooltip = [m.name, formatLabels(m.labels) && vscode.l10n.t('Labels: {0}', formatLabels(m.labels))].filter(Boolean).join('\n');
  item.contextValue = 'vertexGenAi.model';
  return item;
}

/** A version with the display names of the endpoints it is deployed to, for people to read. */
type NamedVersion = Model & { readonly deployedToNames?: readonly string[] };

async function withEndpointNames(pool: ClientPool, model: string, page: Page<Model>): Promise<Page<NamedVersion>> {
  if (!page.items.some((v) => v.deployedTo.length > 0)) return page;
  const endpoints = await listEndpoints(pool, { region: resourceRegion(model), pageSize: 100 }).catch(() => ({ items: [] }));
  const names = new Map(endpoints.items.map((e) => [e.name, e.displayName]));
  return { ...page, items: page.items.map((v) => ({ ...v, deployedToNames: v.deployedTo.map((e) => names.get(e) ?? resourceId(e)) })) };
}

function versionItem(v: NamedVersion): vscode.TreeItem {
  const item = new vscode.TreeItem(vscode.l10n.t('v{0}', v.versionId));
  item.id = `${v.name}@${v.versionId}`;
  const deployed = v.deployedTo.length > 0;
  // Short enough for the default sidebar width: the state first; date and labels are in the tooltip.
  item.description = [deployed ? vscode.l10n.t('deployed') : vscode.l10n.t('not deployed'), v.versionAliases.join(', ')].filter(Boolean).join(' · ');
  item.iconPath = new vscode.ThemeIcon(deployed ? 'rocket' : 'versions', deployed ? new vscode.ThemeColor('charts.green') : undefined);
  item.tooltip = new vscode.MarkdownString(
    [
      `**${v.displayName}** v${v.versionId}`,
      `\`${v.name}@${v.versionId}\``,
      v.versionAliases.length > 0 && vscode.l10n.t('Aliases: {0}', v.versionAliases.join(', ')),
      (v.versionCreateTime ?? v.createTime) && vscode.l10n.t('Created: {0}', (v.versionCreateTime ?? v.createTime)!.toLocaleString()),
      formatLabels(v.labels) && vscode.l10n.t('Labels: {0}', formatLabels(v.labels)),
      deployed ? vscode.l10n.t('Deployed to: {0}', (v.deployedToNames ?? v.deployedTo.map(resourceId)).join(', ')) : vscode.l10n.t('Not deployed'),
    ]
      .filter(Boolean)
      .join('\n\n'),
  );
  item.contextValue = 'vertexGenAi.modelVersion';
  return item;
}

export const registryTree: TreeDefinition = {
  viewId: 'vertexGenAi.registry',
  roots: regionalRoots('model', 'models', listModels),
  children(node) {
    if (node.kind !== 'model') return undefined;
    const model = node.value as Model;
    return {
      source: {
        key: `versions:${model.name}`,
        kind: 'modelVersion',
        empty: vscode.l10n.t('No versions'),
        list: async (pool, r) => withEndpointNames(pool, model.name, await listModelVersions(pool, model.name, { pageSize: r.pageSize, pageToken: r.pageToken })),
        idOf: (v) => (v as Model).versionId,
      },
    };
  },
  treeItem: (node) => (node.kind === 'modelVersion' ? versionItem(node.value as Model) : modelItem(node.value as Model)),
  filterable: (node) => node.value as Model,
};
