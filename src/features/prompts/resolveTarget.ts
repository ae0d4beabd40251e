// A target as people write it in prompt files and batch runs: a full resource name, an
// endpoint id, an endpoint display name or a publisher model id. No vscode.
import type { PlaygroundTarget } from '../../vertex/promptTypes';

export function resolveTarget(targets: readonly PlaygroundTarget[], ref: string): PlaygroundTarget | undefined {
  const r = ref.trim();
  return (
    targets.find((t) => t.name === r) ??
    targets.find((t) => t.name.endsWith(`/endpoints/${r}`)) ??
    targets.find((t) => t.displayName === r) ??
    targets.find((t) => t.name.endsWith(`/models/${r}`))
  );
}
