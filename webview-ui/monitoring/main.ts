// The Monitoring webview: filters (deployed model, time range), serving metrics as tiles and
// Chart.js charts, and the prediction-log browser. The host does all querying.
import * as l10n from '@vscode/l10n';
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-progress-ring/index.js';
import '@vscode-elements/elements/dist/vscode-tabs/index.js';
import '@vscode-elements/elements/dist/vscode-tab-header/index.js';
import '@vscode-elements/elements/dist/vscode-tab-panel/index.js';
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip, type ChartDataset } from 'chart.js';
import './monitoring.css';
import type { LogFilter, LogPage, Metrics, MetricsFilter, MonitoringProtocol, MonitoringTarget, Problem, StatusFilter, TimeRange } from '../../src/features/monitoring/protocol';
import { chartColors, themeCharts, withAlpha } from '../shared/chartTheme';
import { controls } from '../shared/controls';
import { connectHost } from '../shared/hostApi';
import { chartSeries, summaryTiles } from './series';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Tooltip, Legend);

const host = connectHost<MonitoringProtocol, { tab: number }>();
const RANGE_LABELS: Record<TimeRange, string> = { '1h': l10n.t('Last hour'), '24h': l10n.t('Last 24 hours'), '7d': l10n.t('Last 7 days'), '30d': l10n.t('Last 30 days') };

const app = document.getElementById('app')!;
app.innerHTML = `
  <header>
    <h1 id="title">${l10n.t('Monitoring')}</h1>
    <span id="table" class="muted"></span>
    <div class="filters">
      <vscode-progress-ring id="busy" hidden aria-label="${l10n.t('Loading')}"></vscode-progress-ring>
      <vscode-single-select id="model" aria-label="${l10n.t('Deployed model')}"></vscode-single-select>
      <vscode-single-select id="range" aria-label="${l10n.t('Time range')}">
        ${Object.entries(RANGE_LABELS).map(([v, l]) => `<vscode-option value="${v}">${l}</vscode-option>`).join('')}
      </vscode-single-select>
      <vscode-button id="refresh" secondary icon="refresh">${l10n.t('Refresh')}</vscode-button>
    </div>
  </header>
  <span id="updated" class="muted"></span>
  <vscode-tabs id="tabs">
    <vscode-tab-header slot="header">${l10n.t('Metrics')}</vscode-tab-header>
    <vscode-tab-panel>
      <div id="metrics-problem" class="problem" role="alert" hidden><p></p><vscode-button secondary></vscode-button></div>
      <div id="metrics-body">
        <div id="tiles" class="tiles"></div>
        <div class="charts">
          <div class="chart"><h2>${l10n.t('Requests and errors')}</h2><div class="canvas"><canvas id="c-volume"></canvas></div></div>
          <div class="chart"><h2>${l10n.t('Latency (ms)')}</h2><div class="canvas"><canvas id="c-latency"></canvas></div></div>
          <div class="chart"><h2>${l10n.t('Error rate (%)')}</h2><div class="canvas"><canvas id="c-errors"></canvas></div></div>
          <div class="chart"><h2>${l10n.t('Tokens')}</h2><div class="canvas"><canvas id="c-tokens"></canvas></div></div>
        </div>
      </div>
    </vscode-tab-panel>
    <vscode-tab-header slot="header">${l10n.t('Prediction log')}</vscode-tab-header>
    <vscode-tab-panel>
      <div class="log-bar">
        <vscode-single-select id="status" aria-label="${l10n.t('Status')}">
          <vscode-option value="all">${l10n.t('All requests')}</vscode-option>
          <vscode-option value="ok">${l10n.t('Successful')}</vscode-option>
          <vscode-option value="error">${l10n.t('Failed')}</vscode-option>
        </vscode-single-select>
        <span class="spacer"></span>
        <vscode-button id="export-csv" secondary icon="export">${l10n.t('Export CSV')}</vscode-button>
        <vscode-button id="export-jsonl" secondary icon="export">${l10n.t('Export JSONL')}</vscode-button>
      </div>
      <div id="logs-problem" class="problem" role="alert" hidden><p></p><vscode-button secondary></vscode-button></div>
      <table id="log-table" aria-label="${l10n.t('Logged requests')}">
        <thead><tr><th>${l10n.t('Time')}</th><th>${l10n.t('Deployed model')}</th><th>${l10n.t('Method')}</th><th class="num">${l10n.t('Status')}</th><th class="num">${l10n.t('Latency')}</th></tr></thead>
        <tbody></tbody>
      </table>
      <div class="pager"><vscode-button id="prev" secondary>${l10n.t('Previous')}</vscode-button><vscode-button id="next" secondary>${l10n.t('Next')}</vscode-button><span id="page-info" class="muted"></span></div>
    </vscode-tab-panel>
  </vscode-tabs>`;

type Select = HTMLElement & { value: string };
const ui = controls(app, 'model', 'range', 'status', 'tabs', 'refresh', 'prev', 'next', 'export-csv', 'export-jsonl', 'log-table', 'title', 'table', 'busy', 'metrics-body', 'tiles', 'updated', 'page-info', 'metrics-problem', 'logs-problem', 'c-volume', 'c-latency', 'c-errors', 'c-tokens');
const [model, range, status] = [ui.model, ui.range, ui.status] as Select[];
const tabs = ui.tabs as HTMLElement & { selectedIndex: number };
const { refresh: refreshButton, prev: prevButton, next: nextButton, exportCsv, exportJsonl, logTable, title, table: tableLine, busy: busyRing, metricsBody, tiles, updated, pageInfo } = ui;
const problemBoxes = { metrics: ui.metricsProblem, logs: ui.logsProblem };
const loading = new Set<string>();

let target: MonitoringTarget | undefined;
let metricsFilter: MetricsFilter = { range: '24h', deployedModelId: '' };
let logFilter: LogFilter = { ...metricsFilter, status: 'all' };
let logPage: LogPage | undefined;
let lastMetrics: Metrics | undefined;

const charts = createCharts();
themeCharts(Chart, () => {
  for (const c of Object.values(charts)) c.destroy();
  Object.assign(charts, createCharts());
  if (lastMetrics) showMetrics(lastMetrics);
});

tabs.selectedIndex = host.getState()?.tab ?? 0;
tabs.addEventListener('vsc-tabs-select', () => host.setState({ tab: tabs.selectedIndex }));
const filtersChanged = () => {
  metricsFilter = { range: range.value as TimeRange, deployedModelId: model.value };
  logFilter = { ...metricsFilter, status: status.value as StatusFilter };
  host.post({ type: 'metricsFilter', filter: metricsFilter });
  host.post({ type: 'logFilter', filter: logFilter, page: 0 });
};
model.addEventListener('change', filtersChanged);
range.addEventListener('change', filtersChanged);
status.addEventListener('change', filtersChanged);
refreshButton.addEventListener('click', () => host.post({ type: 'action', command: 'retry' }));
prevButton.addEventListener('click', () => logPage && host.post({ type: 'logFilter', filter: logFilter, page: logPage.page - 1 }));
nextButton.addEventListener('click', () => logPage && host.post({ type: 'logFilter', filter: logFilter, page: logPage.page + 1 }));
exportCsv.addEventListener('click', () => host.post({ type: 'export', filter: logFilter, format: 'csv' }));
exportJsonl.addEventListener('click', () => host.post({ type: 'export', filter: logFilter, format: 'jsonl' }));
const tbody = logTable.querySelector('tbody')!;
const openRow = (row: HTMLElement | null) => row?.dataset.id && host.post({ type: 'openEntry', requestId: row.dataset.id });
tbody.addEventListener('click', (e) => openRow((e.target as HTMLElement).closest('tr')));
tbody.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' || e.key === ' ') openRow((e.target as HTMLElement).closest('tr'));
});

host.onMessage((message) => {
  switch (message.type) {
    case 'target':
      target = message.target;
      metricsFilter = message.metricsFilter;
      logFilter = message.logFilter;
      showTarget();
      break;
    case 'loading':
      setBusy(message.what, true);
      break;
    case 'metrics':
      setBusy('metrics', false);
      showProblem('metrics', undefined);
      showMetrics(message.metrics);
      break;
    case 'logs':
      setBusy('logs', false);
      showProblem('logs', undefined);
      showLogs(message.page);
      break;
    case 'problem':
      setBusy(message.what, false);
      showProblem(message.what, message.problem);
      break;
    case 'exported':
      break;
  }
});
host.post({ type: 'ready' });

function showTarget(): void {
  if (!target) return;
  title.textContent = target.displayName;
  tableLine.textContent = target.logTable ? l10n.t('Log: {0}', target.logTable) : l10n.t('Request-response logging is off');
  model.innerHTML = [`<vscode-option value="">${l10n.t('All deployed models')}</vscode-option>`, ...target.deployedModels.map((d) => `<vscode-option value="${attr(d.id)}">${text(d.displayName)}</vscode-option>`)].join('');
  model.value = metricsFilter.deployedModelId;
  range.value = metricsFilter.range;
  status.value = logFilter.status;
}

function setBusy(what: string, busy: boolean): void {
  if (busy) loading.add(what);
  else loading.delete(what);
  busyRing.hidden = loading.size === 0;
}

function showProblem(what: 'metrics' | 'logs', problem: Problem | undefined): void {
  const box = problemBoxes[what];
  box.hidden = !problem;
  box.classList.toggle('error', problem?.action?.command === 'retry');
  if (what === 'metrics') metricsBody.hidden = Boolean(problem);
  else logTable.hidden = Boolean(problem);
  if (!problem) return;
  box.querySelector('p')!.textContent = problem.message;
  const button = box.querySelector<HTMLElement>('vscode-button')!;
  button.hidden = !problem.action;
  button.textContent = problem.action?.label ?? '';
  button.onclick = () => problem.action && host.post({ type: 'action', command: problem.action.command });
  if (what === 'metrics') document.body.dataset.metrics = 'problem';
}

function showMetrics(metrics: Metrics): void {
  lastMetrics = metrics;
  const s = chartSeries(metrics);
  tiles.innerHTML = summaryTiles(metrics.summary)
    .map((t) => `<div class="tile"><div class="label">${text(t.label)}</div><div class="value">${text(t.value)}</div></div>`)
    .join('');
  const colors = chartColors();
  const set = (chart: Chart, datasets: ChartDataset[]) => {
    chart.data.labels = s.labels;
    chart.data.datasets = datasets;
    chart.update();
  };
  set(charts.volume, [
    { type: 'bar', label: l10n.t('Successful'), data: s.requests.map((r, i) => r - s.errors[i]), backgroundColor: colors.series[0], stack: 'r' },
    { type: 'bar', label: l10n.t('Failed'), data: s.errors, backgroundColor: colors.error, stack: 'r' },
  ]);
  set(charts.latency, [
    line('p50', s.p50, colors.series[0]),
    line('p95', s.p95, colors.series[1]),
    line('p99', s.p99, colors.series[3]),
  ]);
  set(charts.errors, [line(l10n.t('Error rate'), s.errorRate, colors.error)]);
  set(charts.tokens, [
    { type: 'bar', label: l10n.t('Input'), data: s.inputTokens, backgroundColor: colors.series[2], stack: 't' },
    { type: 'bar', label: l10n.t('Output'), data: s.outputTokens, backgroundColor: colors.series[5], stack: 't' },
  ]);
  const empty = metrics.summary.requests === 0;
  if (empty) {
    showProblem('metrics', { message: l10n.t('No requests were logged in the {0}: choose a longer range, or send the endpoint some traffic.', RANGE_LABELS[metrics.filter.range].toLowerCase()) });
    document.body.dataset.metrics = 'empty';
  } else document.body.dataset.metrics = 'ready';
  updated.textContent = l10n.t('Updated {0} · refreshes every 30 s while visible', new Date().toLocaleTimeString());
}

function line(label: string, data: (number | null)[], color: string): ChartDataset {
  return { type: 'line', label, data, borderColor: color, backgroundColor: withAlpha(color, 0.2), pointRadius: 0, borderWidth: 1.5, spanGaps: false, tension: 0.2 };
}

function showLogs(page: LogPage): void {
  logPage = page;
  const names = new Map(target?.deployedModels.map((d) => [d.id, d.displayName]));
  const time = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' });
  tbody.innerHTML = page.items
    .map(
      (i) => `<tr tabindex="0" data-id="${attr(i.requestId)}" title="Open request ${attr(i.requestId)}">
        <td>${text(time.format(new Date(i.loggingTime)))}</td><td>${text(names.get(i.deployedModelId) ?? i.deployedModelId)}</td>
        <td>${text(i.apiMethod)}</td><td class="num ${i.statusCode >= 400 ? 'status-error' : ''}">${i.statusCode}</td><td class="num">${i.latencyMs} ms</td></tr>`,
    )
    .join('');
  if (!page.items.length) showProblem('logs', { message: l10n.t('No logged requests match these filters: widen the time range or the status.') });
  const size = 50;
  pageInfo.textContent = page.totalRows ? l10n.t('{0}–{1} of {2}', page.page * size + 1, page.page * size + page.items.length, page.totalRows) : '';
  prevButton.toggleAttribute('disabled', page.page === 0);
  nextButton.toggleAttribute('disabled', !page.hasNext);
}

function createCharts(): Record<'volume' | 'latency' | 'errors' | 'tokens', Chart> {
  const make = (canvas: HTMLElement, stacked: boolean, max?: number) =>
    new Chart(canvas as HTMLCanvasElement, {
      type: 'bar',
      data: { labels: [], datasets: [] },
      options: {
        interaction: { mode: 'index', intersect: false },
        scales: { x: { stacked, ticks: { maxTicksLimit: 8, maxRotation: 0 }, grid: { display: false } }, y: { stacked, beginAtZero: true, ...(max ? { suggestedMax: max } : {}) } },
      },
    });
  return { volume: make(ui.cVolume, true), latency: make(ui.cLatency, false), errors: make(ui.cErrors, false, 5), tokens: make(ui.cTokens, true) };
}

function text(value: string): string {
  const d = document.createElement('div');
  d.textContent = value;
  return d.innerHTML;
}

function attr(value: string): string {
  return text(value).replace(/"/g, '&quot;');
}
