// How conversations become token sequences for the n-gram model:
//   <s> [system <turn>] user <turn> model <turn> user <turn> model </s>
// Prompts end with <turn> after the last user turn, so the words of that turn are the
// context the answer starts from. Pre-training uses the same shape with a fable's title
// as the "user" turn and the fable as the "model" turn.
import { BOS, EOS, TURN } from './ngramModel';
import { tokenize } from './tokenizer';

export interface Turn {
  role: 'user' | 'model';
  text: string;
}

export interface Conversation {
  system?: string;
  turns: Turn[];
}

/** The context to generate from: everything up to where the model's answer starts. */
export function promptSequence(conversation: Conversation): string[] {
  const sequence = [BOS, ...systemPart(conversation.system)];
  conversation.turns.forEach((turn, i) => {
    sequence.push(...tokenize(turn.text));
    // A trailing model turn is a prefix the model continues; anything else ends with a turn break.
    if (!(turn.role === 'model' && i === conversation.turns.length - 1)) sequence.push(TURN);
  });
  return sequence;
}

/** A whole example for training, with the positions of the model's tokens (its targets). */
export function trainingSequence(conversation: Conversation): { sequence: string[]; isTarget: (i: number) => boolean } {
  const sequence = [BOS, ...systemPart(conversation.system)];
  const targets = new Set<number>();
  conversation.turns.forEach((turn, i) => {
    const tokens = tokenize(turn.text);
    const end = i === conversation.turns.length - 1 ? EOS : TURN;
    for (const token of [...tokens, end]) {
      if (turn.role === 'model') targets.add(sequence.length);
      sequence.push(token);
    }
  });
  return { sequence, isTarget: (i) => targets.has(i) };
}

/** Prompt tokens as the API counts them: the words and punctuation of every text part. */
export function promptTokenCount(conversation: Conversation): number {
  let n = conversation.system ? tokenize(conversation.system).length : 0;
  for (const turn of conversation.turns) n += tokenize(turn.text).length;
  return n;
}

function systemPart(system: string | undefined): string[] {
  return system?.trim() ? [...tokenize(system), TURN] : [];
}
