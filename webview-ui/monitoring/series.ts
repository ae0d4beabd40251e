// What the charts draw from the host's Metrics: every bucket of the window (empty ones
// as zero requests and no latency, so gaps show as gaps), and their axis labels.
import * as l10n from '@vscode/l10n';
import type { Metrics, MetricsFigures, TimeRange } from '../../src/features/monitoring/protocol';

export interface ChartSeries {
  labels: string[];
  requests: number[];
  errors: number[];
  errorRate: (number | null)[];
  p50: (number | null)[];
  p95: (number | null)[];
  p99: (number | null)[];
  inputTokens: number[];
  outputTokens: number[];
}

/** Labels are wall-clock times in `timeZone` (default: the viewer's own). */
export function chartSeries(metrics: Metrics, locale?: string, timeZone?: string): ChartSeries {
  const step = metrics.bucketSeconds * 1000;
  const byStart = new Map(metrics.series.map((p) => [p.t, p]));
  const format = labelFormat(metrics.filter.range, locale, timeZone);
  const out: ChartSeries = { labels: [], requests: [], errors: [], errorRate: [], p50: [], p95: [], p99: [], inputTokens: [], outputTokens: [] };
  for (let t = Math.floor(metrics.startMs / step) * step; t < metrics.endMs; t += step) {
    const p = byStart.get(t);
    out.labels.push(format.format(new Date(t)));
    out.requests.push(p?.requests ?? 0);
    out.errors.push(p?.errors ?? 0);
    out.errorRate.push(p && p.requests ? (100 * p.errors) / p.requests : null);
    out.p50.push(p?.p50Ms ?? null);
    out.p95.push(p?.p95Ms ?? null);
    out.p99.push(p?.p99Ms ?? null);
    out.inputTokens.push(p?.inputTokens ?? 0);
    out.outputTokens.push(p?.outputTokens ?? 0);
  }
  return out;
}

function labelFormat(range: TimeRange, locale?: string, timeZone?: string): Intl.DateTimeFormat {
  return range === '1h' || range === '24h'
    ? new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone })
    : new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', hour: '2-digit', timeZone });
}

export interface Tile {
  label: string;
  value: string;
}

export function summaryTiles(s: MetricsFigures, locale?: string): Tile[] {
  const n = new Intl.NumberFormat(locale);
  const ms = (v: number | null) => (v === null ? '–' : l10n.t('{0} ms', n.format(Math.round(v))));
  return [
    { label: l10n.t('Requests'), value: n.format(s.requests) },
    { label: l10n.t('Error rate'), value: s.requests ? `${(Math.round((1000 * s.errors) / s.requests) / 10).toFixed(1)} %` : '–' },
    { label: l10n.t('Latency p50'), value: ms(s.p50Ms) },
    { label: l10n.t('Latency p95'), value: ms(s.p95Ms) },
    { label: l10n.t('Latency p99'), value: ms(s.p99Ms) },
    { label: l10n.t('Tokens in / out'), value: `${n.format(s.inputTokens)} / ${n.format(s.outputTokens)}` },
  ];
}
