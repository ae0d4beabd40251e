import * as assert from 'node:assert/strict';
import { conversationMarkdown, evalCaseLine } from '../../../src/features/playground/playgroundExport';
import type { Turn } from '../../../src/features/playground/protocol';

const turn: Turn = {
  id: 't1',
  prompt: 'Where is my refund?',
  system: 'Be brief.',
  params: { temperature: 0.2 },
  at: 0,
  answers: [
    { id: 't1:0', target: 'projects/p/locations/us-central1/endpoints/1', status: 'done', candidates: ['Within 5 days.'], figures: { totalMs: 120.4, ttftMs: 30, outputTokens: 4, finishReason: 'STOP' } },
    { id: 't1:1', target: 'projects/p/locations/us-central1/endpoints/2', status: 'error', candidates: [], error: 'Quota exceeded.' },
  ],
};

describe('playground export', () => {
  it('writes a turn as an eval case: prompt, the chosen answer as reference, model, system and parameters', () => {
    const line = evalCaseLine(turn, turn.answers[0]);
    assert.ok(line.endsWith('\n') && !line.slice(0, -1).includes('\n'), 'one JSONL line');
    assert.deepEqual(JSON.parse(line), {
      prompt: 'Where is my refund?',
      reference: 'Within 5 days.',
      model: 'projects/p/locations/us-central1/endpoints/1',
      system_instruction: 'Be brief.',
      generation_config: { temperature: 0.2 },
    });
  });

  it('exports Markdown with each column under its target, figures and errors included', () => {
    const md = conversationMarkdown({ id: 'c', title: 'Playground', turns: [turn] }, (n) => (n.endsWith('/1') ? 'support-bot-prod' : 'gemma'));
    assert.match(md, /> System: Be brief\.\n\n## Prompt\n\nWhere is my refund\?\n\n### support-bot-prod\n\nWithin 5 days\.\n\n<sub>first token 30 ms · total 120 ms · 4 output tokens · STOP<\/sub>/);
    assert.match(md, /### gemma\n\n_Quota exceeded\._/);
  });
});
