// One turn of the transcript: the prompt, then one column per target with its answer
// (sanitised markdown), figures, safety ratings and actions.
import * as l10n from '@vscode/l10n';
import type { Answer, Turn } from '../../src/features/playground/protocol';
import { renderMarkdown } from '../shared/markdown';
import { figuresLine } from './figures';

export function renderTurn(turn: Turn, label: (target: string) => string, servedBy: (answer: Answer) => string | undefined, counts: { received: Readonly<Record<string, number>>; sent: Readonly<Record<string, number>> }): HTMLElement {
  const el = document.createElement('article');
  el.className = 'turn';
  el.dataset.turn = turn.id;
  const question = document.createElement('div');
  question.className = 'prompt';
  question.textContent = turn.prompt;
  const answers = document.createElement('div');
  answers.className = `answers columns-${turn.answers.length}`;
  answers.append(...turn.answers.map((a) => renderAnswer(turn, a, label(a.target), servedBy(a), counts.received[a.id] ?? 0, counts.sent[a.id])));
  el.append(question, answers);
  return el;
}

function renderAnswer(turn: Turn, answer: Answer, targetLabel: string, servedBy: string | undefined, received: number, sent: number | undefined): HTMLElement {
  const el = document.createElement('div');
  el.className = `answer ${answer.status}`;
  el.dataset.answer = answer.id;
  // Streamed pieces that arrived vs were sent: the bench and tests check none is dropped.
  el.dataset.received = String(received);
  if (sent !== undefined) el.dataset.sent = String(sent);
  const head = document.createElement('div');
  head.className = 'answer-target';
  head.textContent = targetLabel;
  if (servedBy) {
    // The endpoint splits its traffic: say which of its models this answer came from.
    const served = document.createElement('span');
    served.className = 'served-by';
    served.textContent = l10n.t(' · answered by {0}', servedBy);
    head.append(served);
  }
  el.append(head);
  answer.candidates.forEach((text, i) => {
    const body = document.createElement('div');
    body.className = 'answer-text';
    if (answer.candidates.length > 1) body.dataset.candidate = l10n.t('Candidate {0}', i + 1);
    // Model output is data: sanitised HTML only, never scripts or handlers (see markdown.ts).
    body.innerHTML = renderMarkdown(text);
    el.append(body);
  });
  if (answer.status === 'streaming' && !answer.candidates.length) {
    const waiting = document.createElement('div');
    waiting.className = 'waiting';
    waiting.textContent = l10n.t('Waiting for the first token…');
    el.append(waiting);
  }
  if (answer.error) {
    const error = document.createElement('div');
    error.className = 'answer-error';
    error.setAttribute('role', 'alert');
    error.textContent = answer.error;
    el.append(error);
  }
  if (answer.figures) el.append(figures(answer));
  const actions = document.createElement('div');
  actions.className = 'answer-actions';
  const button = (action: string, text: string) => {
    const b = document.createElement('vscode-button');
    b.setAttribute('secondary', '');
    b.dataset.action = action;
    b.dataset.turn = turn.id;
    b.dataset.answer = answer.id;
    b.textContent = text;
    return b;
  };
  if (answer.status === 'error' || answer.status === 'stopped') actions.append(button('retry', l10n.t('Retry')));
  if (answer.status === 'done') actions.append(button('eval', l10n.t('Save as eval case')));
  if (answer.status !== 'streaming') actions.append(button('code', l10n.t('Copy as code')));
  el.append(actions);
  return el;
}

function figures(answer: Answer): HTMLElement {
  const f = answer.figures!;
  const el = document.createElement('div');
  el.className = 'figures';
  el.textContent = figuresLine(answer);
  if (f.servedBy) el.title = l10n.t('Served by {0}', f.servedBy);
  if (f.safety?.length) {
    const safety = document.createElement('div');
    safety.className = 'safety';
    safety.textContent = l10n.t('Safety: {0}', f.safety.map((s) => `${s.category.toLowerCase().replace(/_/g, ' ')} ${s.probability.toLowerCase()}${s.blocked ? l10n.t(' (blocked)') : ''}`).join(', '));
    el.append(safety);
  }
  return el;
}
