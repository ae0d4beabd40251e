// An answer's figures as one line: the same in the panel, exports and prompt-file output. Pure.
import * as l10n from '@vscode/l10n';
import type { Answer, PlaygroundTarget } from '../../src/features/playground/protocol';

export function figuresLine(answer: Answer): string {
  const f = answer.figures;
  if (!f) return '';
  return [
    f.ttftMs !== undefined && l10n.t('first token {0} ms', Math.round(f.ttftMs)),
    l10n.t('total {0} ms', Math.round(f.totalMs)),
    f.tokensPerSecond !== undefined && l10n.t('{0} tokens/s', f.tokensPerSecond.toFixed(1)),
    f.promptTokens !== undefined && l10n.t('{0} prompt tokens', f.promptTokens),
    f.outputTokens !== undefined && l10n.t('{0} output tokens', f.outputTokens),
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
  if (f.deployedModelId) return l10n.t('deployed model {0}', f.deployedModelId);
  return served ? served.split('/').pop() : undefined;
}
