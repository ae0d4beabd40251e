import * as assert from 'node:assert/strict';
import { JOB_STATES, SHORT_JOB_STATE, isActiveJobState, isTerminalJobState, refusesCancel } from '@vertex-genai-ops/catalog/jobStates';

describe('job states', () => {
  it('every wire state is terminal, active or neither; never both; and its short state says the same', () => {
    const neither = JOB_STATES.filter((s) => !isTerminalJobState(s) && !isActiveJobState(s));
    assert.deepEqual(neither, ['JOB_STATE_UNSPECIFIED', 'JOB_STATE_PAUSED']);
    for (const wire of JOB_STATES) {
      assert.ok(!(isTerminalJobState(wire) && isActiveJobState(wire)), wire);
      assert.equal(isTerminalJobState(SHORT_JOB_STATE[wire]), isTerminalJobState(wire), wire);
      assert.equal(isActiveJobState(SHORT_JOB_STATE[wire]), isActiveJobState(wire), wire);
    }
  });

  it('ended for good: succeeded (partially too), failed (expired too), cancelled', () => {
    assert.deepEqual(JOB_STATES.filter(isTerminalJobState), ['JOB_STATE_SUCCEEDED', 'JOB_STATE_FAILED', 'JOB_STATE_CANCELLED', 'JOB_STATE_EXPIRED', 'JOB_STATE_PARTIALLY_SUCCEEDED']);
    assert.deepEqual(['pending', 'running', 'cancelling', 'succeeded', 'failed', 'cancelled', 'paused', 'unknown'].filter(isTerminalJobState), ['succeeded', 'failed', 'cancelled']);
  });

  it('a second cancel while cancelling: refused for Gemini tuning, accepted for custom and HPT jobs', () => {
    assert.equal(refusesCancel('tuning', 'JOB_STATE_CANCELLING'), true);
    assert.equal(refusesCancel('custom', 'JOB_STATE_CANCELLING'), false);
    assert.equal(refusesCancel('hyperparameterTuning', 'JOB_STATE_CANCELLING'), false);
    for (const kind of ['tuning', 'custom', 'hyperparameterTuning'] as const) {
      assert.equal(refusesCancel(kind, 'JOB_STATE_SUCCEEDED'), true, kind);
      assert.equal(refusesCancel(kind, 'JOB_STATE_RUNNING'), false, kind);
    }
  });
});
