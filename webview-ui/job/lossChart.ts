// Training curves with Chart.js, in the workbench's colours (shared/chartTheme.ts).
import * as l10n from '@vscode/l10n';
import { Chart, Legend, LineController, LineElement, LinearScale, PointElement, Tooltip, type ChartDataset } from 'chart.js';
import type { CurveView } from '../../src/features/jobs/protocol';
import { chartColors, themeCharts } from '../shared/chartTheme';

Chart.register(LineController, LineElement, PointElement, LinearScale, Legend, Tooltip);
const live = new Set<CurveChart>();
themeCharts(Chart, () => live.forEach((c) => c.recolor()));

/** One chart per unit: losses together, the learning rate (if logged) on its own. */
export function groupCurves(curves: readonly CurveView[]): { title: string; curves: CurveView[] }[] {
  const loss = curves.filter((c) => /loss/i.test(c.metric));
  const rest = curves.filter((c) => !/loss/i.test(c.metric));
  return [
    ...(loss.length ? [{ title: l10n.t('Loss'), curves: loss }] : []),
    ...rest.map((c) => ({ title: c.metric.replace(/^\//, '').replace(/_/g, ' '), curves: [c] })),
  ];
}

export class CurveChart {
  private chart: Chart<'line', { x: number; y: number }[]> | undefined;
  private curves: readonly CurveView[] = [];

  /** `axis`: what x counts, "epoch" for Gemini tuning (one point per epoch), else "step". */
  constructor(private readonly canvas: HTMLCanvasElement, private readonly axis = 'step') {
    live.add(this);
  }

  update(curves: readonly CurveView[]): void {
    this.curves = curves;
    const datasets = this.datasets();
    if (this.chart) {
      this.chart.data.datasets = datasets;
      this.chart.update('none');
      return;
    }
    this.chart = new Chart<'line', { x: number; y: number }[]>(this.canvas, {
      type: 'line',
      data: { datasets },
      options: {
        parsing: false,
        scales: { x: { type: 'linear', title: { display: true, text: this.axis }, ticks: { precision: 0 } }, y: {} },
        plugins: { tooltip: { intersect: false, mode: 'index' } },
      },
    });
  }

  /** The theme changed: new series colours (Chart.defaults already carry the rest). */
  recolor(): void {
    if (this.chart) this.update(this.curves);
  }

  private datasets(): ChartDataset<'line', { x: number; y: number }[]>[] {
    const { series } = chartColors();
    const sameMetric = new Set(this.curves.map((c) => c.metric)).size === 1;
    return this.curves.map((c, i) => ({
      label: this.curves.length > 1 && sameMetric ? `${c.run} ${c.metric}` : c.metric,
      data: c.points.map((p) => ({ x: p.step, y: p.value })),
      borderColor: series[i % series.length],
      backgroundColor: series[i % series.length],
      pointRadius: c.points.length > 40 ? 0 : 3,
      borderWidth: 2,
      tension: 0.2,
    }));
  }
}
