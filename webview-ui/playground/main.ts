// The Playground webview: pick a deployed endpoint, send a prompt, read the answer.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-textarea/index.js';
import '@vscode-elements/elements/dist/vscode-progress-ring/index.js';
import './playground.css';
import type { HostMessage, WebviewMessage } from '../../src/protocol/playground';
import { connectHost } from '../shared/hostApi';
import { renderMarkdown } from '../shared/markdown';
import { initialState, isBusy, reduce, type Action, type PlaygroundState, type Turn } from './state';

const host = connectHost<WebviewMessage, HostMessage, { draft: string }>();
let state: PlaygroundState = initialState;

const app = document.getElementById('app')!;
app.innerHTML = `
  <header>
    <label for="target">Endpoint</label>
    <vscode-single-select id="target" aria-label="Endpoint"></vscode-single-select>
  </header>
  <p id="targets-error" class="error" role="alert" hidden></p>
  <section id="transcript" aria-live="polite"></section>
  <footer>
    <vscode-textarea id="prompt" rows="4" placeholder="Ask the deployed model… (Ctrl+Enter to send)" aria-label="Prompt"></vscode-textarea>
    <div class="actions">
      <vscode-button id="send">Send</vscode-button>
      <vscode-button id="stop" secondary hidden>Stop</vscode-button>
    </div>
  </footer>`;

const target = app.querySelector<HTMLElement & { value: string }>('#target')!;
const prompt = app.querySelector<HTMLElement & { value: string }>('#prompt')!;
const send = app.querySelector<HTMLElement>('#send')!;
const stop = app.querySelector<HTMLElement>('#stop')!;
const transcript = app.querySelector<HTMLElement>('#transcript')!;
const targetsError = app.querySelector<HTMLElement>('#targets-error')!;

prompt.value = host.getState()?.draft ?? '';
prompt.addEventListener('input', () => host.setState({ draft: prompt.value }));
prompt.addEventListener('keydown', (e: KeyboardEvent) => {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submit();
});
target.addEventListener('change', () => dispatch({ type: 'select', endpoint: target.value }));
send.addEventListener('click', submit);
stop.addEventListener('click', () => {
  for (const t of state.turns) if (t.status === 'waiting') host.post({ type: 'stop', id: t.id });
});

function submit(): void {
  const text = prompt.value.trim();
  if (!text || !state.selected || isBusy(state)) return;
  const id = crypto.randomUUID();
  dispatch({ type: 'sent', id, endpoint: state.selected, prompt: text });
  host.post({ type: 'send', id, endpoint: state.selected, prompt: text });
  prompt.value = '';
  host.setState({ draft: '' });
}

function dispatch(action: Action): void {
  state = reduce(state, action);
  render();
}

function render(): void {
  const options = state.targets
    .map((t) => `<vscode-option value="${attr(t.endpoint)}">${text(`${t.displayName} · ${t.region}`)}</vscode-option>`)
    .join('');
  if (target.dataset.options !== options) {
    target.innerHTML = options;
    target.dataset.options = options;
  }
  if (state.selected) target.value = state.selected;
  targetsError.hidden = !state.targetsError;
  targetsError.textContent = state.targetsError ?? '';
  const busy = isBusy(state);
  send.toggleAttribute('disabled', busy || !state.selected);
  stop.hidden = !busy;
  transcript.replaceChildren(...state.turns.map(renderTurn));
  transcript.lastElementChild?.scrollIntoView({ block: 'end' });
}

function renderTurn(turn: Turn): HTMLElement {
  const el = document.createElement('article');
  el.className = `turn ${turn.status}`;
  const question = document.createElement('div');
  question.className = 'prompt';
  question.textContent = turn.prompt;
  const answer = document.createElement('div');
  answer.className = 'answer';
  if (turn.status === 'waiting') answer.innerHTML = '<vscode-progress-ring></vscode-progress-ring>';
  else if (turn.status === 'error') answer.textContent = turn.error ?? '';
  else answer.innerHTML = renderMarkdown(turn.text ?? '');
  el.append(question, answer);
  if (turn.figures) {
    const f = turn.figures;
    const figures = document.createElement('div');
    figures.className = 'figures';
    figures.textContent = [
      `${Math.round(f.totalMs)} ms`,
      f.promptTokens !== undefined && `${f.promptTokens} prompt tokens`,
      f.outputTokens !== undefined && `${f.outputTokens} output tokens`,
      f.finishReason,
    ]
      .filter(Boolean)
      .join(' · ');
    el.append(figures);
  }
  return el;
}

function text(value: string): string {
  const d = document.createElement('div');
  d.textContent = value;
  return d.innerHTML;
}

function attr(value: string): string {
  return text(value).replace(/"/g, '&quot;');
}

host.onMessage((message) => dispatch(message));
render();
host.post({ type: 'ready' });
