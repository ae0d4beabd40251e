// The prompts feature's public file: what other features may use of it (the border rule
// feature-private-file in .dependency-cruiser.cjs). Everything else in src/features/prompts is private.
export { AnswerDocument } from './answerDocument';
export { parseBatchInput, runBatch, type BatchSummary } from './batchRun';
export { fillVariables, parsePromptFile, variablesIn } from './promptFile';
export { resolveTarget } from './resolveTarget';
