// The Playground's state and its reducer: pure, unit-tested in Node.
import * as l10n from '@vscode/l10n';
import type { Answer, ChatMessage, GenerationParams, HostMessage, PlaygroundTarget, PromptRequest, Turn } from '../../src/features/playground/protocol';

export const MAX_COMPARE = 4;

export interface PlaygroundState {
  readonly targets: readonly PlaygroundTarget[];
  /** The chosen targets: one for a chat, 2–4 to compare. */
  readonly selected: readonly string[];
  readonly targetsError?: string;
  readonly turns: readonly Turn[];
  /** Streamed pieces received per answer id, and how many the host says it sent. */
  readonly received: Readonly<Record<string, number>>;
  readonly sent: Readonly<Record<string, number>>;
}

export type Action =
  | HostMessage
  | { readonly type: 'select'; readonly column: number; readonly target: string }
  | { readonly type: 'addColumn' }
  | { readonly type: 'removeColumn'; readonly column: number }
  | { readonly type: 'sent'; readonly turn: Turn }
  | { readonly type: 'retrying'; readonly id: string }
  | { readonly type: 'cleared' };

export const initialState: PlaygroundState = { targets: [], selected: [], turns: [], received: {}, sent: {} };

export function reduce(state: PlaygroundState, action: Action): PlaygroundState {
  switch (action.type) {
    case 'targets': {
      const names = new Set(action.targets.map((t) => t.name));
      const kept = state.selected.filter((n) => names.has(n));
      const wanted = action.selected && names.has(action.selected) ? action.selected : undefined;
      let selected = wanted ? [wanted, ...kept.filter((n) => n !== wanted)].slice(0, Math.max(1, kept.length)) : kept;
      if (!selected.length && action.targets.length) selected = [action.targets[0].name];
      return { ...state, targets: action.targets, selected, targetsError: action.error };
    }
    case 'select': {
      const selected = state.selected.map((n, i) => (i === action.column ? action.target : n));
      // Compared targets answer the same prompt: a new first target drops the ones that cannot.
      const first = state.targets.find((t) => t.name === selected[0]);
      return { ...state, selected: selected.filter((n, i) => i === 0 || canCompare(first, state.targets.find((t) => t.name === n))) };
    }
    case 'addColumn': {
      if (state.selected.length >= MAX_COMPARE) return state;
      const unused = compareOptions(state).find((t) => !state.selected.includes(t.name));
      return unused ? { ...state, selected: [...state.selected, unused.name] } : state;
    }
    case 'removeColumn':
      return state.selected.length <= 1 ? state : { ...state, selected: state.selected.filter((_, i) => i !== action.column) };
    case 'restore':
      return { ...state, turns: action.conversation.turns.map(settle), received: {} };
    case 'sent':
      return { ...state, turns: [...state.turns, action.turn] };
    case 'retrying':
      return { ...patchAnswer(state, action.id, { status: 'streaming', candidates: [], error: undefined, figures: undefined }), received: { ...state.received, [action.id]: 0 } };
    case 'delta': {
      const next = patchAnswerWith(state, action.id, (a) => {
        const candidates = [...a.candidates];
        candidates[action.candidate] = (candidates[action.candidate] ?? '') + action.text;
        return { candidates };
      });
      return { ...next, received: { ...state.received, [action.id]: (state.received[action.id] ?? 0) + 1 } };
    }
    case 'answer': {
      const next = patchAnswer(state, action.id, { status: 'done', candidates: action.candidates, figures: action.figures });
      return action.sent === undefined ? next : { ...next, sent: { ...state.sent, [action.id]: action.sent } };
    }
    case 'answerError':
      return patchAnswer(state, action.id, { status: action.stopped ? 'stopped' : 'error', error: action.message });
    case 'cleared':
      return { ...state, turns: [], received: {}, sent: {} };
  }
}

/**
 * Whether two targets can answer the same prompt: chat targets (Gemini, open chat models) take
 * text, a predict endpoint takes JSON instances of its own features.
 */
export function canCompare(a: PlaygroundTarget | undefined, b: PlaygroundTarget | undefined): boolean {
  return !a || !b || (a.kind === 'predict') === (b.kind === 'predict');
}

/** The targets a compare column may offer: those that can answer what the first target is asked. */
export function compareOptions(state: PlaygroundState): PlaygroundTarget[] {
  const first = state.targets.find((t) => t.name === state.selected[0]);
  return state.targets.filter((t) => canCompare(first, t));
}

export function isBusy(state: PlaygroundState): boolean {
  return state.turns.some((t) => t.answers.some((a) => a.status === 'streaming'));
}

/** A new turn: one answer per selected target. */
export function newTurn(state: PlaygroundState, id: string, prompt: string, system: string | undefined, params: GenerationParams, at: number): Turn {
  return { id, prompt, system, params, at, answers: state.selected.map((target, i) => ({ id: `${id}:${i}`, target, status: 'streaming', candidates: [] })) };
}

/** The request for one answer: the conversation with that target so far, then the prompt. */
export function requestFor(state: PlaygroundState, turn: Turn, answer: Answer): PromptRequest {
  const history: ChatMessage[] = [];
  for (const t of state.turns) {
    if (t.id === turn.id) break;
    const previous = t.answers.find((a) => a.target === answer.target && a.status === 'done');
    if (previous) history.push({ role: 'user', text: t.prompt }, { role: 'model', text: previous.candidates[0] ?? '' });
  }
  return { system: turn.system, history, prompt: turn.prompt, params: turn.params };
}

/** Parses the parameter fields; returns the params or a precise message naming the bad field. */
export function parseParams(fields: Readonly<Record<keyof GenerationParams, string>>): { params: GenerationParams } | { error: string } {
  const out: Record<string, unknown> = {};
  const ranges: Record<string, [number, number, boolean]> = {
    temperature: [0, 2, false],
    topP: [0, 1, false],
    topK: [1, 40, true],
    maxOutputTokens: [1, 8192, true],
    seed: [0, 2 ** 31 - 1, true],
    candidateCount: [1, 8, true],
  };
  for (const [key, [min, max, integer]] of Object.entries(ranges)) {
    const raw = fields[key as keyof GenerationParams].trim();
    if (!raw) continue;
    const value = Number(raw);
    if (!Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
      return { error: (integer ? l10n.t('{0} must be a whole number from {1} to {2}; it is "{3}".', key, min, max, raw) : l10n.t('{0} must be a number from {1} to {2}; it is "{3}".', key, min, max, raw)) };
    }
    out[key] = value;
  }
  const stops = fields.stopSequences.split(',').map((s) => s.trim()).filter(Boolean);
  if (stops.length > 5) return { error: l10n.t('At most 5 stop sequences; there are {0}.', stops.length) };
  if (stops.length) out.stopSequences = stops;
  return { params: out as GenerationParams };
}

/** A restored answer that was still streaming when the window closed did not finish. */
function settle(turn: Turn): Turn {
  return { ...turn, answers: turn.answers.map((a) => (a.status === 'streaming' ? { ...a, status: 'stopped', error: a.error ?? l10n.t('Interrupted: the window closed before the answer finished.') } : a)) };
}

function patchAnswer(state: PlaygroundState, id: string, patch: Partial<Answer>): PlaygroundState {
  return patchAnswerWith(state, id, () => patch);
}

function patchAnswerWith(state: PlaygroundState, id: string, patch: (a: Answer) => Partial<Answer>): PlaygroundState {
  const turnId = id.slice(0, id.lastIndexOf(':'));
  return {
    ...state,
    turns: state.turns.map((t) => (t.id !== turnId ? t : { ...t, answers: t.answers.map((a) => (a.id === id ? { ...a, ...patch(a) } : a)) })),
  };
}
