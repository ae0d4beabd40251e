// Opening a job's panel: from a Tuning Jobs node, a job name, or the palette.
import * as vscode from 'vscode';
import type { CommandHandlers, FeatureContext } from '../../core/contracts';
import { JobPanel } from './jobPanel';
import { resourceNameFrom } from '../trees/api';
import { jobKindOf } from '../../vertex/tuning';
import { listAllJobs } from '../../vertex/jobs';
import { listAcrossRegions } from '../../vertex/multiRegion';

export function jobCommands(ctx: FeatureContext): CommandHandlers {
  return {
    'vertexGenAi.openJob': async (target?: unknown) => {
      const name = resourceNameFrom(target) ?? (await pickJob(ctx));
      if (!name) return undefined;
      jobKindOf(name); // throws, with the sentence the user reads, for anything but a job
      // Returned so tests can read what the panel shows.
      return JobPanel.show(ctx.host.context.extensionUri, ctx.pool, ctx.input, name, ctx.jobs);
    },
  };
}

async function pickJob(ctx: FeatureContext): Promise<string | undefined> {
  const items = (async () => {
    const pool = await ctx.pool();
    const results = await listAcrossRegions(ctx.host.settings().regions, (region) => listAllJobs(pool, { region, pageSize: 50 }));
    return results.flatMap((r) =>
      r.ok
        ? r.page.items.map((job) => ({ label: job.displayName, description: `${job.state} · ${job.region}`, name: job.name }))
        : [{ label: `$(error) ${r.region}`, description: r.error.message, name: '' }],
    );
  })();
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Open a job'), placeHolder: vscode.l10n.t('Tuning, custom and hyperparameter tuning jobs') });
  return picked?.name || undefined;
}
