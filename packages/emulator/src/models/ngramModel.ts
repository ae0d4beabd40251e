// The emulator's language model: a word n-gram model (order 4 by default) with
// interpolated Witten-Bell smoothing (Witten & Bell 1991; SRILM's -wbdiscount):
//   P(w | h) = (c(h,w) + T(h) · P(w | h')) / (c(h) + T(h))
// where h' is h without its oldest token, T(h) the number of distinct words seen after
// h, and the recursion ends in the uniform distribution over the vocabulary. Counts are
// real numbers, so tuning can add examples with a weight (epochs × learning-rate
// multiplier) on top of the pre-trained counts and the smoothing stays well defined.
export const BOS = '<s>';
export const EOS = '</s>';
/** Separates the turns of a conversation (system, user, model, …). */
export const TURN = '<turn>';

interface ContextCounts {
  total: number;
  followers: Map<number, number>;
}

export class NgramModel {
  readonly words: string[] = [];
  private readonly ids = new Map<string, number>();
  /** tables[k] holds contexts of k tokens (k = 0 … order-1), keyed by their ids. */
  private readonly tables: Map<string, ContextCounts>[];
  private lowerIds?: Map<string, number[]>;

  constructor(readonly order = 4) {
    this.tables = Array.from({ length: order }, () => new Map());
    for (const special of [BOS, EOS, TURN]) this.intern(special);
  }

  get vocabularySize(): number {
    return this.words.length;
  }

  /** Id of a known token, or -1 (an unknown token only ever matches no context). */
  idOf(token: string): number {
    return this.ids.get(token) ?? -1;
  }

  /** Ids of the known tokens spelled like `lower` in any case. */
  idsIgnoringCase(lower: string): number[] {
    if (!this.lowerIds) {
      this.lowerIds = new Map();
      this.words.forEach((w, id) => {
        const key = w.toLowerCase();
        this.lowerIds?.set(key, [...(this.lowerIds.get(key) ?? []), id]);
      });
    }
    return this.lowerIds.get(lower) ?? [];
  }

  /**
   * Counts the n-grams of `sequence` with `weight`. Only positions where `isTarget(i)`
   * holds are counted (tuning learns the model turns, not the prompts).
   */
  train(sequence: readonly string[], weight = 1, isTarget: (index: number) => boolean = () => true): void {
    const ids = sequence.map((token) => this.intern(token));
    for (let i = 1; i < ids.length; i++) {
      if (!isTarget(i)) continue;
      for (let k = 0; k < this.order && k <= i; k++) {
        const key = contextKey(ids, i, k);
        let counts = this.tables[k].get(key);
        if (!counts) {
          counts = { total: 0, followers: new Map() };
          this.tables[k].set(key, counts);
        }
        counts.total += weight;
        counts.followers.set(ids[i], (counts.followers.get(ids[i]) ?? 0) + weight);
      }
    }
  }

  /** P(· | history) over the whole vocabulary. */
  distribution(history: readonly number[]): Float64Array {
    const size = this.words.length;
    const p = new Float64Array(size).fill(1 / size);
    for (let k = 0; k < this.order && k <= history.length; k++) {
      const counts = this.tables[k].get(contextKey(history, history.length, k));
      // A context never seen means no longer context ending with it was seen either.
      if (!counts) break;
      const types = counts.followers.size;
      const denominator = counts.total + types;
      const keep = types / denominator;
      for (let w = 0; w < size; w++) p[w] *= keep;
      for (const [w, n] of counts.followers) p[w] += n / denominator;
    }
    return p;
  }

  /** P(token | history) without building the whole distribution. */
  probability(history: readonly number[], token: number): number {
    let p = 1 / this.words.length;
    for (let k = 0; k < this.order && k <= history.length; k++) {
      const counts = this.tables[k].get(contextKey(history, history.length, k));
      if (!counts) break;
      const types = counts.followers.size;
      p = ((counts.followers.get(token) ?? 0) + types * p) / (counts.total + types);
    }
    return p;
  }

  /** Ids for a token sequence, adding unknown tokens to the vocabulary (training only). */
  intern(token: string): number {
    let id = this.ids.get(token);
    if (id === undefined) {
      id = this.words.length;
      this.words.push(token);
      this.ids.set(token, id);
      this.lowerIds = undefined;
    }
    return id;
  }

  /**
   * A deep copy: tuning adapts a copy and leaves the base model untouched. A higher
   * `order` adds longer contexts that only new training fills (the base counts stay).
   */
  clone(order = this.order): NgramModel {
    const copy = new NgramModel(Math.max(order, this.order));
    copy.words.length = 0;
    copy.ids.clear();
    for (const w of this.words) copy.intern(w);
    this.tables.forEach((table, k) => {
      for (const [key, counts] of table) copy.tables[k].set(key, { total: counts.total, followers: new Map(counts.followers) });
    });
    return copy;
  }
}

/** Key of the k tokens before position `end`. */
function contextKey(ids: readonly number[], end: number, k: number): string {
  return k === 0 ? '' : ids.slice(end - k, end).join(' ');
}
