// After the review: upload local tuning data, create the job, show it in the tree at
// once, and follow it in a progress notification whose Cancel asks, then cancels the
// job on the server. The completion notification is the watcher's.
import * as vscode from 'vscode';
import type { FeatureContext } from '../../../core/contracts';
import { customJobBody } from './customRequest';
import { isLocal, tuningJobBody, uploadTarget } from './geminiRequest';
import { hptJobBody } from './hptRequest';
import type { Launch } from './launchTypes';
import { watchLaunchedJob } from '../../jobs/api';
import type { ClientPool } from '../../../vertex/clients';
import { uploadFile } from '../../../vertex/storage';
import { cancelJob, createCustomJob, createHyperparameterTuningJob, createTuningJob } from '../../../vertex/tuning';
import type { Job } from '../../../vertex/types';
import { withCancellableProgress } from '../../../ui/progress';

const KIND_NAMES = { geminiTuning: vscode.l10n.t('tuning job'), customTuning: vscode.l10n.t('custom job'), hyperparameterTuning: vscode.l10n.t('hyperparameter tuning job') } as const;

/** Sends a reviewed launch; resolves with the created job once it exists. */
export async function sendLaunch(ctx: FeatureContext, launch: Launch): Promise<Job> {
  const pool = await ctx.pool();
  const job = await withCancellableProgress(
    vscode.l10n.t('Starting {0} "{1}"', KIND_NAMES[launch.kind], launch.displayName),
    async (signal, progress) => {
      if (launch.kind === 'geminiTuning') {
        for (const path of [launch.training, launch.validation]) {
          if (!isLocal(path)) continue;
          const target = uploadTarget(launch.bucket!, path);
          progress.report({ message: vscode.l10n.t('uploading {0}', target) });
          await uploadFile(pool, path, target, { signal, overwrite: true, contentType: 'application/jsonl' });
        }
      }
      progress.report({ message: vscode.l10n.t('creating the job') });
      return await create(pool, launch, signal);
    },
  );
  ctx.host.log.info(`Created ${job.name}`);
  ctx.refresh('vertexGenAi.tuningJobs');
  void followJob(ctx, pool, job);
  return job;
}

function create(pool: ClientPool, launch: Launch, signal: AbortSignal): Promise<Job> {
  if (launch.kind === 'geminiTuning') return createTuningJob(pool, launch.region, tuningJobBody(launch), { signal });
  if (launch.kind === 'customTuning') return createCustomJob(pool, launch.region, customJobBody(launch), { signal });
  return createHyperparameterTuningJob(pool, launch.region, hptJobBody(launch), { signal });
}

/** A progress notification until the job ends; its Cancel (after asking) cancels the job. */
async function followJob(ctx: FeatureContext, pool: ClientPool, created: Job): Promise<void> {
  const watched = watchLaunchedJob(ctx, created.name).ended;
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('"{0}"', created.displayName), cancellable: true },
    async (progress, token) => {
      let asked = false;
      token.onCancellationRequested(async () => {
        if (asked) return;
        asked = true;
        const yes = vscode.l10n.t('Cancel Job');
        if (!(await ctx.input().confirm({ message: vscode.l10n.t('Cancel "{0}" on Vertex AI? The work done so far is lost.', created.displayName), action: yes }))) return;
        try {
          await cancelJob(pool, created.name);
          ctx.refresh('vertexGenAi.tuningJobs');
        } catch (err) {
          ctx.host.log.error(`Cancel ${created.name} failed:`, err instanceof Error ? err.message : String(err));
        }
      });
      let last = created.state;
      progress.report({ message: last });
      // The notification stays while the job runs, its state from the job monitor (the watcher's poll,
      // not another one); cancelling the notification only hides it once the job ends.
      const following = ctx.jobs.subscribe(created.name, ({ details }) => {
        if (!details || details.job.state === last) return;
        last = details.job.state;
        progress.report({ message: last });
      });
      await watched.finally(() => following.dispose());
    },
  );
}
