// The trees feature's public file: what other features may use of it (the border rule
// feature-private-file in .dependency-cruiser.cjs). Everything else in src/features/trees is private.
export { resourceNameFrom } from './resourceNames';
export type { TreeNode } from './treeNodes';
export { detailsUri, readOnlyTextUri } from './resourceDocuments';
