// Training curves with Chart.js, in the workbench's colours (read from VS Code's
// CSS variables, so a theme change repaints them).
import { Chart, Legend, LineController, LineElement, LinearScale, LogarithmicScale, PointElement, Tooltip, type ChartDataset } from 'chart.js';
import type { CurveView } from '../../src/protocol/jobPanel';

Chart.register(LineController, LineElement, PointElement, LinearScale, LogarithmicScale, Legend, Tooltip);

const PALETTE = ['--vscode-charts-blue', '--vscode-charts-orange', '--vscode-charts-green', '--vscode-charts-purple', '--vscode-charts-red', '--vscode-charts-yellow'];

function cssVar(name: string, fallback: string): string {
  return getComputedStyle(document.body).getPropertyValue(name).trim() || fallback;
}

/** One chart per unit: losses together, the learning rate (if logged) on its own. */
export function groupCurves(curves: readonly CurveView[]): { title: string; curves: CurveView[] }[] {
  const loss = curves.filter((c) => /loss/i.test(c.metric));
  const rest = curves.filter((c) => !/loss/i.test(c.metric));
  return [
    ...(loss.length ? [{ title: 'Loss', curves: loss }] : []),
    ...rest.map((c) => ({ title: c.metric.replace(/^\//, '').replace(/_/g, ' '), curves: [c] })),
  ];
}

export class CurveChart {
  private chart: Chart<'line', { x: number; y: number }[]> | undefined;

  constructor(private readonly canvas: HTMLCanvasElement) {}

  update(curves: readonly CurveView[]): void {
    const foreground = cssVar('--vscode-foreground', '#ccc');
    const grid = cssVar('--vscode-editorWidget-border', 'rgba(128,128,128,0.3)');
    const datasets: ChartDataset<'line', { x: number; y: number }[]>[] = curves.map((c, i) => {
      const colour = cssVar(PALETTE[i % PALETTE.length], foreground);
      return {
        label: curves.length > 1 && new Set(curves.map((x) => x.metric)).size === 1 ? `${c.run} ${c.metric}` : c.metric,
        data: c.points.map((p) => ({ x: p.step, y: p.value })),
        borderColor: colour,
        backgroundColor: colour,
        pointRadius: c.points.length > 40 ? 0 : 3,
        borderWidth: 2,
        tension: 0.2,
      };
    });
    if (this.chart) {
      this.chart.data.datasets = datasets;
      this.chart.update('none');
      return;
    }
    this.chart = new Chart<'line', { x: number; y: number }[]>(this.canvas, {
      type: 'line',
      data: { datasets },
      options: {
        animation: false,
        maintainAspectRatio: false,
        parsing: false,
        color: foreground,
        scales: {
          x: { type: 'linear', title: { display: true, text: 'step', color: foreground }, ticks: { color: foreground, precision: 0 }, grid: { color: grid } },
          y: { ticks: { color: foreground }, grid: { color: grid } },
        },
        plugins: { legend: { labels: { color: foreground } }, tooltip: { intersect: false, mode: 'index' } },
      },
    });
  }
}
