// Ids the manifest contributes. The integration test checks them against package.json.
export const VIEW_IDS = [
  'vertexGenAi.datasets',
  'vertexGenAi.tuningJobs',
  'vertexGenAi.registry',
  'vertexGenAi.endpoints',
] as const;
export type ViewId = (typeof VIEW_IDS)[number];

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
  'vertexGenAi.openDrift',
  'vertexGenAi.explain',
] as const;
export type CommandId = (typeof COMMAND_IDS)[number];

/** Set while a backend and project are chosen; welcome views key off it. */
export const CONFIGURED_CONTEXT_KEY = 'vertexGenAi.configured';
