// How each of the four trees lists and draws its resources.
import * as vscode from 'vscode';
import { listDatasets, listEndpoints, listModels, listTuningJobs } from '../vertex/resources';
import type { Dataset, DeployedModel, Endpoint, JobState, Model, TuningJob } from '../vertex/types';
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

export const tuningJobsKind: ResourceKind<TuningJob> = {
  viewId: 'vertexGenAi.tuningJobs',
  kind: 'tuningJob',
  list: listTuningJobs,
  treeItem(job) {
    const item = new vscode.TreeItem(job.displayName);
    item.id = job.name;
    const started = job.startTime ?? job.createTime;
    const elapsed = started ? formatElapsed((job.endTime ?? new Date()).getTime() - started.getTime()) : undefined;
    item.description = [job.state, job.baseModel, elapsed].filter(Boolean).join(' · ');
    item.iconPath = JOB_ICONS[job.state];
    item.tooltip = new vscode.MarkdownString(
      [`**${job.displayName}** — ${job.state}`, `\`${job.name}\``, job.baseModel && `Base model: ${job.baseModel}`, job.errorMessage && `$(error) ${job.errorMessage}`]
        .filter(Boolean)
        .join('\n\n'),
      true,
    );
    item.contextValue = `vertexGenAi.tuningJob.${job.state}`;
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
