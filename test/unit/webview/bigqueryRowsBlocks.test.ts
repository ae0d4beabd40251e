// The row preview's block cache: asks once per block, only for what is visible, and
// keeps memory bounded however far the user scrolls.
import * as assert from 'node:assert/strict';
import { BLOCK_ROWS, RowBlocks } from '../../../webview-ui/rowPreview/rowBlocks';
import { MAX_SCROLL_HEIGHT, scrollHeight, visibleRows } from '../../../webview-ui/rowPreview/scrollMap';

const rows = (start: number, n = BLOCK_ROWS) => Array.from({ length: n }, (_, i) => [String(start + i), null]);

describe('row preview blocks', () => {
  it('asks for the blocks covering the visible rows, once each', () => {
    const b = new RowBlocks();
    assert.deepEqual(b.toFetch(950, 1030, 1_000_000), [9, 10]);
    assert.deepEqual(b.toFetch(950, 1030, 1_000_000), [], 'already asked');
    b.received(900, rows(900));
    assert.deepEqual(b.row(950), ['950', null]);
    assert.equal(b.row(1000), undefined, 'block 10 still on its way');
    assert.deepEqual(b.toFetch(999_990, 1_000_040, 1_000_000), [9999], 'nothing past the last row');
  });

  it('keeps only the most recently used blocks', () => {
    const b = new RowBlocks(3);
    for (const block of [0, 1, 2]) b.received(block * BLOCK_ROWS, rows(block * BLOCK_ROWS));
    b.row(0); // used again: block 1 is now the oldest
    b.received(300, rows(300));
    assert.equal(b.size, 3);
    assert.equal(b.row(150), undefined);
    assert.ok(b.row(50));
    assert.deepEqual(b.toFetch(100, 199, 1000), [1], 'an evicted block is asked again');
  });

  it('does not ask again for a failed block until Retry', () => {
    const b = new RowBlocks();
    b.toFetch(0, 10, 50);
    b.failedAt(0, 'The service is unavailable; try again.');
    assert.equal(b.error, 'The service is unavailable; try again.');
    assert.deepEqual(b.toFetch(0, 10, 50), []);
    b.retry();
    assert.equal(b.error, undefined);
    assert.deepEqual(b.toFetch(0, 10, 50), [0]);
  });
});

describe('row preview scroll mapping', () => {
  it('maps scroll positions to rows one to one while the table fits', () => {
    assert.equal(scrollHeight(10), 220);
    assert.deepEqual(visibleRows(0, 440, 10), { first: 0, last: 9, offset: 0 });
    assert.equal(scrollHeight(100_000), 2_200_000);
    assert.deepEqual(visibleRows(22 * 500 + 7, 440, 100_000), { first: 500, last: 520, offset: 7 });
  });

  it('keeps a million rows under the paint-precision cap and still reaches both ends', () => {
    assert.equal(scrollHeight(1_000_000), MAX_SCROLL_HEIGHT);
    assert.ok(MAX_SCROLL_HEIGHT < 2 ** 24);
    assert.deepEqual(visibleRows(0, 660, 1_000_000), { first: 0, last: 30, offset: 0 });
    const end = visibleRows(MAX_SCROLL_HEIGHT - 660, 660, 1_000_000);
    assert.equal(end.first, 1_000_000 - 30, 'the last rows fill the view at the bottom');
    assert.equal(end.last, 999_999);
    const middle = visibleRows((MAX_SCROLL_HEIGHT - 660) / 2, 660, 1_000_000);
    assert.ok(Math.abs(middle.first - 500_000) < 20, `middle: ${middle.first}`);
  });
});
