// The Playground's conversation, kept per workspace (workspaceState) so it survives a
// reload and a restart. The host folds the same messages the webview sees through the
// webview's own pure reducer, so what is stored is exactly what was shown.
import type * as vscode from 'vscode';
import type { Conversation } from './protocol';
import { initialState, reduce, type Action, type PlaygroundState } from '../../../webview-ui/playground/state';

const KEY = 'vertexGenAi.playground.conversation';
/** Older turns are dropped beyond this, so workspaceState stays small. */
const MAX_TURNS = 100;

export class PlaygroundHistory {
  private state: PlaygroundState;
  private saving: Promise<void> = Promise.resolve();

  constructor(private readonly memento: vscode.Memento) {
    const stored = memento.get<Conversation>(KEY);
    this.state = stored ? reduce(initialState, { type: 'restore', conversation: stored }) : initialState;
  }

  conversation(): Conversation {
    return { id: 'playground', title: 'Playground', turns: this.state.turns };
  }

  /** Applies a message; `persist` when the stored conversation changed meaningfully (not per streamed piece). */
  apply(action: Action, persist = true): void {
    this.state = reduce(this.state, action);
    if (persist) this.save();
  }

  /** Resolves once everything applied so far is written. */
  flushed(): Promise<void> {
    return this.saving;
  }

  private save(): void {
    const turns = this.state.turns.slice(-MAX_TURNS);
    this.saving = this.saving.then(() => this.memento.update(KEY, { id: 'playground', title: 'Playground', turns } satisfies Conversation));
  }
}
