// The linter's data: plain positions and edits (0-based lines, UTF-16 columns, as
// VS Code counts them), so the editor, the CLI and the launch flows share one result.

export type Severity = 'error' | 'warning' | 'info';

export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

export interface TextEdit {
  readonly range: Range;
  readonly newText: string;
}

/** An unambiguous fix: applying every edit repairs the diagnostic it belongs to. */
export interface QuickFix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
}

/** Rule ids; the editor shows them as the diagnostic's code. */
export type RuleCode =
  | 'invalid-json'
  | 'trailing-comma'
  | 'not-object'
  | 'missing-contents'
  | 'other-format'
  | 'mixed-formats'
  | 'schema'
  | 'role'
  | 'turn-order'
  | 'part'
  | 'empty-text'
  | 'unknown-key'
  | 'duplicate'
  | 'too-many-tokens'
  | 'blank-line';

export interface TuningDiagnostic {
  readonly range: Range;
  readonly severity: Severity;
  readonly code: RuleCode;
  readonly message: string;
  readonly fixes?: readonly QuickFix[];
}

/** The example formats a line can be in. Only 'gemini' is what Gemini supervised tuning reads. */
export type ExampleFormat = 'gemini' | 'chat' | 'textPair' | 'unknown';

export interface TuningSummary {
  /** Non-blank lines: each is one example. */
  readonly examples: number;
  /** Estimated tokens of one pass over the data. */
  readonly tokensPerEpoch: number;
  /** tokensPerEpoch × epochs, when epochs were given. */
  readonly totalTokens?: number;
  readonly epochs?: number;
  /** The example with the most estimated tokens (0-based line). */
  readonly longest?: { readonly line: number; readonly tokens: number };
  /** The format most examples are in. */
  readonly format?: ExampleFormat;
  readonly errors: number;
  readonly warnings: number;
}

export interface LintOptions {
  /** Per-example limit of input and output tokens; default DEFAULT_MAX_TOKENS_PER_EXAMPLE. */
  readonly maxTokensPerExample?: number;
  /** Epochs the summary multiplies by; leave out for tokens per epoch only. */
  readonly epochs?: number;
}

export interface LintResult {
  readonly diagnostics: readonly TuningDiagnostic[];
  readonly summary: TuningSummary;
}

/** Lets a caller stop a long lint (a newer edit arrived). */
export interface Cancellation {
  readonly isCancellationRequested: boolean;
}

// Google's limit for Gemini 2.5 Flash, Flash-Lite and Pro: "Maximum input and output
// training tokens: 131,072" per example (cloud.google.com/vertex-ai/generative-ai/docs/
// models/gemini-supervised-tuning, "Limitations", checked November 2026; Gemini 1.5 Pro
// allowed 32,000). The setting vertexGenAi.tuning.maxTokensPerExample overrides it.
export const DEFAULT_MAX_TOKENS_PER_EXAMPLE = 131_072;
