// Opening a job's panel: from a Tuning Jobs node, a job name, or the palette.
import * as vscode from 'vscode';
import type { CommandHandlers, FeatureContext } from '../../core/contracts';
import { JobPanel } from './jobPanel';
import { resourceNameFrom } from '../trees/api';
import { jobKindOf } from '../../vertex/tuning';
import { pickJob } from '../../ui/pickers';

export function jobCommands(ctx: FeatureContext): CommandHandlers {
  return {
    'vertexGenAi.openJob': async (target?: unknown) => {
      const name =
        resourceNameFrom(target) ??
        (await pickJob(ctx.input(), await ctx.pool(), ctx.host.settings().regions, { title: vscode.l10n.t('Open a job'), placeholder: vscode.l10n.t('Tuning, custom and hyperparameter tuning jobs') }));
      if (!name) return undefined;
      jobKindOf(name); // throws, with the sentence the user reads, for anything but a job
      // Returned so tests can read what the panel shows.
      return JobPanel.show(ctx.host.context.extensionUri, ctx.pool, ctx.input, name, ctx.jobs);
    },
  };
}
