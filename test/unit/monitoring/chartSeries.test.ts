import * as assert from 'node:assert/strict';
import type { Metrics } from '../../../src/protocol/monitoring';
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
    const s = chartSeries(metrics, 'en-GB');
    assert.deepEqual(s.labels, ['08:00', '08:01', '08:02', '08:03', '08:04']);
    assert.deepEqual(s.requests, [0, 8, 0, 4, 0]);
    assert.deepEqual(s.p95, [null, 90, null, 80, null]);
    assert.deepEqual(s.errorRate, [null, 25, null, 25, null]);
    assert.deepEqual(s.outputTokens, [0, 200, 0, 140, 0]);
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
