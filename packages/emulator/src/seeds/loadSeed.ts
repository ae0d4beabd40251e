// --seed demo | empty | scale:N
import type { EmulatorState } from '../context';
import { seedDemo } from './demo';
import { DEMO_PROJECT } from './demoIds';
import { seedScale } from './scale';
import { SeedWriter } from './seedWriter';

export const MAX_SCALE = 100_000;

export function applySeed(state: EmulatorState, seed: string): void {
  const writer = new SeedWriter(state, state.now());
  if (seed === 'demo') return seedDemo(writer);
  // "empty" still lists the demo project in Resource Manager, so a project can be
  // picked; every Vertex list in it is empty.
  if (seed === 'empty') return void writer.project(DEMO_PROJECT);
  const scale = /^scale:(\d+)$/.exec(seed);
  if (scale && Number(scale[1]) >= 1 && Number(scale[1]) <= MAX_SCALE) return seedScale(writer, Number(scale[1]));
  throw new Error(`Unknown seed "${seed}": use demo, empty or scale:N (1 ≤ N ≤ ${MAX_SCALE}).`);
}
