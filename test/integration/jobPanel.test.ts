import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DEMO_IDS } from '@vertex-genai-ops/emulator/seeds/demoIds';
import type { JobPanel as Panel } from '../../src/features/jobs/jobPanel';
import type { JobHostMessage } from '../../src/features/jobs/protocol';
import { scriptInput, useSettings, waitFor } from './helpers';

const US = 'projects/genai-demo/locations/us-central1';

async function open(name: string): Promise<Panel> {
  const panel = await vscode.commands.executeCommand<Panel>('vertexGenAi.openJob', name);
  assert.ok(panel, 'the command returns the panel it opened');
  return panel;
}

function last<T extends JobHostMessage['type']>(panel: Panel, type: T): Extract<JobHostMessage, { type: T }> | undefined {
  return [...panel.probe.posted].reverse().find((m): m is Extract<JobHostMessage, { type: T }> => m.type === type);
}

describe('job panel', function () {
  this.timeout(90_000);
  useSettings({ backend: 'emulator' });

  it('shows a finished tuning job: timeline, data statistics, its measured loss per epoch, and the way to its model', async () => {
    const panel = await open(`${US}/tuningJobs/${DEMO_IDS.tuningJobs.supportBotV2Succeeded}`);
    const job = await waitFor('the job', () => last(panel, 'job')?.job, 60_000);
    assert.equal(job.displayName, 'support-bot-v2');
    assert.equal(job.state, 'succeeded');
    assert.deepEqual(job.timeline.map((t) => t.label), ['Created', 'Started', 'Succeeded']);
    assert.ok(job.stats.find((s) => s.label === 'Training examples'));
    assert.match(job.tunedModel?.endpoint ?? '', /endpoints\//);
    const { curves } = await waitFor('the curves', () => last(panel, 'curves'));
    const train = curves.find((c) => c.metric === '/train_total_loss');
    assert.deepEqual(train?.points.map((p) => p.step), [0, 1, 2, 3], 'the base model, then one point per epoch of the 3-epoch job');
    assert.ok(train!.points[3].value < train!.points[0].value, 'tuning lowered the training loss');
    assert.ok(curves.find((c) => c.metric === '/eval_total_loss')?.points.length === 4, 'validation data gives an eval curve');
    panel.dispose();
  });

  it('shows a failed job’s error as the sentence the user reads', async () => {
    const panel = await open(`${US}/tuningJobs/${DEMO_IDS.tuningJobs.summarizerFailed}`);
    const job = await waitFor('the job', () => last(panel, 'job')?.job);
    assert.equal(job.state, 'failed');
    assert.match(job.error?.message ?? '', /line 57: "contents" is required/);
    assert.equal(job.terminal, true);
    panel.dispose();
  });

  it('offers a failed job the way on: Clone with changes… opens the launch review pre-filled from the job', async () => {
    const panel = await open(`${US}/tuningJobs/${DEMO_IDS.tuningJobs.summarizerFailed}`);
    await waitFor('the job', () => last(panel, 'job')?.job);
    const seam = await scriptInput([{ expect: 'review', cancel: true }]);
    await panel.probe.receive({ type: 'clone' });
    assert.ok(seam.finished, 'the review was shown');
    const review = seam.transcript[0];
    const fields = (review.shown as string[]).map((label, i) => `${label.replace(/\$\([^)]*\)\s*/, '')}: ${review.described?.[i] ?? ''}`);
    for (const expected of [/gemini-1\.5-pro-002/, /gs:\/\/genai-demo-data\/summaries\/train\.jsonl/, /summarizer-v1-clone/, /team=docs/]) {
      assert.ok(fields.some((f) => expected.test(f)), `${expected} in the review: ${fields.join(' / ')}`);
    }
    // The error names the dataset and line: the panel's button opens it there, read-only.
    await panel.probe.receive({ type: 'openDataset', uri: 'gs://genai-demo-data/summaries/train.jsonl', line: 57 });
    const editor = await waitFor('the dataset', () => vscode.window.visibleTextEditors.find((e) => e.document.uri.path.endsWith('/train.jsonl')));
    assert.equal(editor.document.uri.scheme, 'vertex-genai');
    assert.equal(editor.selection.start.line, 56);
    assert.doesNotMatch(editor.document.lineAt(56).text, /"contents"/, 'line 57 is the one without "contents"');
    panel.dispose();
  });

  it('shows a custom GPU job’s loss and learning-rate curves from TensorBoard', async () => {
    const panel = await open(`${US}/customJobs/${DEMO_IDS.customJobs.llamaLoraGpu}`);
    const { curves } = await waitFor('the curves', () => last(panel, 'curves'));
    assert.deepEqual(curves.map((c) => c.metric).sort(), ['learning_rate', 'loss']);
    const job = last(panel, 'job')!.job;
    assert.match(job.subject, /NVIDIA_L4/);
    panel.dispose();
  });
});
