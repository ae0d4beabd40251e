// How each of the four trees lists and draws its resources.
import * as vscode from 'vscode';
import { listAllJobs } from '../vertex/jobs';
import { listDatasets, listEndpoints, listModels } from '../vertex/resources';
import type { Dataset, DeployedModel, Endpoint, Job, JobState, Model } from '../vertex/types';
import { formatAccelerator, formatElapsed } from './format';
import type { ResourceKind } from './resourceTreeProvider';

const DATASET_ICONS: Record<Dataset['kind'], string> = {
  text: 'symbol-text',
  multimodal: 'files',
  tabular: 'table',
  image: 'file-media',
  video: 'device-camera-video',
  other: 'database',
};

export const datasetsKind: ResourceKind<Dataset> = {
  viewId: 'vertexGenAi.datasets',
  kind: 'dataset',
  list: listDatasets,
  treeItem(d) {
    const item = new vscode.TreeItem(d.displayName);
    item.id = d.name;
    item.description = d.kind;
    item.iconPath = new vscode.ThemeIcon(DATASET_ICONS[d.kind]);
    item.tooltip = `${d.name}\n${vscode.l10n.t('Kind: {0}', d.kind)}`;
    item.contextValue = 'vertexGenAi.dataset';
    return item;
  },
};

const JOB_ICONS: Record<JobState, vscode.ThemeIcon> = {
  pending: new vscode.ThemeIcon('clock'),
  running: new vscode.ThemeIcon('sync~spin'),
  succeeded: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
  failed: new vscode.ThemeIcon('error', new vscode.ThemeColor('testing.iconFailed')),
  cancelling: new vscode.ThemeIcon('circle-slash'),
  cancelled: new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('disabledForeground')),
  paused: new vscode.ThemeIcon('debug-pause'),
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

export const tuningJobsKind: ResourceKind<Job> = {
  viewId: 'vertexGenAi.tuningJobs',
  kind: 'job',
  list: listAllJobs,
  treeItem(job) {
    const item = new vscode.TreeItem(job.displayName);
    item.id = job.name;
    const started = job.startTime ?? job.createTime;
    const elapsed = started ? formatElapsed((job.endTime ?? new Date()).getTime() - started.getTime()) : undefined;
    const trials = job.kind === 'hyperparameterTuning' ? vscode.l10n.t('{0}/{1} trials', job.trialsCompleted, job.maxTrialCount) : undefined;
    item.description = [job.state, jobSubject(job), trials, elapsed].filter(Boolean).join(' · ');
    item.iconPath = JOB_ICONS[job.state];
    const lines = [
      `**${job.displayName}** — ${JOB_KIND_LABELS[job.kind]}, ${job.state}`,
      `\`${job.name}\``,
      job.kind === 'tuning' ? job.baseModel && vscode.l10n.t('Base model: {0}', job.baseModel) : job.machine.image && vscode.l10n.t('Container: {0}', job.machine.image),
      job.kind !== 'tuning' && job.machine.machineType && vscode.l10n.t('Machine: {0}', [job.machine.machineType, jobSubject(job)].filter(Boolean).join(', ')),
      job.kind === 'hyperparameterTuning' && job.bestTrial && vscode.l10n.t('Best trial {0}: {1} = {2}', job.bestTrial.id, job.metricId ?? 'metric', job.bestTrial.value),
      job.errorMessage && `$(error) ${job.errorMessage}`,
    ];
    item.tooltip = new vscode.MarkdownString(lines.filter(Boolean).join('\n\n'), true);
    item.contextValue = `vertexGenAi.job.${job.kind}.${job.state}`;
    return item;
  },
};

export const registryKind: ResourceKind<Model> = {
  viewId: 'vertexGenAi.registry',
  kind: 'model',
  list: listModels,
  treeItem(m) {
    const item = new vscode.TreeItem(m.displayName);
    item.id = m.name;
    const aliases = m.versionAliases.length > 0 ? m.versionAliases.join(', ') : undefined;
    item.description = [m.versionId && `v${m.versionId}`, aliases, m.deployedTo.length > 0 && vscode.l10n.t('deployed')]
      .filter(Boolean)
      .join(' · ');
    item.iconPath = new vscode.ThemeIcon('package');
    item.tooltip = m.name;
    item.contextValue = 'vertexGenAi.model';
    return item;
  },
};

export const endpointsKind: ResourceKind<Endpoint> = {
  viewId: 'vertexGenAi.endpoints',
  kind: 'endpoint',
  list: listEndpoints,
  treeItem(e) {
    const item = new vscode.TreeItem(
      e.displayName,
      e.deployedModels.length > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
    );
    item.id = e.name;
    item.description = vscode.l10n.t('{0} deployed', e.deployedModels.length);
    item.iconPath = new vscode.ThemeIcon('plug');
    item.tooltip = e.name;
    item.contextValue = 'vertexGenAi.endpoint';
    return item;
  },
  children: (e) => e.deployedModels.map((value) => ({ kind: 'deployedModel', value })),
  childItem(_kind, value) {
    const d = value as DeployedModel;
    const item = new vscode.TreeItem(d.displayName);
    const machine = [d.machineType, formatAccelerator(d.acceleratorType, d.acceleratorCount)].filter(Boolean).join(' + ');
    item.description = [`${d.trafficPercent}%`, d.modelVersionId && `v${d.modelVersionId}`, machine].filter(Boolean).join(' · ');
    item.iconPath = new vscode.ThemeIcon('vm');
    item.tooltip = `${d.model}\n${vscode.l10n.t('Deployed model {0}', d.id)}`;
    item.contextValue = 'vertexGenAi.deployedModel';
    return item;
  },
};

export const RESOURCE_KINDS = [datasetsKind, tuningJobsKind, registryKind, endpointsKind] as const;
