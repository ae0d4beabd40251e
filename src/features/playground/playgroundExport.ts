// A Playground conversation as Markdown or JSON, and a turn as an evaluation case
// (one JSONL line: the prompt and the chosen answer as the reference). Pure.
import type { Answer, Conversation, Turn } from './protocol';
import { figuresLine } from '../../../webview-ui/playground/figures';

export function conversationMarkdown(conversation: Conversation, label: (target: string) => string): string {
  const out = [`# ${conversation.title}`, ''];
  for (const turn of conversation.turns) {
    if (turn.system) out.push(`> System: ${turn.system.replace(/\n/g, '\n> ')}`, '');
    out.push(`## Prompt`, '', turn.prompt, '');
    for (const answer of turn.answers) {
      out.push(`### ${label(answer.target)}`, '');
      if (answer.status === 'done') answer.candidates.forEach((c, i) => out.push(...(answer.candidates.length > 1 ? [`**Candidate ${i + 1}**`, ''] : []), c, ''));
      else out.push(`_${answer.error ?? answer.status}_`, '');
      if (answer.figures) out.push(`<sub>${figuresLine(answer)}</sub>`, '');
    }
  }
  return out.join('\n');
}

export function conversationJson(conversation: Conversation): string {
  return `${JSON.stringify(conversation, null, 2)}\n`;
}

export function evalCaseLine(turn: Turn, answer: Answer): string {
  const record: Record<string, unknown> = { prompt: turn.prompt, reference: answer.candidates[0] ?? '', model: answer.target };
  if (turn.system) record.system_instruction = turn.system;
  if (Object.keys(turn.params).length) record.generation_config = turn.params;
  return `${JSON.stringify(record)}\n`;
}

