// Decoding: turns the n-gram model's next-token distributions into an answer the way
// Gemini's sampling parameters describe it. temperature 0 is greedy (deterministic);
// otherwise top-k, then top-p (nucleus), then temperature, drawn with a seeded RNG.
// Two decoding rules keep a small n-gram model readable: an n-gram the answer already
// contains is not repeated (as "no_repeat_ngram_size" in common decoders), and words of
// the prompt not yet used in the answer are weighted up (a prompt cache, as in cache
// language models), so the answer stays on the prompt's topic.
import { BOS, EOS, TURN, type NgramModel } from './ngramModel';
import { pickWeighted, seededRandom, type Random } from './rng';
import { Detokenizer, NEWLINE, tokenize } from './tokenizer';

export interface DecodingOptions {
  temperature: number;
  topP: number;
  topK: number;
  maxOutputTokens: number;
  stopSequences: string[];
  seed: number;
}

export interface Generation {
  text: string;
  /** The text split at token boundaries: what a stream sends, chunk by chunk. */
  pieces: string[];
  finishReason: 'STOP' | 'MAX_TOKENS';
  /** Mean natural log probability of the chosen tokens. */
  avgLogprob: number;
}

const PROMPT_BOOST = 3;
/** Function words say nothing about a prompt's topic: they get no boost. */
const STOPWORDS = new Set(
  'the and for are but not you all any can had her was one our out his has him how its may now see who did get let put say she too use that with have this will your from they been were said what when them then than into only some such very just also more most over upon about tell would could should there their which while where'.split(' '),
);

export function generate(model: NgramModel, prompt: readonly string[], promptWords: readonly string[], options: DecodingOptions): Generation {
  const random = seededRandom(options.seed);
  const rules = new DecodingRules(model, prompt, promptWords);
  let logprob = 0;
  let chosen = 0;
  let finishReason: Generation['finishReason'] = 'MAX_TOKENS';
  let stoppedAt: number | undefined;
  const detokenizer = new Detokenizer();
  const pieces: string[] = [];
  let text = '';

  while (rules.length < options.maxOutputTokens) {
    const p = rules.distribution();
    const next = options.temperature === 0 ? argmax(p) : sample(p, options, random);
    logprob += Math.log(p[next] / sum(p));
    chosen++;
    if (rules.stops.has(next)) {
      finishReason = 'STOP';
      break;
    }
    rules.advance(next);
    const piece = detokenizer.push(model.words[next]);
    pieces.push(piece);
    // Only the new piece (and what a stop sequence could straddle) needs searching.
    stoppedAt = stopIndex(text, piece, options.stopSequences);
    text += piece;
    if (stoppedAt !== undefined) {
      finishReason = 'STOP';
      break;
    }
  }
  const cut = stoppedAt === undefined ? pieces : truncatePieces(pieces, stoppedAt);
  return { text: cut.join(''), pieces: cut, finishReason, avgLogprob: logprob / Math.max(1, chosen) };
}

/**
 * Natural log probability of the answer `tokens` after `prompt` under the same decoding
 * rules as generate() (the distribution it draws from, renormalized): what explanations
 * of a language model measure. An unknown token has probability 0 (−Infinity).
 */
export function answerLogprob(model: NgramModel, prompt: readonly string[], promptWords: readonly string[], tokens: readonly string[]): number {
  const rules = new DecodingRules(model, prompt, promptWords);
  let logprob = 0;
  for (const token of tokens) {
    const id = model.idOf(token);
    if (id < 0) return -Infinity;
    logprob += Math.log(rules.probability(id));
    rules.advance(id);
  }
  return logprob;
}

/** The state the decoding rules keep while an answer grows, one token at a time. */
class DecodingRules {
  readonly stops: Set<number>;
  private readonly never: Set<number>;
  private readonly history: number[];
  private readonly boosted: Set<number>;
  private readonly seen = new Map<string, Set<number>>(); // (n-1)-gram of the answer → tokens that followed it
  private readonly out: number[] = [];

  constructor(private readonly model: NgramModel, prompt: readonly string[], promptWords: readonly string[]) {
    this.history = prompt.map((t) => model.idOf(t));
    this.stops = new Set([model.idOf(EOS), model.idOf(TURN)]);
    this.never = new Set([model.idOf(BOS)]);
    this.boosted = new Set(promptWords.filter((w) => /^\p{L}{3,}$/u.test(w) && !STOPWORDS.has(w.toLowerCase())).flatMap((w) => model.idsIgnoringCase(w.toLowerCase())));
  }

  get length(): number {
    return this.out.length;
  }

  /** Unnormalized weights of the next token. */
  distribution(): Float64Array {
    const { model } = this;
    const p = model.distribution(this.history);
    for (const id of this.zeroed()) p[id] = 0;
    for (const id of this.boosted) p[id] *= PROMPT_BOOST;
    return p;
  }

  /** Tokens the rules forbid next: BOS; a stop or line break first; an n-gram the answer already has. */
  private zeroed(): Set<number> {
    const zeroed = new Set(this.never);
    if (!this.out.length) for (const id of [...this.stops, this.model.idOf(NEWLINE)]) if (id >= 0) zeroed.add(id);
    for (const id of this.seen.get(this.prefix() ?? '\u0000') ?? []) if (!this.stops.has(id)) zeroed.add(id);
    return zeroed;
  }

  /**
   * distribution()[id] / sum(distribution()) without building the distribution: the
   * model's P(· | history) sums to 1, so only the zeroed and boosted tokens change the sum.
   */
  probability(id: number): number {
    const { model, history } = this;
    const zeroed = this.zeroed();
    if (zeroed.has(id)) return 0;
    let total = 1;
    for (const z of zeroed) total -= model.probability(history, z);
    for (const b of this.boosted) if (!zeroed.has(b)) total += (PROMPT_BOOST - 1) * model.probability(history, b);
    return (model.probability(history, id) * (this.boosted.has(id) ? PROMPT_BOOST : 1)) / total;
  }

  advance(next: number): void {
    const prefix = this.prefix();
    if (prefix !== undefined) this.seen.set(prefix, (this.seen.get(prefix) ?? new Set()).add(next));
    this.boosted.delete(next);
    for (const id of this.model.idsIgnoringCase(this.model.words[next].toLowerCase())) this.boosted.delete(id);
    this.out.push(next);
    this.history.push(next);
  }

  private prefix(): string | undefined {
    const { out, model } = this;
    return out.length >= model.order - 1 ? out.slice(out.length - model.order + 1).join(' ') : undefined;
  }
}

/** Tokens of a generated text, as usage metadata counts them. */
export function answerTokenCount(generation: Generation): number {
  return tokenize(generation.text).length;
}

/** Where the first stop sequence starts in text + piece, if it ends inside the new piece. */
function stopIndex(text: string, piece: string, stopSequences: readonly string[]): number | undefined {
  let first: number | undefined;
  for (const stop of stopSequences) {
    if (!stop) continue;
    const from = Math.max(0, text.length - stop.length + 1);
    const found = (text.slice(from) + piece).indexOf(stop);
    const at = found < 0 ? -1 : from + found;
    if (at >= 0 && (first === undefined || at < first)) first = at;
  }
  return first;
}

function truncatePieces(pieces: string[], length: number): string[] {
  const out: string[] = [];
  let used = 0;
  for (const piece of pieces) {
    if (used >= length) break;
    out.push(piece.slice(0, length - used));
    used += piece.length;
  }
  return out.filter((p) => p.length > 0);
}

function argmax(p: Float64Array): number {
  let best = 0;
  for (let i = 1; i < p.length; i++) if (p[i] > p[best]) best = i;
  return best;
}

function sum(p: Float64Array): number {
  let total = 0;
  for (const v of p) total += v;
  return total;
}

/** top-k, then top-p over the renormalized survivors, then temperature. */
function sample(p: Float64Array, options: DecodingOptions, random: Random): number {
  const order = [...p.keys()].filter((i) => p[i] > 0).sort((a, b) => p[b] - p[a] || a - b);
  let kept = options.topK > 0 ? order.slice(0, Math.max(1, Math.floor(options.topK))) : order;
  const mass = kept.reduce((acc, i) => acc + p[i], 0);
  if (options.topP < 1) {
    let cumulative = 0;
    const nucleus: number[] = [];
    for (const i of kept) {
      nucleus.push(i);
      cumulative += p[i] / mass;
      if (cumulative >= options.topP) break;
    }
    kept = nucleus;
  }
  // In log space: p^(1/T) underflows for small temperatures.
  const top = Math.log(p[kept[0]]);
  return kept[pickWeighted(kept.map((i) => Math.exp((Math.log(p[i]) - top) / options.temperature)), random)];
}
