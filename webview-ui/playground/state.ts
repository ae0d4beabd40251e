// The Playground's state and its reducer: pure, unit-tested in Node.
import type { AnswerFigures, HostMessage, PlaygroundTarget } from '../../src/protocol/playground';

export interface Turn {
  readonly id: string;
  readonly endpoint: string;
  readonly prompt: string;
  readonly status: 'waiting' | 'done' | 'error';
  readonly text?: string;
  readonly error?: string;
  readonly figures?: AnswerFigures;
}

export interface PlaygroundState {
  readonly targets: readonly PlaygroundTarget[];
  readonly selected?: string;
  readonly targetsError?: string;
  readonly turns: readonly Turn[];
}

export type Action =
  | HostMessage
  | { readonly type: 'select'; readonly endpoint: string }
  | { readonly type: 'sent'; readonly id: string; readonly endpoint: string; readonly prompt: string };

export const initialState: PlaygroundState = { targets: [], turns: [] };

export function reduce(state: PlaygroundState, action: Action): PlaygroundState {
  switch (action.type) {
    case 'targets': {
      const valid = (e?: string) => (e && action.targets.some((t) => t.endpoint === e) ? e : undefined);
      const selected = valid(action.selected) ?? valid(state.selected) ?? action.targets[0]?.endpoint;
      return { ...state, targets: action.targets, selected, targetsError: action.error };
    }
    case 'select':
      return { ...state, selected: action.endpoint };
    case 'sent':
      return { ...state, turns: [...state.turns, { id: action.id, endpoint: action.endpoint, prompt: action.prompt, status: 'waiting' }] };
    case 'answer':
      return update(state, action.id, { status: 'done', text: action.text, figures: action.figures });
    case 'answerError':
      return update(state, action.id, { status: 'error', error: action.message });
  }
}

export function isBusy(state: PlaygroundState): boolean {
  return state.turns.some((t) => t.status === 'waiting');
}

function update(state: PlaygroundState, id: string, patch: Partial<Turn>): PlaygroundState {
  return { ...state, turns: state.turns.map((t) => (t.id === id ? { ...t, ...patch } : t)) };
}
