// The Playground webview: choose 1–4 targets, set the system instruction and the
// parameters, chat; answers stream in, rendered per animation frame.
import * as l10n from '@vscode/l10n';
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-textarea/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import '@vscode-elements/elements/dist/vscode-collapsible/index.js';
import './playground.css';
import type { GenerationParams, PlaygroundProtocol, PlaygroundTarget } from '../../src/features/playground/protocol';
import { connectHost } from '../shared/hostApi';
import { compareOptions, initialState, isBusy, MAX_COMPARE, newTurn, parseParams, reduce, requestFor, type Action, type PlaygroundState } from './state';
import { servedByLabel } from './figures';
import { renderTurn } from './turnView';

type Field = HTMLElement & { value: string };
interface Draft { prompt: string; system: string; params: Record<keyof GenerationParams, string> }

const PARAMS: { key: keyof GenerationParams; label: string; placeholder: string }[] = [
  { key: 'temperature', label: l10n.t('Temperature'), placeholder: '0–2' },
  { key: 'topP', label: l10n.t('Top P'), placeholder: '0–1' },
  { key: 'topK', label: l10n.t('Top K'), placeholder: '1–40' },
  { key: 'maxOutputTokens', label: l10n.t('Max output tokens'), placeholder: '1–8192' },
  { key: 'stopSequences', label: l10n.t('Stop sequences'), placeholder: l10n.t('comma separated') },
  { key: 'seed', label: l10n.t('Seed'), placeholder: 'random' },
  { key: 'candidateCount', label: l10n.t('Candidates'), placeholder: '1–8' },
];

const host = connectHost<PlaygroundProtocol, Draft>();
let state: PlaygroundState = initialState;

const app = document.getElementById('app')!;
app.innerHTML = `
  <header>
    <div id="columns"></div>
    <vscode-button id="compare" secondary title="${l10n.t('Compare with another target')}">${l10n.t('Compare')}</vscode-button>
    <span class="spacer"></span>
    <vscode-button id="export-md" secondary title="${l10n.t('Export the conversation as Markdown')}">${l10n.t('Export')}</vscode-button>
    <vscode-button id="export-json" secondary title="${l10n.t('Export the conversation as JSON')}">${l10n.t('JSON')}</vscode-button>
    <vscode-button id="clear" secondary title="${l10n.t('Clear the conversation')}">${l10n.t('Clear')}</vscode-button>
  </header>
  <p id="targets-error" class="error" role="alert" hidden></p>
  <vscode-collapsible id="settings" title="${l10n.t('System instruction and parameters')}">
    <div class="settings">
      <vscode-textarea id="system" rows="2" placeholder="${l10n.t('System instruction (optional)')}" aria-label="${l10n.t('System instruction')}"></vscode-textarea>
      <div class="params">${PARAMS.map((p) => `<label>${p.label}<vscode-textfield id="p-${p.key}" placeholder="${p.placeholder}" aria-label="${p.label}"></vscode-textfield></label>`).join('')}</div>
    </div>
  </vscode-collapsible>
  <section id="transcript" aria-live="polite"></section>
  <p id="input-error" class="error" role="alert" hidden></p>
  <footer>
    <vscode-textarea id="prompt" rows="3" placeholder="${l10n.t('Ask… (Ctrl+Enter to send)')}" aria-label="${l10n.t('Prompt')}"></vscode-textarea>
    <div class="actions">
      <vscode-button id="send">${l10n.t('Send')}</vscode-button>
      <vscode-button id="stop" secondary hidden>${l10n.t('Stop')}</vscode-button>
    </div>
  </footer>`;

// Every control is looked up once, now, before any model output is in the document;
// later code uses these references, never a selector (an answer could hold an element
// with the same id).
const $ = <T extends HTMLElement = HTMLElement>(sel: string) => app.querySelector<T>(sel)!;
const columns = $('#columns');
const targetsError = $('#targets-error');
const sendButton = $('#send');
const stopButton = $('#stop');
const compareButton = $('#compare');
const prompt = $<Field>('#prompt');
const system = $<Field>('#system');
const paramFields = Object.fromEntries(PARAMS.map((p) => [p.key, $<Field>(`#p-${p.key}`)])) as Record<keyof GenerationParams, Field>;
const transcript = $('#transcript');
const inputError = $('#input-error');

const draft = host.getState();
prompt.value = draft?.prompt ?? '';
system.value = draft?.system ?? '';
for (const p of PARAMS) paramFields[p.key].value = draft?.params?.[p.key] ?? '';
const saveDraft = () => host.setState({ prompt: prompt.value, system: system.value, params: fieldValues() });
for (const f of [prompt, system, ...Object.values(paramFields)]) f.addEventListener('input', saveDraft);

prompt.addEventListener('keydown', (e: KeyboardEvent) => {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submit();
});
sendButton.addEventListener('click', submit);
stopButton.addEventListener('click', () => host.post({ type: 'stop' }));
compareButton.addEventListener('click', () => dispatch({ type: 'addColumn' }));
$('#export-md').addEventListener('click', () => host.post({ type: 'export', format: 'markdown' }));
$('#export-json').addEventListener('click', () => host.post({ type: 'export', format: 'json' }));
$('#clear').addEventListener('click', () => {
  dispatch({ type: 'cleared' });
  host.post({ type: 'clear' });
});
columns.addEventListener('click', (e) => {
  const remove = (e.target as HTMLElement).closest<HTMLElement>('[data-remove]');
  if (remove) dispatch({ type: 'removeColumn', column: Number(remove.dataset.remove) });
});

// Links in model output never navigate: the host asks the person first (any mouse button).
const onLink = (e: MouseEvent): boolean => {
  const link = (e.target as HTMLElement).closest('a');
  if (!link) return false;
  e.preventDefault();
  const href = link.getAttribute('href');
  if (href) host.post({ type: 'openLink', href });
  return true;
};
transcript.addEventListener('auxclick', onLink);
// Answer actions, delegated: model output never gets its own handlers.
transcript.addEventListener('click', (e) => {
  if (onLink(e)) return;
  const el = e.target as HTMLElement;
  const action = el.closest<HTMLElement>('[data-action]');
  if (!action) return;
  const turn = state.turns.find((t) => t.id === action.dataset.turn);
  const answer = turn?.answers.find((a) => a.id === action.dataset.answer);
  if (!turn || !answer) return;
  const request = requestFor(state, turn, answer);
  if (action.dataset.action === 'retry') {
    dispatch({ type: 'retrying', id: answer.id });
    host.post({ type: 'retry', id: answer.id, target: answer.target, request });
  } else if (action.dataset.action === 'eval') host.post({ type: 'saveEvalCase', turnId: turn.id, answerId: answer.id });
  else if (action.dataset.action === 'code') host.post({ type: 'copyAsCode', target: answer.target, request });
});

function fieldValues(): Record<keyof GenerationParams, string> {
  return Object.fromEntries(PARAMS.map((p) => [p.key, paramFields[p.key].value ?? ''])) as Record<keyof GenerationParams, string>;
}

function submit(): void {
  const text = prompt.value.trim();
  if (!text || !state.selected.length || isBusy(state)) return;
  const parsed = parseParams(fieldValues());
  if ('error' in parsed) {
    showInputError(parsed.error);
    return;
  }
  showInputError(undefined);
  const turn = newTurn(state, crypto.randomUUID(), text, system.value.trim() || undefined, parsed.params, Date.now());
  const requests = turn.answers.map((a) => requestFor(state, turn, a));
  dispatch({ type: 'sent', turn });
  host.post({ type: 'send', turn, requests });
  prompt.value = '';
  saveDraft();
}

function showInputError(message: string | undefined): void {
  inputError.hidden = !message;
  inputError.textContent = message ?? '';
}

// Streamed pieces only change the state; the DOM follows once per animation frame.
let frame = 0;
function dispatch(action: Action): void {
  state = reduce(state, action);
  if (!frame) frame = requestAnimationFrame(render);
}

const turnViews = new Map<string, { key: unknown; el: HTMLElement }>();
function render(): void {
  frame = 0;
  renderColumns();
  targetsError.hidden = !state.targetsError;
  targetsError.textContent = state.targetsError ?? '';
  const busy = isBusy(state);
  sendButton.toggleAttribute('disabled', busy || !state.selected.length);
  stopButton.hidden = !busy;
  compareButton.toggleAttribute('disabled', state.selected.length >= MAX_COMPARE || compareOptions(state).every((t) => state.selected.includes(t.name)));
  const nearBottom = transcript.scrollHeight - transcript.scrollTop - transcript.clientHeight < 40;
  const labels = (name: string) => state.targets.find((t) => t.name === name)?.displayName ?? name.split('/').pop() ?? name;
  // Only turns whose data changed are rebuilt: the reducer keeps unchanged turns identical.
  const live = new Set<string>();
  const children = state.turns.map((turn) => {
    live.add(turn.id);
    let view = turnViews.get(turn.id);
    if (!view || view.key !== turn) {
      view = { key: turn, el: renderTurn(turn, labels, (a) => servedByLabel(a, state.targets.find((t) => t.name === a.target)), state) };
      turnViews.set(turn.id, view);
    }
    return view.el;
  });
  for (const id of turnViews.keys()) if (!live.has(id)) turnViews.delete(id);
  if (children.length !== transcript.children.length || children.some((c, i) => transcript.children[i] !== c)) transcript.replaceChildren(...children);
  if (nearBottom) transcript.scrollTop = transcript.scrollHeight;
}

function renderColumns(): void {
  const label = (t: PlaygroundTarget) => `${t.displayName} · ${t.region}${t.kind === 'gemini' ? '' : t.kind === 'openChat' ? ' · chat' : l10n.t(' · predict (JSON instances)')}`;
  const all = state.targets.map((t) => [t.name, label(t)]);
  const comparable = compareOptions(state).map((t) => [t.name, label(t)]);
  const key = JSON.stringify([all, comparable, state.selected]);
  if (columns.dataset.key === key) return;
  columns.dataset.key = key;
  columns.replaceChildren(...state.selected.map((selected, i) => {
    const wrap = document.createElement('span');
    wrap.className = 'column-pick';
    const select = document.createElement('vscode-single-select') as Field;
    select.dataset.column = String(i);
    select.setAttribute('aria-label', i === 0 ? 'Target' : `Compare target ${i + 1}`);
    select.id = i === 0 ? 'target' : `target-${i + 1}`;
    // vscode-single-select's change event does not bubble: listen on the select itself.
    select.addEventListener('change', () => dispatch({ type: 'select', column: i, target: select.value }));
    for (const [value, label] of i === 0 ? all : comparable) {
      const option = document.createElement('vscode-option');
      option.setAttribute('value', value);
      option.textContent = label;
      if (value === selected) option.setAttribute('selected', '');
      select.append(option);
    }
    wrap.append(select);
    const target = state.targets.find((t) => t.name === selected);
    if (target?.deployed.length) {
      const deployed = document.createElement('span');
      deployed.className = 'deployed';
      deployed.textContent = target.deployed.map((d) => `${d.displayName} ${d.trafficPercent}%`).join(', ');
      wrap.append(deployed);
    }
    if (i > 0) {
      const remove = document.createElement('vscode-button');
      remove.setAttribute('secondary', '');
      remove.setAttribute('title', l10n.t('Stop comparing with this target'));
      remove.dataset.remove = String(i);
      remove.textContent = '✕';
      wrap.append(remove);
    }
    return wrap;
  }));
}

host.onMessage((message) => dispatch(message));
render();
host.post({ type: 'ready' });
