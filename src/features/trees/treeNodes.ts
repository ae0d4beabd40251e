// The node shapes every resource tree is made of. Resource nodes are kept and
// updated in place across reloads, so VS Code can refresh one item without
// rebuilding the tree.
import type { ClientPool } from '../../vertex/clients';
import type { ActionableError } from '../../vertex/parseError';
import type { Page } from '../../vertex/types';

export interface ListRequest {
  readonly pageSize: number;
  readonly pageToken?: string;
  /** AIP-160 filter for the server (labels), when the source is filterable. */
  readonly filter?: string;
}

/** A paged list of children, loaded on expand and cached under `key`. */
export interface PagedSource {
  readonly key: string;
  /** Kind of the resource nodes it yields (`dataset`, `bqTable`, `modelVersion`…). */
  readonly kind: string;
  list(pool: ClientPool, request: ListRequest): Promise<Page<unknown>>;
  idOf(value: unknown): string;
  /** The view's filter applies to it (top-level resources). */
  readonly filterable?: boolean;
  /** Shown when the list is empty (nested levels; an empty root shows the welcome view). */
  readonly empty?: string;
}

export type ChildSpec = { readonly nodes: TreeNode[] } | { readonly source: PagedSource };

export interface GroupNode {
  readonly type: 'group';
  readonly id: string;
  readonly label: string;
  readonly icon: string;
  readonly contextValue: string;
  readonly children: ChildSpec;
  readonly parent?: TreeNode;
}

export interface ResourceNode {
  readonly type: 'resource';
  readonly kind: string;
  value: unknown;
  readonly parent?: TreeNode;
}

export type TreeNode =
  | GroupNode
  | ResourceNode
  | { readonly type: 'loadMore'; readonly key: string; readonly parent?: TreeNode }
  | { readonly type: 'error'; readonly key: string; readonly error: ActionableError; readonly parent?: TreeNode }
  | { readonly type: 'message'; readonly id: string; readonly message: string; readonly parent?: TreeNode };
