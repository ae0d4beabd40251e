// Stand-in for the trees branch's watchLaunchedJob(ctx, jobName) (src/jobs/jobWatcher.ts):
// polls the job until it ends and says how it ended. Swapping is one import line.
import * as vscode from 'vscode';
import type { FeatureContext } from '../../features';
import { getJob } from '../../vertex/tuning';
import type { Job } from '../../vertex/types';

const ENDED = new Set(['succeeded', 'failed', 'cancelled']);

export async function watchLaunchedJob(ctx: FeatureContext, jobName: string): Promise<Job> {
  const pool = await ctx.pool();
  for (;;) {
    const job = await getJob(pool, jobName).catch(() => undefined);
    if (job && ENDED.has(job.state)) {
      ctx.refresh('vertexGenAi.tuningJobs');
      const details = vscode.l10n.t('Show Details');
      const shown =
        job.state === 'succeeded'
          ? vscode.window.showInformationMessage(vscode.l10n.t('"{0}" finished.', job.displayName), details)
          : job.state === 'failed'
            ? vscode.window.showErrorMessage(vscode.l10n.t('"{0}" failed: {1}', job.displayName, job.errorMessage ?? vscode.l10n.t('no reason given')), details)
            : vscode.window.showWarningMessage(vscode.l10n.t('"{0}" was cancelled.', job.displayName), details);
      void shown.then((picked) => picked === details && vscode.commands.executeCommand('vertexGenAi.showDetails', job.name));
      return job;
    }
    await new Promise((r) => setTimeout(r, 2000));
  }
}
