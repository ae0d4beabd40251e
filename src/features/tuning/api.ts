// The tuning feature's public file: what the activation entry and other features may use of it
// (the border rules in .dependency-cruiser.cjs). Everything else in src/features/tuning is private.
export { startWithFirstTuningDocument } from './editor/tuningActivation';
/** The tuning editor chunk (chunk:tuning), loaded when the first tuning document opens. */
export type TuningEditorChunk = typeof import('./editor/tuningEditor');
