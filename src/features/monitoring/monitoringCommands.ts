// Monitoring commands: open the Monitoring panel of an endpoint (from its tree node, a
// resource name, or a pick of the endpoints in the chosen regions).
import * as vscode from 'vscode';
import type { CommandHandlers, FeatureContext } from '../../core/contracts';
import { MonitoringPanel } from './monitoringPanel';
import { listAcrossRegions } from '../../vertex/multiRegion';
import { readPages } from '../../vertex/paging';
import { listEndpoints } from '../../vertex/resources';
import type { Endpoint } from '../../vertex/types';
import type { TreeNode } from '../trees/api';

export function monitoringCommands(ctx: FeatureContext): CommandHandlers {
  return {
    'vertexGenAi.openMonitoring': async (target?: unknown) => {
      const endpoint = endpointOf(target) ?? (await pickEndpoint(ctx));
      if (!endpoint) return undefined;
      return MonitoringPanel.show(ctx.host.context.extensionUri, ctx.pool, endpoint);
    },
  };
}

function endpointOf(target: unknown): string | undefined {
  if (typeof target === 'string' && /\/endpoints\/[^/]+$/.test(target)) return target;
  const node = target as TreeNode | undefined;
  return node?.type === 'resource' && node.kind === 'endpoint' ? (node.value as Endpoint).name : undefined;
}

async function pickEndpoint(ctx: FeatureContext): Promise<string | undefined> {
  const pool = await ctx.pool();
  const picked = await vscode.window.showQuickPick(
    (async () => {
      const results = await listAcrossRegions(ctx.host.settings().regions, (region) => readPages((pageToken) => listEndpoints(pool, { region, pageToken })));
      const failed = results.find((r) => !r.ok);
      if (failed && !failed.ok) throw failed.error;
      return results.flatMap((r) => (r.ok ? r.page.items : [])).map((e) => ({ label: e.displayName, description: e.region, detail: e.name, endpoint: e.name }));
    })(),
    { title: vscode.l10n.t('Open Monitoring Panel'), placeHolder: vscode.l10n.t('Choose an endpoint'), matchOnDescription: true },
  );
  return picked?.endpoint;
}
