import * as assert from 'node:assert/strict';
import { enumName, resourceId, resourceRegion, toDate, toNumber } from '../../../src/vertex/protoValues';
import { toEndpoint, toJobState, toTuningJob } from '../../../src/vertex/resources';
import { JOB_STATES } from '../../../src/vertex/types';

describe('proto values', () => {
  it('reads int64 as number, string or Long', () => {
    assert.equal(toNumber('123'), 123);
    assert.equal(toNumber({ low: 5, high: 1 }), 2 ** 32 + 5);
    assert.equal(toNumber({ toNumber: () => 7 }), 7);
    assert.equal(toNumber(undefined), undefined);
  });

  it('reads timestamps as RFC 3339 strings or {seconds, nanos}', () => {
    assert.equal(toDate('2026-11-26T05:00:00.250Z')?.toISOString(), '2026-11-26T05:00:00.250Z');
    assert.equal(toDate({ seconds: '1795000000', nanos: 500_000_000 })?.getTime(), 1795000000500);
    assert.equal(toDate('not a date'), undefined);
  });

  it('reads enums as numbers or names', () => {
    assert.equal(enumName(JOB_STATES, 4), 'JOB_STATE_SUCCEEDED');
    assert.equal(enumName(JOB_STATES, 'JOB_STATE_FAILED'), 'JOB_STATE_FAILED');
    assert.equal(toJobState(3), 'running');
    assert.equal(toJobState('JOB_STATE_CANCELLED'), 'cancelled');
    assert.equal(toJobState(99), 'unknown');
  });

  it('takes id and region from resource names', () => {
    const name = 'projects/genai-demo/locations/europe-west4/endpoints/8812345';
    assert.equal(resourceId(name), '8812345');
    assert.equal(resourceRegion(name), 'europe-west4');
  });

  it('maps an endpoint with its traffic split onto its deployed models', () => {
    const endpoint = toEndpoint({
      name: 'projects/p/locations/us-central1/endpoints/1',
      displayName: 'support-bot',
      deployedModels: [
        { id: '11', model: 'projects/p/locations/us-central1/models/m', modelVersionId: '2', dedicatedResources: { machineSpec: { machineType: 'g2-standard-8', acceleratorType: 'NVIDIA_L4', acceleratorCount: 1 }, minReplicaCount: 1, maxReplicaCount: '3' } },
        { id: '12', model: 'projects/p/locations/us-central1/models/m', modelVersionId: '3' },
      ],
      trafficSplit: { '11': 90, '12': 10 },
    });
    assert.deepEqual(endpoint.deployedModels.map((d) => [d.id, d.trafficPercent, d.maxReplicaCount]), [['11', 90, 3], ['12', 10, undefined]]);
    assert.equal(endpoint.region, 'us-central1');
  });

  it('maps a failed tuning job with its error', () => {
    const job = toTuningJob({ name: 'projects/p/locations/us-central1/tuningJobs/9', state: 5, baseModel: 'gemini-2.0-flash-001', error: { code: 3, message: 'Dataset has 3 examples; at least 16 are required.' } });
    assert.equal(job.state, 'failed');
    assert.equal(job.errorMessage, 'Dataset has 3 examples; at least 16 are required.');
    assert.equal(job.displayName, '9');
  });
});
