// The drift feature's public file: what other features may use of it (the border rule
// feature-private-file in .dependency-cruiser.cjs). Everything else in src/features/drift is private.
export { logTableOf } from './driftViews';
export { tableReference } from './generativeDrift';
export { default as loggedRequestsSql } from './sql/loggedRequests.sql';
