// Ids the manifest contributes. The integration test checks them against package.json.
export const VIEW_IDS = [
  'vertexGenAi.datasets',
  'vertexGenAi.tuningJobs',
  'vertexGenAi.registry',
  'vertexGenAi.endpoints',
] as const;
export type ViewId = (typeof VIEW_IDS)[number];

/** View-title actions need one command per view: VS Code passes them no argument. */
const VIEW_ACTIONS = ['refresh', 'filter', 'clearFilter'] as const;
type ViewCommandId = `${ViewId}.${(typeof VIEW_ACTIONS)[number]}`;
const VIEW_COMMAND_IDS = VIEW_IDS.flatMap((view) => VIEW_ACTIONS.map((action): ViewCommandId => `${view}.${action}`));

export const COMMAND_IDS = [
  'vertexGenAi.connect',
  'vertexGenAi.useEmulator',
  'vertexGenAi.pickContext',
  'vertexGenAi.refresh',
  'vertexGenAi.showLog',
  'vertexGenAi.loadMore',
  'vertexGenAi.openPlayground',
  'vertexGenAi.showDetails',
  'vertexGenAi.copyName',
  'vertexGenAi.openJob',
  'vertexGenAi.cloneJob',
  // Trees (issue 4)
  'vertexGenAi.filter',
  'vertexGenAi.openInConsole',
  'vertexGenAi.notifyWhenDone',
  'vertexGenAi.previewRows',
  'vertexGenAi.exportTuningJsonl',
  ...VIEW_COMMAND_IDS,
  // BigQuery data (issue 4)
  'vertexGenAi.copyBigQueryUri',
  // Deploy, traffic and registry (issue 6)
  'vertexGenAi.deployModel',
  'vertexGenAi.editTraffic',
  'vertexGenAi.rollback',
  'vertexGenAi.undeployModel',
  'vertexGenAi.deleteEndpoint',
  'vertexGenAi.uploadModelVersion',
  'vertexGenAi.editAliases',
  'vertexGenAi.editLabels',
  'vertexGenAi.compareVersions',
  'vertexGenAi.deleteModelVersion',
  // Playground (issue 7)
  'vertexGenAi.runPromptFile',
  'vertexGenAi.comparePromptFile',
  'vertexGenAi.sendSelection',
  'vertexGenAi.runBatch',
  // Launching tuning jobs (issue 5)
  'vertexGenAi.tuneGemini',
  'vertexGenAi.launchCustomTuning',
  'vertexGenAi.launchHyperparameterTuning',
  'vertexGenAi.runTuningSpec',
  // Monitoring (issue 8)
  'vertexGenAi.openMonitoring',
  // Drift and explanations (issue 8)
  'vertexGenAi.openDrift',
  'vertexGenAi.explain',
  // Sign-in (issue 21)
  'vertexGenAi.signIn',
  'vertexGenAi.useKeyFile',
] as const;
export type CommandId = (typeof COMMAND_IDS)[number];

/** Set while a backend and project are chosen; welcome views key off it. */
export const CONFIGURED_CONTEXT_KEY = 'vertexGenAi.configured';
