// What a deploy or traffic command was invoked on: a tree node (endpoint, deployed
// model, model or version) or a resource name passed as text. No vscode.
import { resourceNameFrom, type TreeNode } from '../trees/api';

/** `…/endpoints/E` from an endpoint or deployed-model node, or from a name. */
export function endpointFrom(target: unknown): string | undefined {
  const node = target as TreeNode | undefined;
  if (node && typeof node === 'object' && node.type === 'resource' && node.kind === 'deployedModel' && node.parent) return endpointFrom(node.parent);
  const name = resourceNameFrom(target);
  return name?.match(/^(projects\/[^/]+\/locations\/[^/]+\/endpoints\/[^/@]+)/)?.[1];
}

/** The deployed model id of a deployed-model node. */
export function deployedModelIdFrom(target: unknown): string | undefined {
  const node = target as TreeNode | undefined;
  if (node && typeof node === 'object' && node.type === 'resource' && node.kind === 'deployedModel') return String((node.value as { id?: unknown }).id ?? '') || undefined;
  return undefined;
}

/** `…/models/M@V` from a model or version node (a model node means its default version), or a name as given. */
export function modelFrom(target: unknown): string | undefined {
  const name = resourceNameFrom(target);
  if (!name || !/^projects\/[^/]+\/locations\/[^/]+\/models\/[^/]+$/.test(name)) return undefined;
  const node = target as TreeNode | undefined;
  const versionId = node && typeof node === 'object' && node.type === 'resource' ? (node.value as { versionId?: unknown }).versionId : undefined;
  return !name.includes('@') && versionId ? `${name}@${String(versionId)}` : name;
}
