// The node shapes every resource tree is made of.
import type { NextAction } from '../vertex/parseError';

export type TreeNode =
  | { readonly type: 'region'; readonly region: string }
  | { readonly type: 'resource'; readonly kind: string; readonly value: unknown; readonly parent?: TreeNode }
  | { readonly type: 'loadMore'; readonly region: string }
  | { readonly type: 'error'; readonly message: string; readonly action: NextAction; readonly region?: string }
  | { readonly type: 'message'; readonly message: string };
