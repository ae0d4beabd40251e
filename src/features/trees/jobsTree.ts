// Tuning Jobs: Gemini tuning, custom GPU/TPU and hyperparameter-tuning jobs in one
// list; running ones refresh by themselves (through the job monitor) while the view is visible.
import * as vscode from 'vscode';
import { isActiveJobState } from '@vertex-genai-ops/catalog/jobStates';
import { listAllJobs } from '../../vertex/jobs';
import type { Job, JobState } from '../../vertex/types';
import { formatAccelerator, formatElapsed } from './format';
import { regionalRoots, type TreeDefinition } from './resourceTreeProvider';
import type { ResourceNode } from './treeNodes';
import { formatLabels } from '../../common/labels';

const JOB_ICONS: Record<JobState, vscode.ThemeIcon> = {
  pending: new vscode.ThemeIcon('clock', new vscode.ThemeColor('charts.yellow')),
  running: new vscode.ThemeIcon('sync~spin', new vscode.ThemeColor('charts.blue')),
  succeeded: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
  failed: new vscode.ThemeIcon('error', new vscode.ThemeColor('testing.iconFailed')),
  cancelling: new vscode.ThemeIcon('loading~spin', new vscode.ThemeColor('disabledForeground')),
  cancelled: new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('disabledForeground')),
  paused: new vscode.ThemeIcon('debug-pause', new vscode.ThemeColor('charts.yellow')),
  unknown: new vscode.ThemeIcon('question'),
};

const JOB_KIND_LABELS: Record<Job['kind'], string> = {
  tuning: vscode.l10n.t('Gemini tuning'),
  custom: vscode.l10n.t('Custom job'),
  hyperparameterTuning: vscode.l10n.t('Hyperparameter tuning'),
};

/** Base model for Gemini tuning; machine and accelerator for training jobs. */
function jobSubject(job: Job): string | undefined {
  if (job.kind === 'tuning') return job.baseModel || undefined;
  const m = job.machine;
  const accelerator = formatAccelerator(m.acceleratorType, m.acceleratorCount);
  const replicas = m.replicaCount > 1 ? vscode.l10n.t('{0} replicas', m.replicaCount) : undefined;
  return [accelerator ?? m.machineType, m.tpuTopology, replicas].filter(Boolean).join(' ') || undefined;
}

/** Time since the job started, or how long it ran; none when it ended without running (a start and end in the same second). */
function jobDuration(job: Job): string | undefined {
  const started = job.startTime ?? job.createTime;
  if (!started) return undefined;
  const ms = (job.endTime ?? new Date()).getTime() - started.getTime();
  return job.endTime && ms < 1000 ? undefined : formatElapsed(ms);
}

export function jobItem(job: Job): vscode.TreeItem {
  const item = new vscode.TreeItem(job.displayName);
  item.id = job.name;
  const elapsed = jobDuration(job);
  const trials = job.kind === 'hyperparameterTuning' ? vscode.l10n.t('{0}/{1} trials', job.trialsCompleted, job.maxTrialCount) : undefined;
  // Short enough for the default sidebar width: the state first, then trials while a sweep runs, else the
  // duration; the subject (and the rest) is in the tooltip.
  item.description = [job.state, trials && isActiveJobState(job.state) ? trials : elapsed].filter(Boolean).join(' · ');
  item.iconPath = JOB_ICONS[job.state];
  const labels = formatLabels(job.labels);
  const lines = [
    `**${job.displayName}** — ${JOB_KIND_LABELS[job.kind]}, ${job.state}`,
    `\`${job.name}\``,
    job.kind === 'tuning' ? job.baseModel && vscode.l10n.t('Base model: {0}', job.baseModel) : job.machine.image && vscode.l10n.t('Container: {0}', job.machine.image),
    elapsed && vscode.l10n.t('Duration: {0}', elapsed),
    trials,
    job.kind !== 'tuning' && job.machine.machineType && vscode.l10n.t('Machine: {0}', [job.machine.machineType, jobSubject(job)].filter(Boolean).join(', ')),
    job.kind === 'hyperparameterTuning' && job.bestTrial && vscode.l10n.t('Best trial {0}: {1} = {2}', job.bestTrial.id, job.metricId ?? 'metric', job.bestTrial.value),
    labels && vscode.l10n.t('Labels: {0}', labels),
    job.errorMessage && `$(error) ${job.errorMessage}`,
  ];
  item.tooltip = new vscode.MarkdownString(lines.filter(Boolean).join('\n\n'), true);
  item.contextValue = `vertexGenAi.job.${job.kind}.${job.state}`;
  return item;
}

export const jobsTree: TreeDefinition = {
  viewId: 'vertexGenAi.tuningJobs',
  stateFilter: true,
  roots: regionalRoots('job', 'jobs', listAllJobs),
  treeItem: (node: ResourceNode) => jobItem(node.value as Job),
  liveJob: (node) => (node.kind === 'job' && isActiveJobState((node.value as Job).state) ? (node.value as Job).name : undefined),
  filterable: (node) => node.value as Job,
};
