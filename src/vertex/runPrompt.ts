// One prompt to one target, whatever kind it is: the single entry the panel, prompt
// files, Send selection and batch runs share. No vscode.
import type { PlaygroundTarget, PromptRequest } from './promptTypes';
import type { ClientPool } from './clients';
import { streamGenerate, type PromptResult, type RunOptions } from './generate';
import { chatComplete } from './openChat';
import { predictText } from './predictText';

export function runPrompt(pool: ClientPool, target: Pick<PlaygroundTarget, 'name' | 'kind'>, request: PromptRequest, options: RunOptions = {}): Promise<PromptResult> {
  switch (target.kind) {
    case 'gemini':
      return streamGenerate(pool, target.name, request, options);
    case 'openChat':
      return chatComplete(pool, target.name, request, options);
    case 'predict':
      return predictText(pool, target.name, request, options);
  }
}
