// Commands of the four trees: refresh (view or node), Load more, filter, Open in Cloud Console.
import * as vscode from 'vscode';
import { VIEW_IDS, type ViewId } from '../../core/contributions';
import type { CommandHandlers, FeatureContext } from '../../core/contracts';
import { consoleUrl } from './consoleUrls';
import type { ResourceTreeProvider } from './resourceTreeProvider';
import { resourceNameFrom } from './resourceNames';
import { FILTER_STATES, parseTreeFilter } from './treeFilter';
import { watchLaunchedJob } from '../jobs/api';
import { answered } from '../../ui/inputSeam';

const VIEW_NAMES: Record<ViewId, string> = {
  'vertexGenAi.datasets': vscode.l10n.t('Datasets'),
  'vertexGenAi.tuningJobs': vscode.l10n.t('Tuning Jobs'),
  'vertexGenAi.registry': vscode.l10n.t('Model Registry'),
  'vertexGenAi.endpoints': vscode.l10n.t('Endpoints'),
};

export function treeCommands(ctx: FeatureContext, trees: ReadonlyMap<ViewId, ResourceTreeProvider>): CommandHandlers {
  const owner = (node: unknown) => [...trees.values()].find((t) => t.owns(node));

  /** Asks for the filter; `given` (from a keybinding or a test) applies without asking, after the same checks. */
  const filter = async (viewId: ViewId, given?: string) => {
    const tree = trees.get(viewId)!;
    const stateFilter = tree.definition.stateFilter === true;
    const text = given ?? await answered(ctx.input().text({
      id: 'filter', title: vscode.l10n.t('Filter {0}', VIEW_NAMES[viewId]), step: 1, totalSteps: 1, canGoBack: false,
      value: tree.currentFilter()?.text ?? '',
      placeholder: stateFilter ? 'state:running label:team=nlp chat' : 'label:team=nlp chat',
      prompt: stateFilter
        ? vscode.l10n.t('Words match the name; state:{0}; label:key=value. Empty clears the filter.', FILTER_STATES.join('|'))
        : vscode.l10n.t('Words match the name; label:key=value or label:key. Empty clears the filter.'),
      validate: (value) => {
        const parsed = parseTreeFilter(value, stateFilter);
        return 'error' in parsed ? parsed.error : undefined;
      },
    }));
    if (text === undefined) return;
    const parsed = parseTreeFilter(text, stateFilter);
    if ('error' in parsed) throw new Error(parsed.error);
    tree.setFilter(parsed.text ? parsed : undefined);
  };

  const handlers: Record<string, (...args: unknown[]) => Promise<unknown>> = {
    'vertexGenAi.refresh': async (target?: unknown) => {
      const tree = owner(target);
      if (tree) return tree.refreshNode(target as never);
      ctx.refresh(typeof target === 'string' ? (target as ViewId) : undefined);
    },
    'vertexGenAi.loadMore': async (node?: unknown) => owner(node)?.loadMore(node as never),
    'vertexGenAi.filter': async (viewId?: unknown, text?: unknown) => {
      const picked =
        typeof viewId === 'string' && trees.has(viewId as ViewId)
          ? (viewId as ViewId)
          : (await answered(ctx.input().pick({
              id: 'view', title: vscode.l10n.t('Filter which view?'), step: 1, totalSteps: 1, canGoBack: false,
              options: VIEW_IDS.map((id) => ({ label: VIEW_NAMES[id], value: id })),
            })))?.[0];
      if (picked) await filter(picked, typeof text === 'string' ? text : undefined);
    },
    /** Resolves with the job once it has ended (tests await it). */
    'vertexGenAi.notifyWhenDone': async (target?: unknown) => {
      const name = resourceNameFrom(target);
      if (!name) return undefined;
      vscode.window.setStatusBarMessage(vscode.l10n.t('You will be notified when {0} ends.', name.slice(name.lastIndexOf('/') + 1)), 4000);
      return watchLaunchedJob(ctx, name).ended;
    },
    'vertexGenAi.openInConsole': async (node?: unknown) => {
      const name = resourceNameFrom(node);
      const kind = (node as { kind?: string } | undefined)?.kind ?? '';
      const url = name && consoleUrl(kind, name, ctx.host.settings().project);
      if (!url) throw new Error(vscode.l10n.t('This item has no page in the Cloud console.'));
      await vscode.env.openExternal(vscode.Uri.parse(url));
    },
  };
  for (const viewId of VIEW_IDS) {
    handlers[`${viewId}.refresh`] = async () => trees.get(viewId)?.refresh();
    handlers[`${viewId}.filter`] = async () => filter(viewId);
    handlers[`${viewId}.clearFilter`] = async () => trees.get(viewId)?.setFilter(undefined);
  }
  return handlers as CommandHandlers;
}

