// Seeded randomness for what emulated jobs produce (training curves, tuning trials,
// monitoring samples): the same job name gives the same numbers on every run.
import { hash32 } from '../ids';

/** Uniform in [0, 1) from a string: FNV-1a, then murmur3's finalizer so near keys differ. */
export function unit(key: string): number {
  return mix(hash32(key)) / 2 ** 32;
}

/** A small seeded generator (mulberry32) for streams of draws. */
export class SeededRandom {
  private state: number;

  constructor(seed: string) {
    this.state = mix(hash32(seed));
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  }

  /** Standard normal (Box-Muller). */
  normal(): number {
    const u = 1 - this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }

  /** An index drawn with the given weights. */
  pick(weights: readonly number[]): number {
    const total = weights.reduce((a, b) => a + b, 0);
    let r = this.next() * total;
    for (const [i, w] of weights.entries()) {
      r -= w;
      if (r < 0) return i;
    }
    return weights.length - 1;
  }
}

function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
