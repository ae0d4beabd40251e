// An answer's figures as one line: the same in the panel, exports and prompt-file output. Pure.
import type { Answer } from '../../src/protocol/playground';

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
