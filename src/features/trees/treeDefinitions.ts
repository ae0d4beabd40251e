// The four trees, and the page size they load with.
import * as vscode from 'vscode';
import { datasetsTree } from './datasetsTree';
import { endpointsTree } from './endpointsTree';
import { jobsTree } from './jobsTree';
import { registryTree } from './registryTree';

export const TREE_DEFINITIONS = [datasetsTree, jobsTree, registryTree, endpointsTree] as const;

/** `vertexGenAi.pageSize`, kept within what the APIs accept (1–1000). */
export function pageSizeSetting(): number {
  const n = Math.floor(Number(vscode.workspace.getConfiguration('vertexGenAi').get('pageSize', 50)));
  return Number.isFinite(n) ? Math.min(1000, Math.max(1, n)) : 50;
}
