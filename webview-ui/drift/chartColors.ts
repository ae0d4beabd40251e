// Chart colours from the VS Code theme (CSS variables of the webview), read when drawing
// so a theme change shows on the next render.
export interface ChartColors {
  readonly foreground: string;
  readonly grid: string;
  readonly line: string;
  readonly threshold: string;
  readonly alert: string;
  readonly baseline: string;
  readonly current: string;
  readonly font: string;
}

export function chartColors(): ChartColors {
  const css = getComputedStyle(document.body);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    foreground: v('--vscode-charts-foreground', v('--vscode-foreground', '#cccccc')),
    grid: v('--vscode-charts-lines', 'rgba(128,128,128,0.3)'),
    line: v('--vscode-charts-blue', '#3794ff'),
    threshold: v('--vscode-charts-orange', '#d18616'),
    alert: v('--vscode-charts-red', '#f14c4c'),
    baseline: v('--vscode-charts-purple', '#b180d7'),
    current: v('--vscode-charts-blue', '#3794ff'),
    font: v('--vscode-font-family', 'sans-serif'),
  };
}
