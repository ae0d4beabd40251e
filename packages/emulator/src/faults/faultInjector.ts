// Decides, per request, which faults hit it. Each rule draws from its own generator
// seeded by (seed, rule index, spec), so the same seed and the same request sequence
// always give the same faults, whatever other rules do.
import { hash32 } from '../ids';
import { parseFaultSpecs, type FaultEffect, type FaultRule } from './faultSpec';

export interface FaultTarget {
  verb: string;
  path: string;
  /** Full proto method name, when the route has one. */
  method?: string;
}

export type BlockingEffect = Exclude<FaultEffect, { kind: 'latency' }>;

export interface FaultPlan {
  latencyMs: number;
  /** At most one: the first rule with a non-latency effect that hits. */
  effect?: BlockingEffect;
}

export interface FaultReport {
  seed: number;
  faults: { spec: string; matched: number; hits: number }[];
}

interface ArmedRule {
  rule: FaultRule;
  random: () => number;
  matched: number;
  hits: number;
}

export class FaultInjector {
  private rules: ArmedRule[] = [];
  private seed = 0;

  constructor(specs: readonly string[] = [], seed = 0) {
    this.replace(specs, seed);
  }

  /** Replaces every rule (parsing first, so a bad spec changes nothing) and restarts the draws. */
  replace(specs: readonly string[], seed = this.seed): void {
    const rules = parseFaultSpecs(specs);
    this.seed = seed;
    this.rules = rules.map((rule, i) => ({ rule, random: mulberry32(hash32(`${seed}#${i}#${rule.spec}`)), matched: 0, hits: 0 }));
  }

  get active(): boolean {
    return this.rules.length > 0;
  }

  report(): FaultReport {
    return { seed: this.seed, faults: this.rules.map(({ rule, matched, hits }) => ({ spec: rule.spec, matched, hits })) };
  }

  plan(target: FaultTarget): FaultPlan {
    const plan: FaultPlan = { latencyMs: 0 };
    for (const armed of this.rules) {
      const { rule } = armed;
      if (!matches(rule, target)) continue;
      if (rule.effect.kind !== 'latency' && plan.effect) continue;
      armed.matched++;
      if (rule.times !== undefined && armed.hits >= rule.times) continue;
      if (rule.rate < 1 && armed.random() >= rule.rate) continue;
      armed.hits++;
      const effect = rule.effect;
      if (effect.kind === 'latency') plan.latencyMs += effect.minMs + Math.floor(armed.random() * (effect.maxMs - effect.minMs + 1));
      else plan.effect = effect;
    }
    return plan;
  }
}

function matches(rule: FaultRule, target: FaultTarget): boolean {
  if (rule.verb && rule.verb !== target.verb) return false;
  if (rule.path !== undefined && !target.path.startsWith(rule.path)) return false;
  if (rule.method && !(target.method && rule.method.test(target.method))) return false;
  return true;
}

/** A small, well-known 32-bit PRNG: deterministic and good enough for fault draws. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
