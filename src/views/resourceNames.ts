// The resource name a command was invoked on: a tree node, or a name passed as text
// (from the command palette, a link, or a test).
import type { DeployedModel } from '../vertex/types';
import type { TreeNode } from './treeNodes';

export function resourceNameFrom(target: unknown): string | undefined {
  if (typeof target === 'string') return target.trim() || undefined;
  const node = target as TreeNode | undefined;
  if (node?.type !== 'resource') return undefined;
  if (node.kind === 'deployedModel') {
    const d = node.value as DeployedModel;
    return d.modelVersionId ? `${d.model}@${d.modelVersionId}` : d.model;
  }
  return (node.value as { name?: string }).name;
}
