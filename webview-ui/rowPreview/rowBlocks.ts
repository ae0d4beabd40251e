// The rows the grid has, in blocks of BLOCK_ROWS: which blocks the visible range still
// needs, and a small least-recently-used cache so scrolling back is instant while memory
// stays bounded however far the user scrolls. No DOM: unit-tested in Node.
import type { PreviewCell } from '../../src/features/datasets/protocol';

export const BLOCK_ROWS = 100;

type Row = readonly PreviewCell[];

export class RowBlocks {
  private readonly blocks = new Map<number, readonly Row[]>();
  private readonly pending = new Set<number>();
  private readonly failed = new Map<number, string>();

  constructor(private readonly capacity = 40) {}

  /** The row at `index`, or undefined while its block is not here. */
  row(index: number): Row | undefined {
    const block = Math.floor(index / BLOCK_ROWS);
    const rows = this.blocks.get(block);
    if (!rows) return undefined;
    this.blocks.delete(block); // most recently used goes last
    this.blocks.set(block, rows);
    return rows[index - block * BLOCK_ROWS];
  }

  /** Blocks covering rows [first, last] that are neither here, nor asked for, nor failed; marked as asked. */
  toFetch(first: number, last: number, totalRows: number): number[] {
    const wanted: number[] = [];
    if (totalRows <= 0 || last < first) return wanted;
    const lastBlock = Math.floor(Math.min(last, totalRows - 1) / BLOCK_ROWS);
    for (let b = Math.floor(Math.max(first, 0) / BLOCK_ROWS); b <= lastBlock; b++) {
      if (this.blocks.has(b) || this.pending.has(b) || this.failed.has(b)) continue;
      this.pending.add(b);
      wanted.push(b);
    }
    return wanted;
  }

  received(start: number, rows: readonly Row[]): void {
    const block = Math.floor(start / BLOCK_ROWS);
    this.pending.delete(block);
    this.failed.delete(block);
    this.blocks.set(block, rows);
    while (this.blocks.size > this.capacity) this.blocks.delete(this.blocks.keys().next().value!);
  }

  failedAt(start: number, message: string): void {
    const block = Math.floor(start / BLOCK_ROWS);
    this.pending.delete(block);
    this.failed.set(block, message);
  }

  /** The first error among the blocks, if any failed. */
  get error(): string | undefined {
    return this.failed.values().next().value;
  }

  /** Forget failures so the next render asks again. */
  retry(): void {
    this.failed.clear();
  }

  clear(): void {
    this.blocks.clear();
    this.pending.clear();
    this.failed.clear();
  }

  get size(): number {
    return this.blocks.size;
  }
}
