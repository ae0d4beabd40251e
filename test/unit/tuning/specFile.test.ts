// Spec files: a launch written out and read back unchanged, and every problem at its line.
import * as assert from 'node:assert/strict';
import { newCustomLaunch } from '../../../src/features/tuning/launch/customFlow';
import { newHptLaunch } from '../../../src/features/tuning/launch/hptFlow';
import type { CustomLaunch, GeminiLaunch } from '../../../src/features/tuning/launch/launchTypes';
import { formatSpecProblem, readSpec, writeSpec } from '../../../src/features/tuning/spec/specFile';

const CUSTOM: CustomLaunch = {
  ...newCustomLaunch('us-central1'),
  displayName: 'gemma-lora',
  args: { ...newCustomLaunch('us-central1').args, dataset: 'gs://genai-demo-tuning/train.jsonl', outputDir: 'gs://genai-demo-tuning/out' },
};

describe('tuning spec files', () => {
  it('round-trips each kind through YAML and JSON', () => {
    const gemini: GeminiLaunch = { kind: 'geminiTuning', region: 'europe-west4', baseModel: 'gemini-1.5-flash-002', training: '/ws/data/train.jsonl', bucket: 'gs://b-1', epochs: 4, displayName: 'x', labels: { team: 'nlp' } };
    const hpt = { ...newHptLaunch('us-central1'), ...CUSTOM, kind: 'hyperparameterTuning' as const, study: newHptLaunch('us-central1').study };
    for (const launch of [gemini, CUSTOM, hpt]) {
      for (const format of ['yaml', 'json'] as const) {
        const text = writeSpec(launch, format, '/ws');
        const read = readSpec(text, '/ws');
        assert.deepEqual(read.problems, [], `${launch.kind} ${format}`);
        assert.deepEqual(read.launch, launch, `${launch.kind} ${format}`);
      }
    }
    assert.match(writeSpec(gemini, 'yaml', '/ws'), /training: data\/train\.jsonl/, 'local paths are kept relative to the spec');
  });

  it('names the line and column of each problem', () => {
    const text = [
      'kind: customTuning',
      'region: us-central1',
      'displayName: gemma-lora',
      'container: us-docker.pkg.dev/vertex-ai/training/pytorch-gpu.2-4.py310:latest',
      'args:',
      '  baseModel: google/gemma-2-2b',
      '  dataset: gs://genai-demo-tuning/train.jsonl',
      '  loraRank: 16',
      '  loraAlpha: 32',
      '  loraDropout: 0.05',
      '  targetModules: [q_proj, v_proj]',
      '  quantize4bit: true',
      '  epochs: 3',
      '  learningRate: 2e-4',
      '  batchSize: 4',
      '  outputDir: gs://genai-demo-tuning/out',
      'machine:',
      '  machineType: g2-standard-8',
      '  acceleratorType: NVIDIA_L4',
      '  acceleratorCount: 2',
    ].join('\n');
    const { problems } = readSpec(text, '/ws');
    assert.deepEqual(problems.map((p) => formatSpecProblem('gemma.tuning.yaml', p)), [
      'gemma.tuning.yaml:20:21: machine.acceleratorCount: Accelerator count 2 is not supported for machine type "g2-standard-8" with accelerator "NVIDIA_L4". Supported counts: 1.',
    ]);
    const typed = readSpec(text.replace('epochs: 3', 'epochs: three').replace('loraRank: 16', 'loraRank: 16\n  rank: 4'), '/ws');
    assert.deepEqual(typed.problems.map((p) => [p.line, p.column, p.path, p.message]), [
      [9, 9, 'args.rank', 'Unknown field; expected one of baseModel, dataset, loraRank, loraAlpha, loraDropout, targetModules, quantize4bit, epochs, learningRate, batchSize, outputDir.'],
      [14, 11, 'args.epochs', 'Expected a number, got "three".'],
    ]);
  });

  it('reports broken YAML and an unknown kind at their place', () => {
    assert.deepEqual(readSpec('kind: geminiTuning\nregion: [us-central1\n', '/ws').problems.map((p) => p.line), [3]);
    const { problems } = readSpec('region: us-central1\nkind: llmTuning\n', '/ws');
    assert.deepEqual(problems, [{ line: 2, column: 7, path: 'kind', message: 'kind must be one of geminiTuning, customTuning, hyperparameterTuning.' }]);
  });
});
