// Small pure formatters for tree labels. No vscode.
import * as l10n from '@vscode/l10n';

/** "3 s", "4 min", "2 h 05 min", "3 d 4 h": compact elapsed time. */
export function formatElapsed(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return l10n.t('{0} min', m);
  const h = Math.floor(m / 60);
  if (h < 24) return `${h} h ${String(m % 60).padStart(2, '0')} min`;
  return `${Math.floor(h / 24)} d ${h % 24} h`;
}

/** "NVIDIA_TESLA_A100" → "A100", "TPU_V5_LITEPOD" → "TPU v5e". */
export function formatAccelerator(type: string | undefined, count: number | undefined): string | undefined {
  if (!type || type === 'ACCELERATOR_TYPE_UNSPECIFIED') return undefined;
  const short =
    type === 'TPU_V5_LITEPOD'
      ? 'TPU v5e'
      : type.startsWith('TPU_')
        ? `TPU ${type.slice(4).toLowerCase().replace(/_/g, ' ')}`
        : type.replace(/^NVIDIA_(TESLA_)?/, '').replace(/_/g, ' ');
  return count && count > 1 ? `${count} × ${short}` : short;
}
