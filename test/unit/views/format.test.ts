import * as assert from 'node:assert/strict';
import { formatAccelerator, formatElapsed } from '../../../src/features/trees/format';

describe('tree formatting', () => {
  it('formats elapsed times compactly', () => {
    assert.equal(formatElapsed(42_000), '42 s');
    assert.equal(formatElapsed(4 * 60_000 + 5_000), '4 min');
    assert.equal(formatElapsed((2 * 60 + 5) * 60_000), '2 h 05 min');
    assert.equal(formatElapsed((3 * 24 + 4) * 3_600_000), '3 d 4 h');
    assert.equal(formatElapsed(-5), '0 s');
  });

  it('names accelerators as people say them', () => {
    assert.equal(formatAccelerator('NVIDIA_TESLA_A100', 8), '8 × A100');
    assert.equal(formatAccelerator('NVIDIA_L4', 1), 'L4');
    assert.equal(formatAccelerator('TPU_V5_LITEPOD', 4), '4 × TPU v5e');
    assert.equal(formatAccelerator('ACCELERATOR_TYPE_UNSPECIFIED', 0), undefined);
  });
});
