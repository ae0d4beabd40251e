// An answer's figures as one line: the same in the panel, exports and prompt-file output. Pure.
import type { Answer, PlaygroundTarget } from '../../src/features/playground/protocol';

export function figuresLine(answer: Answer): string {
  const f = answer.figures;
  if (!f) return '';
  return [
    f.ttftMs !== undefined && `first token ${Math.round(f.ttftMs)} ms`,
    `total ${Math.round(f.totalMs)} ms`,
    f.tokensPerSecond !== undefined && `${f.tokensPerSecond.toFixed(1)} tokens/s`,
    f.promptTokens !== undefined && `${f.promptTokens} prompt tokens`,
    f.outputTokens !== undefined && `${f.outputTokens} output tokens`,
    f.finishReason,
  ].filter(Boolean).join(' · ');
}

/**
 * Which model answered, by name: the endpoint's deployed model (and its version) when the
 * response names it (deployedModelId, or a modelVersion of `…/models/ID@N`), else the model version.
 */
export function servedByLabel(answer: Answer, target: PlaygroundTarget | undefined): string | undefined {
  const f = answer.figures;
  if (!f) return undefined;
  const served = f.servedBy?.replace(/ \(.*\)$/, '');
  const deployed = target?.deployed.find((d) => (f.deployedModelId ? d.id === f.deployedModelId : d.version !== undefined && d.version === served));
  if (deployed) return `${deployed.displayName}${deployed.version ? ` (version ${deployed.version.split('@')[1]})` : ''}`;
  if (f.deployedModelId) return `deployed model ${f.deployedModelId}`;
  return served ? served.split('/').pop() : undefined;
}
