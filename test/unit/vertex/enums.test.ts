import * as assert from 'node:assert/strict';
import protos from '@google-cloud/aiplatform/build/protos/protos.json';
import { ACCELERATOR_TYPES, acceleratorName } from '../../../src/vertex/enums';
import { JOB_STATES } from '../../../src/vertex/types';

type Enum = { values: Record<string, number> };
const v1 = (protos as unknown as { nested: Record<string, any> }).nested.google.nested.cloud.nested.aiplatform.nested.v1.nested; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('enum tables', () => {
  it('match the v1 protos, so numbers from the REST clients read as the right names', () => {
    const accelerators = (v1.AcceleratorType as Enum).values;
    assert.deepEqual(Object.fromEntries(Object.entries(accelerators).map(([name, n]) => [n, name])), ACCELERATOR_TYPES);
    const states = (v1.JobState as Enum).values;
    assert.deepEqual(JOB_STATES.map((name) => states[name]), JOB_STATES.map((_, i) => i));
  });

  it('reads accelerators as numbers or names, and none as undefined', () => {
    assert.equal(acceleratorName(11), 'NVIDIA_L4');
    assert.equal(acceleratorName('TPU_V5_LITEPOD'), 'TPU_V5_LITEPOD');
    assert.equal(acceleratorName(0), undefined);
    assert.equal(acceleratorName(undefined), undefined);
  });
});
