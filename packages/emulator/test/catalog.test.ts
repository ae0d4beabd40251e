import * as assert from 'node:assert/strict';
import { checkMachineSpec } from '@vertex-genai-ops/catalog/checkMachineSpec';
import { parseQuotaSpec, quotaLimit, quotaMetric } from '@vertex-genai-ops/catalog/quotas';

const fields = (region: string, spec: Parameters<typeof checkMachineSpec>[1], replicaCount?: number) =>
  checkMachineSpec(region, spec, { replicaCount }).map((p) => p.field);

describe('emulator catalog: machine specs', () => {
  it('accepts the GPU families with their fixed accelerator and count', () => {
    assert.deepEqual(fields('us-central1', { machineType: 'a2-highgpu-4g', acceleratorType: 'NVIDIA_TESLA_A100', acceleratorCount: 4 }), []);
    assert.deepEqual(fields('us-central1', { machineType: 'a2-ultragpu-8g', acceleratorType: 'NVIDIA_A100_80GB', acceleratorCount: 8 }), []);
    assert.deepEqual(fields('us-central1', { machineType: 'a3-highgpu-8g', acceleratorType: 'NVIDIA_H100_80GB', acceleratorCount: 8 }), []);
    assert.deepEqual(fields('europe-west4', { machineType: 'g2-standard-48', acceleratorType: 'NVIDIA_L4', acceleratorCount: 4 }), []);
  });

  it('names the accelerator that does not fit the machine, in Vertex words', () => {
    const [problem] = checkMachineSpec('us-central1', { machineType: 'a2-highgpu-1g', acceleratorType: 'NVIDIA_L4', acceleratorCount: 1 });
    assert.equal(problem.field, 'accelerator_type');
    assert.equal(problem.description, 'Accelerator "NVIDIA_L4" is not supported for machine type "a2-highgpu-1g".');
    assert.deepEqual(fields('us-central1', { machineType: 'e2-standard-8', acceleratorType: 'NVIDIA_TESLA_T4', acceleratorCount: 1 }), ['accelerator_type']);
  });

  it('checks counts: fixed per GPU machine, bounded by vCPUs on n1', () => {
    assert.deepEqual(fields('us-central1', { machineType: 'g2-standard-8', acceleratorType: 'NVIDIA_L4', acceleratorCount: 2 }), ['accelerator_count']);
    assert.deepEqual(fields('us-central1', { machineType: 'n1-standard-8', acceleratorType: 'NVIDIA_TESLA_T4', acceleratorCount: 3 }), ['accelerator_count']);
    assert.deepEqual(fields('us-central1', { machineType: 'n1-standard-8', acceleratorType: 'NVIDIA_TESLA_V100', acceleratorCount: 1 }), []);
    // One V100 feeds at most 12 vCPUs: a 32-vCPU machine needs 4 or 8.
    const [tooFew] = checkMachineSpec('us-central1', { machineType: 'n1-standard-32', acceleratorType: 'NVIDIA_TESLA_V100', acceleratorCount: 1 });
    assert.match(tooFew.description, /Supported counts: 4, 8\.$/);
  });

  it('knows TPU machine types, their topologies and multi-host slices', () => {
    assert.deepEqual(fields('us-central1', { machineType: 'ct5lp-hightpu-4t', acceleratorType: 'TPU_V5_LITEPOD', acceleratorCount: 4, tpuTopology: '2x2' }), []);
    assert.deepEqual(fields('us-central1', { machineType: 'ct5lp-hightpu-8t', tpuTopology: '2x4' }), []);
    assert.deepEqual(fields('us-central1', { machineType: 'ct5lp-hightpu-1t', tpuTopology: '2x2' }), ['tpu_topology']);
    assert.deepEqual(fields('us-central1', { machineType: 'ct5lp-hightpu-4t', tpuTopology: '4x4' }, 4), []);
    assert.deepEqual(fields('us-central1', { machineType: 'ct5lp-hightpu-4t', tpuTopology: '4x4' }, 1), ['tpu_topology']);
    assert.deepEqual(fields('europe-west4', { machineType: 'ct5p-hightpu-4t', tpuTopology: '2x2x1' }), []);
    assert.deepEqual(fields('us-central1', { machineType: 'ct6e-standard-4t', acceleratorType: 'NVIDIA_L4' }), ['accelerator_type']);
  });

  it('refuses accelerators the region does not offer and unknown machine types', () => {
    const [problem] = checkMachineSpec('europe-west1', { machineType: 'a3-highgpu-8g', acceleratorType: 'NVIDIA_H100_80GB', acceleratorCount: 8 });
    assert.equal(problem.description, 'Accelerator "NVIDIA_H100_80GB" is not supported in location europe-west1.');
    assert.deepEqual(fields('europe-west1', { machineType: 'ct6e-standard-1t' }), ['machine_type']);
    assert.deepEqual(fields('europe-west1', { machineType: 'n1-standard-3' }), ['machine_type']);
  });
});

describe('emulator catalog: quotas', () => {
  it('names metrics the way Vertex does', () => {
    assert.equal(quotaMetric('serving', 'NVIDIA_L4'), 'aiplatform.googleapis.com/custom_model_serving_nvidia_l4_gpus');
    assert.equal(quotaMetric('training', 'TPU_V5_LITEPOD'), 'aiplatform.googleapis.com/custom_model_training_tpu_v5e');
  });

  it('parses --quota with optional region and kind; the last matching entry wins', () => {
    const overrides = parseQuotaSpec('NVIDIA_L4=2, europe-west4:NVIDIA_L4=5,serving.NVIDIA_TESLA_T4=0');
    assert.equal(quotaLimit(overrides, 'us-central1', 'serving', 'NVIDIA_L4'), 2);
    assert.equal(quotaLimit(overrides, 'europe-west4', 'training', 'NVIDIA_L4'), 5);
    assert.equal(quotaLimit(overrides, 'us-central1', 'serving', 'NVIDIA_TESLA_T4'), 0);
    assert.ok(quotaLimit(overrides, 'us-central1', 'training', 'NVIDIA_TESLA_T4') > 0, 'training keeps its default');
    assert.throws(() => parseQuotaSpec('NVIDIA_K9000=1'), /Invalid quota "NVIDIA_K9000=1"/);
  });
});
