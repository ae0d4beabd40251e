// The row preview webview: a virtualised read-only grid. virtual-core lays out the scroll
// range and follows the scroll element; only the rows in view exist in the DOM, and
// their blocks are asked from the host when scrolling pauses.
import * as l10n from '@vscode/l10n';
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-progress-ring/index.js';
import '@vscode/codicons/dist/codicon.css';
import './rowPreview.css';
import { Virtualizer, elementScroll, observeElementOffset, observeElementRect } from '@tanstack/virtual-core';
import type { HostMessage, PreviewColumn, RowPreviewProtocol } from '../../src/features/datasets/protocol';
import { controls } from '../shared/controls';
import { connectHost } from '../shared/hostApi';
import { BLOCK_ROWS, RowBlocks } from './rowBlocks';
import { ROW_HEIGHT, scrollHeight, visibleRows } from './scrollMap';

const HEADER_HEIGHT = 40;
/** Wait this long after the last scroll before asking for rows: a fast drag asks once. */
const FETCH_DELAY_MS = 40;
/**
 * virtual-core's set-up is linear in its item count (a million items: ~150 ms and tens
 * of MB in the webview), so a big table's scroll range is laid out in at most this many
 * items, each a group of rows.
 */
const MAX_ITEMS = 50_000;

const host = connectHost<RowPreviewProtocol, { scrollTop: number }>();
const blocks = new RowBlocks();
let columns: readonly PreviewColumn[] = [];
let totalRows = 0;

const app = document.getElementById('app')!;
app.innerHTML = `
  <header>
    <span class="codicon codicon-table" aria-hidden="true"></span>
    <strong id="title"></strong>
    <span id="count" class="muted"></span>
  </header>
  <div id="status" role="status"><vscode-progress-ring id="ring"></vscode-progress-ring><span id="status-text">${l10n.t('Opening table…')}</span></div>
  <div id="failure" role="alert" hidden>
    <span class="codicon codicon-error" aria-hidden="true"></span>
    <span id="failure-text"></span>
    <vscode-button id="retry" secondary>${l10n.t('Retry')}</vscode-button>
  </div>
  <div id="grid" role="grid" aria-readonly="true" tabindex="0" hidden>
    <div id="head" class="row head" role="row"></div>
    <div id="body" role="rowgroup"></div>
  </div>`;

const ui = controls(app, 'grid', 'head', 'body', 'status', 'failure', 'retry', 'failure-text', 'title', 'count', 'ring', 'status-text');
const { head, body, status, failure, retry: retryButton, failureText, title: titleText, count: countText, ring, statusText } = ui;
const grid = ui.grid as HTMLDivElement;

const virtualizer = new Virtualizer<HTMLDivElement, HTMLDivElement>({
  count: 0,
  getScrollElement: () => grid,
  estimateSize: () => ROW_HEIGHT,
  overscan: 0,
  scrollToFn: elementScroll,
  observeElementRect,
  observeElementOffset,
  onChange: () => render(),
});
virtualizer._didMount();

retryButton.addEventListener('click', () => {
  if (columns.length) {
    blocks.retry();
    render();
  } else {
    showStatus();
    host.post({ type: 'retry' });
  }
});

let fetchTimer: ReturnType<typeof setTimeout> | undefined;
function scheduleFetch(): void {
  clearTimeout(fetchTimer);
  fetchTimer = setTimeout(() => {
    const { first, last } = inView();
    for (const block of blocks.toFetch(first, last, totalRows)) fetchBlock(block);
  }, FETCH_DELAY_MS);
}

/** One block of rows from the host, shown when it arrives (or its error in its place). */
function fetchBlock(block: number): void {
  const start = block * BLOCK_ROWS;
  host.request('rows', { start, count: BLOCK_ROWS }).then(
    (rows) => blocks.received(start, rows),
    (error: Error) => blocks.failedAt(start, error.message),
  ).finally(render);
}

let saveTimer: ReturnType<typeof setTimeout> | undefined;
grid.addEventListener('scroll', () => {
  clearTimeout(saveTimer);
  saveTimer = setTimeout(() => host.setState({ scrollTop: grid.scrollTop }), 200);
});

/** The rows the scroll position shows (the header covers the top of the scroll element). */
function inView() {
  const scrollTop = virtualizer.scrollOffset ?? grid.scrollTop;
  const viewport = Math.max(ROW_HEIGHT, (virtualizer.scrollRect?.height ?? grid.clientHeight) - HEADER_HEIGHT);
  return { scrollTop, ...visibleRows(scrollTop, viewport, totalRows) };
}

function render(): void {
  body.style.height = `${virtualizer.getTotalSize()}px`;
  // The rows in view flow inside one window placed where the view starts.
  const { scrollTop, first, last, offset } = inView();
  const view = document.createElement('div');
  view.className = 'window';
  view.style.top = `${scrollTop - offset}px`;
  view.append(...Array.from({ length: Math.max(0, last - first + 1) }, (_, k) => rowElement(first + k)));
  body.replaceChildren(view);
  const error = blocks.error;
  failure.hidden = !error;
  if (error) failureText.textContent = error;
  scheduleFetch();
}

function rowElement(index: number): HTMLElement {
  const row = document.createElement('div');
  row.className = 'row';
  row.setAttribute('role', 'row');
  row.setAttribute('aria-rowindex', String(index + 2));
  const number = cell(String(index + 1), 'number');
  const cells = blocks.row(index);
  if (cells) row.append(number, ...cells.map((value, i) => valueCell(value, columns[i])));
  else row.append(number, ...columns.map(() => cell('', 'pending')));
  return row;
}

function valueCell(value: string | null, column: PreviewColumn | undefined): HTMLElement {
  if (value === null) return cell('NULL', 'null');
  const nested = column && (column.mode === 'REPEATED' || column.type === 'RECORD' || column.type === 'STRUCT' || column.type === 'JSON');
  const el = cell(value, nested ? 'nested' : /^(INTEGER|INT64|FLOAT|FLOAT64|NUMERIC|BIGNUMERIC)$/.test(column?.type ?? '') ? 'numeric' : '');
  el.title = value;
  return el;
}

function cell(text: string, kind: string): HTMLElement {
  const el = document.createElement('div');
  el.className = `cell ${kind}`;
  el.setAttribute('role', kind === 'number' ? 'rowheader' : 'gridcell');
  el.textContent = text;
  return el;
}

function columnWidth(c: PreviewColumn): string {
  if (c.type === 'RECORD' || c.type === 'STRUCT' || c.type === 'JSON' || c.mode === 'REPEATED') return 'var(--wide)';
  return /^(TIMESTAMP|DATETIME)$/.test(c.type) ? 'var(--time)' : 'var(--narrow)';
}

function typeLabel(c: PreviewColumn): string {
  return c.mode === 'REPEATED' ? `ARRAY<${c.type}>` : c.mode === 'REQUIRED' ? `${c.type} NOT NULL` : c.type;
}

function showTable(message: Extract<HostMessage, { type: 'table' }>): void {
  columns = message.columns;
  totalRows = message.totalRows;
  blocks.clear();
  titleText.textContent = message.title;
  countText.textContent = (totalRows === 1 ? l10n.t('{0} row · {1} columns', totalRows.toLocaleString(), columns.length) : l10n.t('{0} rows · {1} columns', totalRows.toLocaleString(), columns.length));
  grid.style.setProperty('--number-width', `calc(${String(totalRows).length}ch + 20px)`);
  grid.style.setProperty('--columns', `var(--number-width) ${columns.map(columnWidth).join(' ')}`);
  head.replaceChildren(
    cell('#', 'number'),
    ...columns.map((c) => {
      const el = document.createElement('div');
      el.className = 'cell';
      el.setAttribute('role', 'columnheader');
      el.title = c.description ? `${c.name}: ${c.description}` : c.name;
      const name = document.createElement('span');
      name.className = 'name';
      name.textContent = c.name;
      const type = document.createElement('span');
      type.className = 'type';
      type.textContent = typeLabel(c);
      el.append(name, type);
      return el;
    }),
  );
  status.hidden = true;
  failure.hidden = true;
  grid.hidden = false;
  // Ask for the first rows in view now: the virtualizer's set-up is linear in the row
  // count (about 100 ms for a million rows), and the fetch need not wait for it.
  const saved = host.getState()?.scrollTop ?? 0;
  const { first, last } = visibleRows(saved, Math.max(ROW_HEIGHT, grid.clientHeight - HEADER_HEIGHT), totalRows);
  for (const block of blocks.toFetch(first, last, totalRows)) fetchBlock(block);
  const items = Math.min(totalRows, MAX_ITEMS);
  const itemSize = items ? scrollHeight(totalRows) / items : ROW_HEIGHT;
  virtualizer.setOptions({ ...virtualizer.options, count: items, estimateSize: () => itemSize });
  virtualizer._willUpdate();
  if (saved) grid.scrollTop = saved;
  render();
  if (!totalRows) {
    status.hidden = false;
    ring.hidden = true;
    statusText.textContent = l10n.t('This table has no rows.');
  }
}

function showStatus(): void {
  status.hidden = false;
  ring.hidden = false;
  statusText.textContent = l10n.t('Opening table…');
  failure.hidden = true;
}

host.onMessage((message) => {
  switch (message.type) {
    case 'table':
      return showTable(message);
    case 'error':
      status.hidden = true;
      grid.hidden = true;
      columns = [];
      failure.hidden = false;
      failureText.textContent = message.message;
  }
});
host.post({ type: 'ready' });
