// The job panel's webview: everything is rendered as text (textContent), never as HTML.
import * as l10n from '@vscode/l10n';
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-badge/index.js';
import './job.css';
import type { CurveView, JobProtocol, JobView, JobWebviewMessage } from '../../src/features/jobs/protocol';
import { connectHost } from '../shared/hostApi';
import { CurveChart, groupCurves } from './lossChart';
import { defaultSort, parameterIds, sortTrials, toggleSort, type Sort, type SortKey } from './trials';

const host = connectHost<JobProtocol>();
const app = document.getElementById('app')!;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

const header = el('header');
const alert = el('p', { class: 'error', role: 'alert', hidden: '' });
const timeline = el('ol', { class: 'timeline' });
const stats = el('dl', { class: 'stats' });
const curvesSection = el('section', { class: 'curves' });
const trialsSection = el('section', { class: 'trials', hidden: '' });
const statsTitle = el('h2', { id: 'stats-title', hidden: '' }, l10n.t('Tuning data'));
const curvesTitle = el('h2', {}, l10n.t('Training curves'));
app.append(header, alert, el('h2', {}, l10n.t('Timeline')), timeline, statsTitle, stats, curvesTitle, curvesSection, trialsSection);

let job: JobView | undefined;
let sort: Sort | undefined;
/** What the curves message said; the heading's fate needs the job too, whichever message comes first. */
let curvesSeen: { readonly any: boolean; readonly error: boolean } | undefined;
const charts = new Map<string, CurveChart>();

host.onMessage((message) => {
  if (message.type === 'job') {
    job = message.job;
    sort ??= defaultSort(job.metric);
    renderJob(job);
    showCurvesHeading();
  } else if (message.type === 'curves') {
    renderCurves(message.curves, message.error);
  } else {
    alert.hidden = false;
    alert.textContent = message.message;
  }
});
host.post({ type: 'ready' });

function button(label: string, message: JobWebviewMessage, secondary = true): HTMLElement {
  const b = el('vscode-button', secondary ? { secondary: '' } : {}, label);
  b.addEventListener('click', () => host.post(message));
  return b;
}

function renderJob(j: JobView): void {
  const kind = j.kind === 'tuning' ? l10n.t('Gemini supervised tuning') : j.kind === 'custom' ? l10n.t('Custom job') : l10n.t('Hyperparameter tuning');
  const actions = el('div', { class: 'actions' });
  if (j.tunedModel) actions.append(button(l10n.t('Open in Playground'), { type: 'openPlayground' }, false), button(l10n.t('Deploy…'), { type: 'deploy' }));
  if (!j.terminal) actions.append(button(l10n.t('Cancel job…'), { type: 'cancelJob' }));
  // An ended Gemini tuning job (a failed one above all) offers the way on: the same launch, pre-filled.
  else if (j.kind === 'tuning') actions.append(button(l10n.t('Clone with changes…'), { type: 'clone' }, !j.error));
  const failing = j.error && /(gs:\/\/\S+?\.jsonl) line (\d+)/.exec(j.error.message);
  if (failing) actions.append(button(l10n.t('Open {0} at line {1}', String(failing[1].split('/').pop()), failing[2]), { type: 'openDataset', uri: failing[1], line: Number(failing[2]) }));
  actions.append(button(l10n.t('Refresh'), { type: 'refresh' }), button(l10n.t('Details'), { type: 'showDetails' }));
  header.replaceChildren(
    el('h1', {}, j.displayName),
    el('p', { class: 'subtitle' }, el('vscode-badge', { class: `state ${j.state}` }, j.state.toUpperCase()), ` ${kind} · ${j.subject}`),
    actions,
  );
  alert.hidden = !j.error;
  alert.textContent = j.error ? j.error.message : '';
  timeline.replaceChildren(
    ...j.timeline.map((t, i) => {
      const at = new Date(t.time);
      const since = i > 0 ? ` (+${duration(at.getTime() - new Date(j.timeline[i - 1].time).getTime())})` : '';
      return el('li', {}, el('strong', {}, t.label), ` ${at.toLocaleString()}${since}`);
    }),
  );
  if (!j.terminal) timeline.append(el('li', { class: 'pending' }, el('strong', {}, j.state === 'pending' ? 'Waiting for resources…' : 'Running…')));
  statsTitle.hidden = j.stats.length === 0;
  stats.replaceChildren(...j.stats.flatMap((s) => [el('dt', {}, s.label), el('dd', {}, s.value)]));
  renderTrials(j);
}

/** A job that ended without curves (a failed one) gets no empty heading. */
function showCurvesHeading(): void {
  // A failed job's missing TensorBoard run is no news: its error is already shown above.
  // Until curves arrive, a failed job is assumed to have none (the host may send none for it).
  const failed = job?.state === 'failed';
  const none = job?.terminal === true && (curvesSeen ? !curvesSeen.any && (!curvesSeen.error || failed) : failed);
  curvesTitle.hidden = none;
  curvesSection.hidden = none;
}

function renderCurves(curves: readonly CurveView[], error?: string): void {
  const groups = groupCurves(curves.filter((c) => c.points.length > 0));
  curvesSeen = { any: groups.length > 0, error: Boolean(error) };
  showCurvesHeading();
  if (!groups.length) {
    charts.clear();
    curvesSection.replaceChildren(el('p', { class: 'muted' }, error ?? 'No points logged yet: curves appear as the job trains.'));
    return;
  }
  const present = new Set(groups.map((g) => g.title));
  for (const title of [...charts.keys()]) if (!present.has(title)) charts.delete(title);
  if ([...curvesSection.children].some((c) => !c.classList.contains('chart'))) curvesSection.replaceChildren();
  for (const group of groups) {
    let chart = charts.get(group.title);
    if (!chart) {
      const axis = job?.kind === 'tuning' ? 'epoch' : 'step';
      const canvas = el('canvas', { 'aria-label': l10n.t('{0} by {1}', group.title, axis), role: 'img' });
      curvesSection.append(el('figure', { class: 'chart' }, el('figcaption', {}, group.title), el('div', { class: 'canvas-box' }, canvas)));
      chart = new CurveChart(canvas, axis);
      charts.set(group.title, chart);
    }
    chart.update(group.curves);
  }
}

function renderTrials(j: JobView): void {
  trialsSection.hidden = j.trials.length === 0;
  if (!j.trials.length || !sort) return;
  const params = parameterIds(j.trials);
  const columns: [SortKey, string][] = [['id', l10n.t('Trial')], ['state', l10n.t('State')], ...params.map((p): [SortKey, string] => [`param:${p}`, p]), ['value', j.metric?.id ?? l10n.t('Metric')]];
  const head = el(
    'tr',
    {},
    ...columns.map(([key, label]) => {
      const th = el('th', { scope: 'col', 'aria-sort': sort!.key === key ? (sort!.descending ? 'descending' : 'ascending') : 'none' });
      const b = el('button', { type: 'button' }, label + (sort!.key === key ? (sort!.descending ? ' ▼' : ' ▲') : ''));
      b.addEventListener('click', () => {
        sort = toggleSort(sort!, key);
        renderTrials(j);
      });
      th.append(b);
      return th;
    }),
  );
  const rows = sortTrials(j.trials, sort).map((t) => {
    const best = t.id === j.bestTrialId;
    return el(
      'tr',
      best ? { class: 'best', title: l10n.t('Best trial') } : {},
      el('td', {}, best ? `★ ${t.id}` : t.id),
      el('td', {}, t.state),
      ...params.map((p) => el('td', {}, formatValue(t.parameters[p]))),
      el('td', {}, formatValue(t.value)),
    );
  });
  const goal = j.metric ? (j.metric.goal === 'MINIMIZE' ? l10n.t(' (lower is better)') : l10n.t(' (higher is better)')) : '';
  trialsSection.replaceChildren(el('h2', {}, l10n.t('Trials{0}', goal)), el('table', {}, el('thead', {}, head), el('tbody', {}, ...rows)));
}

function formatValue(v: string | number | undefined): string {
  if (v === undefined) return '–';
  return typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toPrecision(4)) : v;
}

function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s}s` : s < 3600 ? l10n.t('{0}m {1}s', Math.floor(s / 60), s % 60) : l10n.t('{0}h {1}m', Math.floor(s / 3600), Math.floor((s % 3600) / 60));
}
