// Monitoring commands: open the Monitoring panel of an endpoint (from its tree node, a
// resource name, or a pick of the endpoints in the chosen regions).
import * as vscode from 'vscode';
import type { CommandHandlers, FeatureContext } from '../../core/contracts';
import { MonitoringPanel } from './monitoringPanel';
import { pickEndpoint } from '../../ui/pickers';
import type { Endpoint } from '../../vertex/types';
import type { TreeNode } from '../trees/api';

export function monitoringCommands(ctx: FeatureContext): CommandHandlers {
  return {
    'vertexGenAi.openMonitoring': async (target?: unknown) => {
      const endpoint =
        endpointOf(target) ??
        (await pickEndpoint(ctx.input(), await ctx.pool(), ctx.host.settings().regions, { title: vscode.l10n.t('Open Monitoring Panel'), placeholder: vscode.l10n.t('Choose an endpoint') }));
      if (!endpoint) return undefined;
      return MonitoringPanel.show(ctx.host.context.extensionUri, ctx.pool, ctx.input, endpoint);
    },
  };
}

function endpointOf(target: unknown): string | undefined {
  if (typeof target === 'string' && /\/endpoints\/[^/]+$/.test(target)) return target;
  const node = target as TreeNode | undefined;
  return node?.type === 'resource' && node.kind === 'endpoint' ? (node.value as Endpoint).name : undefined;
}
