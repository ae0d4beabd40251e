import { readFileSync, writeFileSync } from 'node:fs';

/** Adds figures to $VGO_BENCH_FILE when `npm run bench` asks for them. */
export function recordBench(figures: Record<string, number>): void {
  const file = process.env.VGO_BENCH_FILE;
  if (!file) return;
  let current = {};
  try {
    current = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    // first figure
  }
  writeFileSync(file, JSON.stringify({ ...current, ...figures }));
}
