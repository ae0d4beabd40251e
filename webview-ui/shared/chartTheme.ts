// Chart.js in VS Code's colours: reads the theme's CSS variables (the `--vscode-charts-*`
// palette, foreground, borders and the editor font) into Chart.defaults, and re-applies
// them when the user switches theme (VS Code swaps the body's vscode-light/dark class).
// Panels register only the Chart.js components they draw, to keep bundles small.
import type { Chart } from 'chart.js';

const PALETTE = ['blue', 'orange', 'green', 'purple', 'red', 'yellow'] as const;

export interface ChartColors {
  foreground: string;
  muted: string;
  grid: string;
  series: string[];
  error: string;
  warning: string;
}

function cssVar(name: string, fallback: string): string {
  return getComputedStyle(document.body).getPropertyValue(name).trim() || fallback;
}

/** The current theme's chart colours. */
export function chartColors(): ChartColors {
  return {
    foreground: cssVar('--vscode-charts-foreground', cssVar('--vscode-foreground', '#cccccc')),
    muted: cssVar('--vscode-descriptionForeground', '#999999'),
    grid: cssVar('--vscode-charts-lines', cssVar('--vscode-widget-border', 'rgba(128,128,128,0.3)')),
    series: PALETTE.map((c) => cssVar(`--vscode-charts-${c}`, '#3794ff')),
    error: cssVar('--vscode-charts-red', cssVar('--vscode-errorForeground', '#f14c4c')),
    warning: cssVar('--vscode-charts-yellow', '#cca700'),
  };
}

/** `color` with an alpha, for fills under lines (accepts #rgb, #rrggbb or any CSS colour). */
export function withAlpha(color: string, alpha: number): string {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color)?.[1];
  if (!hex) return color;
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16));
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}

/** Applies the theme to Chart.defaults now and on every theme change; `redraw` re-colours live charts. */
export function themeCharts(chart: typeof Chart, redraw: () => void): void {
  const apply = () => {
    const colors = chartColors();
    chart.defaults.color = colors.foreground;
    chart.defaults.borderColor = colors.grid;
    chart.defaults.font.family = cssVar('--vscode-font-family', 'sans-serif');
    chart.defaults.font.size = Number.parseFloat(cssVar('--vscode-font-size', '13')) - 1;
    chart.defaults.animation = false;
    chart.defaults.maintainAspectRatio = false;
    chart.defaults.plugins.legend.labels.boxWidth = 12;
    chart.defaults.plugins.tooltip.backgroundColor = cssVar('--vscode-editorHoverWidget-background', '#252526');
    chart.defaults.plugins.tooltip.titleColor = cssVar('--vscode-editorHoverWidget-foreground', colors.foreground);
    chart.defaults.plugins.tooltip.bodyColor = cssVar('--vscode-editorHoverWidget-foreground', colors.foreground);
    chart.defaults.plugins.tooltip.borderColor = cssVar('--vscode-editorHoverWidget-border', colors.grid);
    chart.defaults.plugins.tooltip.borderWidth = 1;
  };
  apply();
  new MutationObserver(() => {
    apply();
    redraw();
  }).observe(document.body, { attributes: true, attributeFilter: ['class'] });
}
