// Launching the three kinds of tuning job from scripted answers through the input
// seam, in real VS Code, against an emulator of our own with short job durations.
import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { ScriptedAnswer } from '../support/scriptedInputSeam';
import { assertSteadyCounters, scriptInput, useEmulator, v100LoraAnswers, waitFor } from './helpers';

const GOOD_LINE = (q: string, a: string) => JSON.stringify({ contents: [{ role: 'user', parts: [{ text: q }] }, { role: 'model', parts: [{ text: a }] }] });

describe('tuning launch flows', function () {
  this.timeout(120_000);
  const emulator = useEmulator({ seed: 'demo', operationDelayMs: 300, jobDurationMs: 1500 }, { openView: true });
  const root = () => vscode.workspace.workspaceFolders![0].uri.fsPath;
  const get = async (name: string) => (await (await fetch(`${emulator.url}/v1/${name}`, { headers: { Authorization: 'Bearer t' } })).json()) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  const finished = async (name: string) => {
    const job = await waitFor(`${name} to end`, async () => {
      const j = await get(name);
      return /SUCCEEDED|FAILED|CANCELLED/.test(j.state) ? j : undefined;
    }, 60_000);
    assert.equal(job.state, 'JOB_STATE_SUCCEEDED', `the job ended ${job.state}: ${job.error?.message}`);
  };
  const run = async (command: string, script: ScriptedAnswer[], ...args: unknown[]) => {
    const seam = await scriptInput(script);
    const name = (await vscode.commands.executeCommand(command, ...args)) as string | undefined;
    return { name, seam, rejected: seam.transcript.filter((e) => e.rejected).map((e) => [e.id, e.rejected]) };
  };

  before(async () => {
    mkdirSync(join(root(), 'data'), { recursive: true });
    // Supervised tuning takes at least 10 examples.
    const examples = Array.from({ length: 12 }, (_, i) => GOOD_LINE(`How do I reset password number ${i}?`, `Open Settings, then Security, then Reset password ${i}.`));
    writeFileSync(join(root(), 'data', 'support.jsonl'), `${examples.join('\n')}\n`);
    writeFileSync(join(root(), 'data', 'broken.jsonl'), `${GOOD_LINE('a', 'b')}\n{"contents": [\n`);
  });

  it('tunes Gemini from a local JSONL: lints it, uploads it to the chosen bucket, and the job succeeds', async () => {
    const { name, rejected, seam } = await run('vertexGenAi.tuneGemini', [
      { expect: 'region', pick: 'us-central1' },
      { expect: 'baseModel', pick: 'gemini-2.0-flash-001' },
      { expect: 'trainingSource', pick: 'broken.jsonl' },
      { expect: 'trainingSource', pick: 'support.jsonl' },
      { expect: 'validationSource', pick: 'Cloud Storage URI…' },
      { expect: 'validationUri', text: 'gs://genai-demo-tuning/support-chat/validation.json' },
      { expect: 'validationUri', text: 'gs://genai-demo-tuning/support-chat/validation.jsonl' },
      { expect: 'bucket', pick: 'gs://genai-demo-tuning' },
      { expect: 'epochs', text: '0' },
      { expect: 'epochs', text: '3' },
      { expect: 'learningRateMultiplier', text: '' },
      { expect: 'adapterSize', pick: '4' },
      { expect: 'displayName', text: 'support-bot-tuned' },
      { expect: 'labels', text: 'Team=nlp' },
      { expect: 'labels', text: 'team=nlp' },
      { expect: 'review', pick: 'Start tuning' },
    ]);
    assert.deepEqual(rejected, [
      ['trainingSource', 'broken.jsonl has 1 error(s), fix them first: line 2, column 14: Invalid JSON: expected "]" to close the array.'],
      ['validationUri', 'The validation data must be a JSONL file (ending in .jsonl).'],
      ['epochs', 'Epochs must be a whole number from 1 to 100.'],
      ['labels', 'Label key "Team" must start with a lowercase letter.'],
    ]);
    assert.ok(seam.finished);
    assertSteadyCounters(seam.transcript);
    assert.match(name ?? '', /^projects\/.+\/locations\/us-central1\/tuningJobs\/\d+$/);
    const job = await get(name!);
    assert.equal(job.supervisedTuningSpec.trainingDatasetUri, 'gs://genai-demo-tuning/tuning-data/support.jsonl');
    assert.deepEqual(job.labels, { team: 'nlp' });
    await finished(name!);
    const tuned = await get(name!);
    assert.ok(tuned.tunedModel?.model, 'the succeeded job names its tuned model');
  });

  it('checks a gs:// dataset before sending: a missing object and one that does not lint are refused, nothing is created', async () => {
    // A broken object in the demo bucket, uploaded through the emulator's Cloud Storage upload API.
    const upload = await fetch(`${emulator.url}/upload/storage/v1/b/genai-demo-tuning/o?uploadType=media&name=support-chat/broken.jsonl`, {
      method: 'POST',
      headers: { Authorization: 'Bearer t', 'Content-Type': 'application/jsonl' },
      body: `${GOOD_LINE('a', 'b')}\n{"contents": [\n`,
    });
    assert.equal(upload.status, 200, await upload.text());
    const jobsBefore = (await get('projects/genai-demo/locations/us-central1/tuningJobs')).tuningJobs?.length;
    const { name, rejected } = await run('vertexGenAi.tuneGemini', [
      { expect: 'region', pick: 'us-central1' },
      { expect: 'baseModel', pick: 'gemini-2.0-flash-001' },
      { expect: 'trainingSource', pick: 'Cloud Storage URI…' },
      { expect: 'trainingUri', text: 'gs://genai-demo-tuning/support-chat/missing.jsonl' },
      { expect: 'trainingUri', text: 'gs://genai-demo-tuning/support-chat/broken.jsonl' },
      { cancel: true },
    ]);
    assert.equal(name, undefined);
    assert.deepEqual(rejected, [
      ['trainingUri', 'gs://genai-demo-tuning/support-chat/missing.jsonl does not exist: upload the file there, or choose another dataset.'],
      ['trainingUri', 'broken.jsonl has 1 error(s), fix them first: line 2, column 14: Invalid JSON: expected "]" to close the array.'],
    ]);
    assert.equal((await get('projects/genai-demo/locations/us-central1/tuningJobs')).tuningJobs?.length, jobsBefore, 'no job was created');
  });

  it('launches a custom GPU LoRA job, refusing an impossible GPU count with its message, and saves it as a spec file', async () => {
    const { name, rejected, seam } = await run('vertexGenAi.launchCustomTuning', [
      ...v100LoraAnswers('gemma-lora-v100', '2', 'gs://genai-demo-tuning/adapters/gemma', ['1', '2']),
      { expect: 'review', pick: 'Save as spec file…' },
      { expect: 'specPath', text: 'specs/gemma.tuning.yaml' },
      { expect: 'review', pick: 'Start custom job' },
    ]);
    assert.deepEqual(rejected, [
      ['machine.acceleratorCount', 'Accelerator count 1 is not supported for machine type "n1-standard-16" with accelerator "NVIDIA_TESLA_V100". Supported counts: 2, 4, 8.'],
    ]);
    assertSteadyCounters(seam.transcript);
    const job = await get(name!);
    const pool = job.jobSpec.workerPoolSpecs[0];
    assert.deepEqual([pool.machineSpec.machineType, pool.machineSpec.acceleratorType, pool.machineSpec.acceleratorCount], ['n1-standard-16', 'NVIDIA_TESLA_V100', 2]);
    assert.ok(pool.containerSpec.args.includes('--target_modules=q_proj,v_proj'));
    assert.equal(job.jobSpec.scheduling?.strategy, 'SPOT');
    assert.match(readFileSync(join(root(), 'specs', 'gemma.tuning.yaml'), 'utf8'), /kind: customTuning/);
    await finished(name!);
  });

  it('runs a spec file: an impossible accelerator is refused at its line, the fixed file launches after the review', async () => {
    const file = join(root(), 'specs', 'gemma.tuning.yaml');
    const saved = readFileSync(file, 'utf8');
    const impossible = saved.replace('machineType: n1-standard-16', 'machineType: a2-highgpu-1g').replace('acceleratorType: NVIDIA_TESLA_V100', 'acceleratorType: NVIDIA_TESLA_A100');
    writeFileSync(file, impossible);
    const uri = vscode.Uri.file(file);
    const refused = await vscode.commands.executeCommand('vertexGenAi.runTuningSpec', uri);
    assert.equal(refused, undefined, 'nothing was sent');
    const [diagnostic] = vscode.languages.getDiagnostics(uri);
    const line = impossible.split('\n').findIndex((l) => /acceleratorCount: 2/.test(l));
    assert.equal(diagnostic?.message, 'machine.acceleratorCount: Accelerator count 2 is not supported for machine type "a2-highgpu-1g" with accelerator "NVIDIA_TESLA_A100". Supported counts: 1.');
    assert.equal(diagnostic.range.start.line, line);

    writeFileSync(file, impossible.replace('acceleratorCount: 2', 'acceleratorCount: 1'));
    const { name, seam } = await run('vertexGenAi.runTuningSpec', [{ expect: 'review', pick: 'Start custom job' }], uri);
    assert.equal(seam.transcript[0].id, 'review', 'the spec opens on the review');
    assert.ok((seam.transcript[0].shown as string[]).some((l) => l.includes('Machine')));
    assert.deepEqual(vscode.languages.getDiagnostics(uri), []);
    assert.equal((await get(name!)).jobSpec.workerPoolSpecs[0].machineSpec.machineType, 'a2-highgpu-1g');
    await finished(name!);
  });

  it('Show request JSON opens a read-only document, leaving no dirty Untitled editor', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const uri = vscode.Uri.file(join(root(), 'specs', 'gemma.tuning.yaml'));
    const { seam } = await run('vertexGenAi.runTuningSpec', [{ expect: 'review', pick: 'Show request JSON' }, { expect: 'review', cancel: true }], uri);
    assert.ok(seam.finished);
    const shown = await waitFor('the request JSON', () => vscode.window.visibleTextEditors.find((e) => e.document.languageId === 'json')?.document);
    assert.equal(shown.uri.scheme, 'vertex-genai', `opened as ${shown.uri.toString()}`);
    assert.equal(JSON.parse(shown.getText()).displayName, 'gemma-lora-v100');
    assert.equal(shown.isDirty, false);
    assert.deepEqual(vscode.workspace.textDocuments.filter((d) => d.isUntitled && d.isDirty).map((d) => d.uri.toString()), []);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('launches hyperparameter tuning on a TPU slice, refusing workers beside a TPU, grid search over a DOUBLE and parallel > max', async () => {
    const { name, rejected } = await run('vertexGenAi.launchHyperparameterTuning', [
      { expect: 'region', pick: 'us-central1' },
      { expect: 'displayName', text: 'gemma-sweep' },
      { expect: 'container', pick: 'PyTorch/XLA 2.4 TPU training' },
      { expect: 'args.baseModel', text: 'google/gemma-2-2b' },
      { expect: 'args.dataset', text: 'gs://genai-demo-tuning/support-chat/train.jsonl' },
      { expect: 'args.loraAlpha', text: '32' },
      { expect: 'args.loraDropout', text: '0.05' },
      { expect: 'args.targetModules', text: 'q_proj, v_proj' },
      { expect: 'args.quantize4bit', pick: 'Full precision (LoRA)' },
      { expect: 'args.epochs', text: '1' },
      { expect: 'args.batchSize', text: '8' },
      { expect: 'args.outputDir', text: 'gs://genai-demo-tuning/sweeps/gemma' },
      { expect: 'machine.acceleratorType', pick: 'TPU_V5_LITEPOD' },
      { expect: 'machine.machineType', pick: 'ct5lp-hightpu-4t' },
      { expect: 'machine.tpuTopology', pick: '2x2' },
      { expect: 'workerCount', text: '1' },
      { expect: 'workerCount', text: '0' },
      { expect: 'spot', pick: 'On demand' },
      { expect: 'serviceAccount', text: '' },
      { expect: 'labels', text: '' },
      { expect: 'study.learningRate', text: '1e-5, 1e-3' },
      { expect: 'study.loraRanks', text: '8, 16' },
      { expect: 'study.metricId', text: 'eval_loss' },
      { expect: 'study.goal', pick: 'Minimize' },
      { expect: 'study.algorithm', pick: 'Grid search' },
      { expect: 'study.algorithm', pick: 'Random search' },
      { expect: 'study.maxTrials', text: '2' },
      { expect: 'study.parallelTrials', text: '3' },
      { expect: 'study.parallelTrials', text: '2' },
      { expect: 'review', pick: 'Start hyperparameter tuning' },
    ]);
    assert.deepEqual(rejected, [
      ['workerCount', 'A TPU slice runs in the chief pool alone: set the worker count to 0 and pick a larger topology to scale out.'],
      ['study.algorithm', 'Grid search cannot sweep the learning rate (a continuous DOUBLE parameter); choose random search or the default (Bayesian) search.'],
      ['study.parallelTrials', 'Parallel trials (3) cannot exceed the maximum trial count (2).'],
    ]);
    await finished(name!);
    const job = await get(name!);
    assert.equal(job.trials.length, 2);
    assert.ok(job.trials.every((t: { finalMeasurement?: { metrics: { metricId: string }[] } }) => t.finalMeasurement?.metrics[0].metricId === 'eval_loss'));
    const args: string[] = job.trialJobSpec.workerPoolSpecs[0].containerSpec.args;
    assert.ok(!args.some((a) => a.startsWith('--learning_rate=')), 'the swept learning rate is left to the trials');
  });
});
