import * as assert from 'node:assert/strict';
import type { Metrics } from '../../../src/features/monitoring/protocol';
import { chartSeries, summaryTiles } from '../../../webview-ui/monitoring/series';

const figures = { requests: 0, errors: 0, p50Ms: null, p95Ms: null, p99Ms: null, inputTokens: 0, outputTokens: 0 };

describe('monitoring charts: series from the host’s metrics', () => {
  const start = Date.UTC(2026, 10, 26, 8, 0);
  const metrics: Metrics = {
    filter: { range: '1h', deployedModelId: '' },
    startMs: start + 30_000,
    endMs: start + 5 * 60_000,
    bucketSeconds: 60,
    summary: { ...figures, requests: 12, errors: 3, p50Ms: 40, p95Ms: 90, p99Ms: 120, inputTokens: 1200, outputTokens: 340 },
    series: [
      { ...figures, t: start + 60_000, requests: 8, errors: 2, p50Ms: 40, p95Ms: 90, p99Ms: 100, inputTokens: 800, outputTokens: 200 },
      { ...figures, t: start + 3 * 60_000, requests: 4, errors: 1, p50Ms: 50, p95Ms: 80, p99Ms: 120, inputTokens: 400, outputTokens: 140 },
    ],
  };

  it('draws every bucket of the window: empty ones as zero requests and a gap in latency', () => {
    const s = chartSeries(metrics, 'en-GB', 'UTC');
    assert.deepEqual(s.labels, ['08:00', '08:01', '08:02', '08:03', '08:04']);
    assert.deepEqual(s.requests, [0, 8, 0, 4, 0]);
    assert.deepEqual(s.p95, [null, 90, null, 80, null]);
    assert.deepEqual(s.errorRate, [null, 25, null, 25, null]);
    assert.deepEqual(s.outputTokens, [0, 200, 0, 140, 0]);
  });

  it('labels the buckets in the viewer’s time zone, half-hour offsets and DST included', () => {
    assert.deepEqual(chartSeries(metrics, 'en-GB', 'Asia/Kolkata').labels, ['13:30', '13:31', '13:32', '13:33', '13:34']);
    assert.deepEqual(chartSeries(metrics, 'en-GB', 'America/Los_Angeles').labels, ['00:00', '00:01', '00:02', '00:03', '00:04']);
    // 7 days in hourly buckets across the night US clocks went back (2026-11-01 09:00 UTC): 01:00 twice.
    const fallBack = Date.UTC(2026, 10, 1, 7);
    const week = { ...metrics, filter: { range: '7d', deployedModelId: '' }, startMs: fallBack, endMs: fallBack + 4 * 3_600_000, bucketSeconds: 3600, series: [] } as Metrics;
    assert.deepEqual(chartSeries(week, 'en-GB', 'America/Los_Angeles').labels, ['1 Nov, 00', '1 Nov, 01', '1 Nov, 01', '1 Nov, 02']);
  });

  it('summarises the range in tiles', () => {
    assert.deepEqual(summaryTiles(metrics.summary, 'en-US').map((t) => `${t.label}: ${t.value}`), [
      'Requests: 12',
      'Error rate: 25.0 %',
      'Latency p50: 40 ms',
      'Latency p95: 90 ms',
      'Latency p99: 120 ms',
      'Tokens in / out: 1,200 / 340',
    ]);
  });
});
