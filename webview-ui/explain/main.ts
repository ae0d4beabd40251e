// The Explainability webview: an instance (typed, from a file, the selection or the log),
// the deployed model(s) to explain it with, and per model the attributions: a bar chart
// and table with instance and baseline values, or a heat map over the prompt's words.
import * as l10n from '@vscode/l10n';
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-textarea/index.js';
import '@vscode-elements/elements/dist/vscode-progress-ring/index.js';
import './explain.css';
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import type { ExplainProtocol, ExplainTarget, ExplanationView } from '../../src/features/explain/protocol';
import { controls } from '../shared/controls';
import { connectHost } from '../shared/hostApi';
import { chartColors, themeCharts } from '../shared/chartTheme';
import { figures, num, shade } from './state';

// The legend plugin too: the shared theme sets its defaults.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);
const charts: Chart[] = [];
themeCharts(Chart, () => charts.forEach((c) => c.update()));

const host = connectHost<ExplainProtocol, { instance?: string; endpoint?: string }>();
const app = document.getElementById('app')!;
app.innerHTML = `
  <header>
    <label for="endpoint">${l10n.t('Endpoint')}</label>
    <vscode-single-select id="endpoint" aria-label="${l10n.t('Endpoint')}"></vscode-single-select>
  </header>
  <div id="versions" aria-label="${l10n.t('Deployed models to compare (at most two)')}"></div>
  <vscode-textarea id="instance" rows="8" aria-label="${l10n.t('Instance (JSON)')}" placeholder='{"amount": 120.5, "hour_of_day": 3, …} or {"prompt": "…"}'></vscode-textarea>
  <div class="actions">
    <vscode-button id="explain">${l10n.t('Explain')}</vscode-button>
    <vscode-button id="file" secondary>${l10n.t('From file…')}</vscode-button>
    <vscode-button id="logged" secondary>${l10n.t('From the request log…')}</vscode-button>
    <span id="origin" class="origin"></span>
  </div>
  <p id="error" class="error" role="alert" hidden></p>
  <section id="results" aria-live="polite"></section>`;

const ui = controls(app, 'endpoint', 'instance', 'versions', 'results', 'error', 'explain', 'file', 'logged', 'origin');
const { versions, results, error, explain: explainButton, file: fileButton, logged: loggedButton, origin } = ui;
const [endpoint, instance] = [ui.endpoint, ui.instance] as (HTMLElement & { value: string })[];
let targets: readonly ExplainTarget[] = [];
/** The select may not take a value until its options are upgraded: remember the choice too. */
let chosenEndpoint: string | undefined;

instance.value = host.getState()?.instance ?? '';
instance.addEventListener('input', () => host.setState({ ...host.getState(), instance: instance.value }));
endpoint.addEventListener('change', () => {
  chosenEndpoint = endpoint.value;
  renderVersions();
});
explainButton.addEventListener('click', () => {
  const chosen = [...versions.querySelectorAll<HTMLElement & { checked: boolean; value: string }>('vscode-checkbox')].filter((c) => c.checked).map((c) => c.value);
  if (chosen.length > 2) return showError(l10n.t('Choose at most two deployed models to compare.'));
  if (!instance.value.trim()) return showError('Enter an instance as JSON, or load one from a file or the request log.');
  showError(undefined);
  host.post({ type: 'explain', endpoint: currentEndpoint() ?? '', instance: instance.value, deployedModelIds: chosen });
});
fileButton.addEventListener('click', () => host.post({ type: 'loadFile' }));
loggedButton.addEventListener('click', () => host.post({ type: 'loadLogged' }));

host.onMessage((message) => {
  switch (message.type) {
    case 'targets':
      targets = message.targets;
      endpoint.replaceChildren(...targets.map((t) => Object.assign(document.createElement('vscode-option'), { value: t.endpoint, textContent: t.label })));
      chosenEndpoint = message.selected ?? chosenEndpoint ?? targets[0]?.endpoint;
      if (chosenEndpoint) endpoint.value = chosenEndpoint;
      renderVersions();
      return showError(message.error);
    case 'instance':
      instance.value = message.instance;
      host.setState({ ...host.getState(), instance: message.instance });
      origin.textContent = message.origin ? l10n.t('from {0}', message.origin) : '';
      return;
    case 'busy':
      results.replaceChildren(document.createElement('vscode-progress-ring'));
      return;
    case 'results':
      return renderResults(message.results);
    case 'error':
      return showError(message.message);
  }
});

function showError(message: string | undefined): void {
  error.hidden = !message;
  error.textContent = message ?? '';
}

function currentEndpoint(): string | undefined {
  return endpoint.value || chosenEndpoint;
}

function renderVersions(): void {
  const target = targets.find((t) => t.endpoint === currentEndpoint());
  // The targets are sent again when the panel is shown again: keep what was ticked.
  const ticked = new Set([...versions.querySelectorAll<HTMLElement & { checked: boolean; value: string }>('vscode-checkbox')].filter((c) => c.checked).map((c) => c.value));
  // The `label` property only: with slotted text too, the checkbox showed the text twice and
  // re-rendered its label as it took focus, which swallowed the click meant to tick it.
  versions.replaceChildren(
    ...(target?.deployedModels ?? []).map((d) => Object.assign(document.createElement('vscode-checkbox'), { value: d.id, label: d.label, checked: ticked.has(d.id) })),
  );
}

function renderResults(list: readonly ExplanationView[]): void {
  charts.splice(0).forEach((c) => c.destroy());
  results.replaceChildren(...list.map(renderResult));
}

function renderResult(r: ExplanationView): HTMLElement {
  const el = document.createElement('article');
  el.className = 'result';
  const title = document.createElement('h2');
  title.textContent = r.label;
  el.append(title);
  if (r.error) {
    el.append(Object.assign(document.createElement('p'), { className: 'error', textContent: r.error }));
    return el;
  }
  el.append(Object.assign(document.createElement('p'), { className: 'figures', textContent: figures(r) }));
  if (r.tokens?.length) el.append(heatmap(r.tokens));
  if (r.features.length) el.append(featureChart(r), featureTable(r));
  if (r.prediction !== undefined) {
    const answer = document.createElement('div');
    answer.className = 'answer';
    // Model output is data: shown as text, never as HTML.
    answer.textContent = r.prediction;
    el.append(answer);
  }
  return el;
}

function heatmap(tokens: NonNullable<ExplanationView['tokens']>): HTMLElement {
  const box = document.createElement('div');
  const text = document.createElement('p');
  text.className = 'heatmap';
  const largest = Math.max(...tokens.map((t) => Math.abs(t.attribution)));
  for (const t of tokens) {
    const span = document.createElement('span');
    span.className = 'token';
    span.textContent = t.token;
    span.title = `${t.token}: ${num(t.attribution)}`;
    span.dataset.attribution = String(t.attribution);
    const colour = t.attribution >= 0 ? 'var(--vscode-charts-red)' : 'var(--vscode-charts-blue)';
    span.style.backgroundColor = `color-mix(in srgb, ${colour} ${shade(t.attribution, largest)}%, transparent)`;
    text.append(span, document.createTextNode(' '));
  }
  const legend = document.createElement('div');
  legend.className = 'legend';
  legend.innerHTML = '<span><span class="swatch up"></span>raises the answer’s probability</span><span><span class="swatch down"></span>lowers it</span>';
  box.append(text, legend);
  return box;
}

function featureChart(r: ExplanationView): HTMLElement {
  const wrap = document.createElement('div');
  wrap.className = 'chart';
  const canvas = document.createElement('canvas');
  canvas.setAttribute('aria-label', l10n.t('Feature attributions'));
  wrap.append(canvas);
  // Same colours as the heat map: red raises the output, blue lowers it.
  const c = chartColors();
  const [up, down] = [c.error, c.series[0]];
  queueMicrotask(() => {
    charts.push(
      new Chart(canvas, {
        type: 'bar',
        data: {
          labels: r.features.map((f) => f.feature),
          datasets: [{ label: l10n.t('attribution'), data: r.features.map((f) => f.attribution), backgroundColor: r.features.map((f) => (f.attribution >= 0 ? up : down)) }],
        },
        options: {
          indexAxis: 'y',
          plugins: { legend: { display: false } },
        },
      }),
    );
  });
  return wrap;
}

function featureTable(r: ExplanationView): HTMLElement {
  const table = document.createElement('table');
  const head = table.createTHead().insertRow();
  for (const [text, numeric] of [['Feature', false], ['Instance', true], ['Baseline', true], ['Attribution', true]] as const) {
    const th = document.createElement('th');
    th.textContent = text;
    if (numeric) th.className = 'num';
    head.append(th);
  }
  const body = table.createTBody();
  for (const f of r.features) {
    const row = body.insertRow();
    row.dataset.feature = f.feature;
    for (const [text, numeric] of [[f.feature, false], [f.value ?? '—', true], [f.baseline ?? '—', true], [num(f.attribution), true]] as const) {
      const td = row.insertCell();
      td.textContent = text;
      if (numeric) td.className = 'num';
    }
  }
  return table;
}

host.post({ type: 'ready' });
