// Lints open tuning documents: at once on open, debounced while typing, a stale run
// cancelled by the next one, and each document's TuningLinter keeps its line cache so
// an edit re-checks only the lines that changed.
import * as vscode from 'vscode';
import { TuningLinter } from '../lint/lintTuning';
import { DEFAULT_MAX_TOKENS_PER_EXAMPLE, type LintOptions, type LintResult, type QuickFix, type TuningDiagnostic } from '../lint/lintTypes';
import { isTuningDocument } from './tuningActivation';

const TYPING_DEBOUNCE_MS = 250;
const SEVERITY: Record<TuningDiagnostic['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export const toRange = (r: TuningDiagnostic['range']) => new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
export const fixKey = (code: unknown, range: vscode.Range) =>
  `${String(code)}@${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;

interface DocumentState {
  readonly linter: TuningLinter;
  /** Whether the linter's lines mirror the document (edits applied as they came). */
  synced: boolean;
  timer?: ReturnType<typeof setTimeout>;
  running?: vscode.CancellationTokenSource;
  /** The last result, for the document version it describes. */
  result?: { readonly version: number; readonly lint: LintResult; readonly fixes: Map<string, readonly QuickFix[]> };
}

export class TuningDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('vertexGenAi.tuning');
  private readonly states = new Map<string, DocumentState>();
  private readonly linted = new vscode.EventEmitter<vscode.Uri>();
  /** Fires when a document has a new lint result. */
  readonly onDidLint = this.linted.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly log: vscode.LogOutputChannel) {
    this.subscriptions = [
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => this.changed(e)),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('vertexGenAi.tuning')) this.lintAll();
      }),
    ];
    this.lintAll();
  }

  /** The last lint of the document, when it is still current. */
  current(document: vscode.TextDocument): { readonly lint: LintResult; readonly fixes: Map<string, readonly QuickFix[]> } | undefined {
    const result = this.states.get(document.uri.toString())?.result;
    return result?.version === document.version ? result : undefined;
  }

  private changed(e: vscode.TextDocumentChangeEvent): void {
    if (e.contentChanges.length === 0) return;
    const state = this.states.get(e.document.uri.toString());
    if (state?.synced) {
      // Stop a running lint first: it must not see the lines change under it.
      state.running?.cancel();
      for (const change of e.contentChanges) state.linter.edit(change.range, change.text);
      if (state.linter.lineCount !== e.document.lineCount) state.synced = false;
    }
    this.schedule(e.document, TYPING_DEBOUNCE_MS);
  }

  private lintAll(): void {
    for (const document of vscode.workspace.textDocuments) {
      if (isTuningDocument(document)) this.schedule(document, 0);
      else this.forget(document.uri);
    }
  }

  private schedule(document: vscode.TextDocument, delayMs: number): void {
    if (!isTuningDocument(document)) return;
    const key = document.uri.toString();
    let state = this.states.get(key);
    if (!state) this.states.set(key, (state = { linter: new TuningLinter(), synced: false }));
    clearTimeout(state.timer);
    state.running?.cancel();
    const s = state;
    s.timer = setTimeout(() => void this.run(document, s), delayMs);
  }

  private async run(document: vscode.TextDocument, state: DocumentState): Promise<void> {
    const source = new vscode.CancellationTokenSource();
    state.running = source;
    const version = document.version;
    const started = performance.now();
    const whole = !state.synced;
    if (whole) {
      state.linter.setText(document.getText());
      state.synced = true;
    }
    try {
      const lint = await state.linter.lint(options(document), source.token);
      if (!lint || source.token.isCancellationRequested || document.isClosed) return;
      const ms = (performance.now() - started).toFixed(0);
      this.log.debug(`Tuning lint of ${document.uri.fsPath} (${whole ? 'whole text' : 'edited lines'}): ${state.linter.lineCount} lines in ${ms} ms`);
      const fixes = new Map<string, readonly QuickFix[]>();
      const diagnostics = lint.diagnostics.map((d) => {
        const diagnostic = new vscode.Diagnostic(toRange(d.range), d.message, SEVERITY[d.severity]);
        diagnostic.source = 'Vertex GenAI';
        diagnostic.code = d.code;
        if (d.fixes) fixes.set(fixKey(d.code, diagnostic.range), d.fixes);
        return diagnostic;
      });
      state.result = { version, lint, fixes };
      this.collection.set(document.uri, diagnostics);
      this.linted.fire(document.uri);
    } finally {
      if (state.running === source) state.running = undefined;
      source.dispose();
    }
  }

  private forget(uri: vscode.Uri): void {
    const state = this.states.get(uri.toString());
    if (!state) return;
    clearTimeout(state.timer);
    state.running?.cancel();
    this.states.delete(uri.toString());
    this.collection.delete(uri);
    this.linted.fire(uri);
  }

  dispose(): void {
    for (const state of this.states.values()) {
      clearTimeout(state.timer);
      state.running?.cancel();
    }
    this.subscriptions.forEach((s) => s.dispose());
    this.collection.dispose();
    this.linted.dispose();
  }
}

function options(document: vscode.TextDocument): LintOptions {
  const config = vscode.workspace.getConfiguration('vertexGenAi.tuning', document.uri);
  const epochs = config.get<number | null>('epochs');
  return {
    maxTokensPerExample: config.get<number>('maxTokensPerExample') || DEFAULT_MAX_TOKENS_PER_EXAMPLE,
    ...(typeof epochs === 'number' && epochs > 0 ? { epochs } : {}),
  };
}
