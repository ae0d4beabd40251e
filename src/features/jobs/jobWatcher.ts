// Following a job the user launched until it ends, then saying so.
//
// API for the tuning and deploy commands:
//
//   import { watchLaunchedJob } from './jobWatcher';
//   watchLaunchedJob(ctx, job.name);   // ctx: FeatureContext; name: a tuningJobs/,
//                                      // customJobs/ or hyperparameterTuningJobs/ name
//
// It follows the job through the job monitor (jobMonitor.ts; whether or not a view is
// open), and when it ends shows a notification with a button to its result: the tuned
// model (Gemini tuning), the job's details otherwise, or its error. It returns a
// JobWatch: `ended` resolves with the job as it ended (undefined if the watch stopped
// first); dispose() stops following (so does deactivation). Calling it twice for one
// job follows it once.
//
// Users get the same from a running job's context menu: "Notify When Finished".
import * as vscode from 'vscode';
import type { FeatureContext } from '../../core/contracts';
import { parseError } from '../../vertex/parseError';
import type { Job } from '../../vertex/types';

export interface JobWatch extends vscode.Disposable {
  /** The job as it ended, or undefined when the watch was stopped first. */
  readonly ended: Promise<Job | undefined>;
}

const watching = new Map<string, JobWatch>();

export function watchLaunchedJob(ctx: FeatureContext, jobName: string): JobWatch {
  const existing = watching.get(jobName);
  if (existing) return existing;
  let failures = 0;
  let settle: (job: Job | undefined) => void = () => undefined;
  const ended = new Promise<Job | undefined>((resolve) => (settle = resolve));
  const following = ctx.jobs.subscribe(jobName, (update) => {
    if (update.error !== undefined) {
      // A blip should not end the watch; a job that keeps failing to load is reported once.
      if (++failures === 5) {
        stop.dispose();
        void vscode.window.showWarningMessage(vscode.l10n.t('Stopped following {0}: {1}', jobName, parseError(update.error).message));
      }
      return;
    }
    failures = 0;
    const job = update.details?.job;
    if (!job || !update.ended) return;
    settle(job);
    stop.dispose();
    ctx.host.log.info(`Job ${jobName} ended: ${job.state}`);
    void notifyEnded(job);
  });
  const stop = new vscode.Disposable(() => {
    following.dispose();
    if (watching.get(jobName) === watch) watching.delete(jobName);
    settle(undefined);
  });
  const watch: JobWatch = { ended, dispose: () => stop.dispose() };
  watching.set(jobName, watch);
  ctx.host.context.subscriptions.push(stop);
  return watch;
}

async function notifyEnded(job: Job): Promise<void> {
  const showDetails = vscode.l10n.t('Show Details');
  if (job.state === 'succeeded') {
    const model = job.kind === 'tuning' ? job.tunedModel?.model : undefined;
    const openModel = vscode.l10n.t('Show Tuned Model');
    const picked = await vscode.window.showInformationMessage(vscode.l10n.t('{0} succeeded.', job.displayName), ...(model ? [openModel] : []), showDetails);
    if (picked === openModel && model) await vscode.commands.executeCommand('vertexGenAi.showDetails', model);
    else if (picked === showDetails) await vscode.commands.executeCommand('vertexGenAi.showDetails', job.name);
    return;
  }
  const message =
    job.state === 'failed'
      ? vscode.l10n.t('{0} failed: {1}', job.displayName, job.errorMessage ?? vscode.l10n.t('no reason given'))
      : vscode.l10n.t('{0} ended: {1}.', job.displayName, job.state);
  const show = job.state === 'failed' ? vscode.window.showErrorMessage : vscode.window.showWarningMessage;
  if ((await show(message, showDetails)) === showDetails) await vscode.commands.executeCommand('vertexGenAi.showDetails', job.name);
}
