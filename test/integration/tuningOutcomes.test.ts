// How launched tuning jobs end, as the user sees it: a tuned model in Model Registry,
// a failed job's error, a quota refusal naming the quota, and a cancel from the job panel.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parseQuotaSpec } from '@vertex-genai-ops/catalog/quotas';
import type { ScriptedAnswer } from '../support/scriptedInputSeam';
import type { JobPanel as Panel } from '../../src/features/jobs/jobPanel';
import { extension, scriptInput, useEmulator, v100LoraAnswers, waitFor } from './helpers';

/** The Gemini flow with training data already in Cloud Storage. */
const gemini = (displayName: string, trainingUri: string): ScriptedAnswer[] => [
  { expect: 'region', pick: 'us-central1' },
  { expect: 'baseModel', pick: 'gemini-2.0-flash-001' },
  { expect: 'trainingSource', pick: 'Cloud Storage URI…' },
  { expect: 'trainingUri', text: trainingUri },
  { expect: 'validationSource', pick: 'None' },
  { expect: 'epochs', text: '2' },
  { expect: 'learningRateMultiplier', text: '' },
  { expect: 'adapterSize', pick: '4' },
  { expect: 'displayName', text: displayName },
  { expect: 'labels', text: '' },
  { expect: 'review', pick: 'Start tuning' },
];

describe('tuning job outcomes', function () {
  this.timeout(120_000);
  // One V100 in us-central1: a job asking for two is over quota.
  const emulator = useEmulator({ seed: 'demo', operationDelayMs: 1500, jobDurationMs: 1500, quotas: parseQuotaSpec('us-central1:NVIDIA_TESLA_V100=1') }, { openView: true });
  const run = async (command: string, script: ScriptedAnswer[]) => {
    const seam = await scriptInput(script);
    const name = (await vscode.commands.executeCommand(command)) as string | undefined;
    assert.ok(seam.finished, `every scripted answer was used: ${JSON.stringify(seam.transcript.at(-1))}`);
    return name;
  };
  const state = async (name: string) =>
    String(((await (await fetch(`${emulator.url}/v1/${name}`, { headers: { Authorization: 'Bearer t' } })).json()) as { state: string }).state);

  it('a succeeded tuning job’s model appears in the Model Registry tree', async () => {
    const name = await run('vertexGenAi.tuneGemini', gemini('registry-check', 'gs://genai-demo-tuning/support-chat/train.jsonl'));
    assert.ok(name);
    await waitFor('the job to succeed', async () => ((await state(name)) === 'JOB_STATE_SUCCEEDED' ? true : undefined), 60_000);
    const registry = extension().exports.tree('vertexGenAi.registry');
    const labels = await waitFor('the tuned model in the registry', async () => {
      await vscode.commands.executeCommand('vertexGenAi.registry.refresh');
      const items = await Promise.all(((await registry.getChildren()) ?? []).map(async (n) => String((await registry.getTreeItem(n)).label)));
      return items.includes('registry-check') ? items : undefined;
    });
    assert.ok(labels.includes('support-bot'), 'next to the demo models');
  });

  // A missing or malformed gs:// dataset is refused before launch now (tuningLaunch.test.ts), so the
  // failed job is the demo's own: it failed on its data, as Google reports it.
  it('a job that failed on its data: its panel says why in one sentence', async () => {
    const list = await fetch(`${emulator.url}/v1/projects/genai-demo/locations/us-central1/tuningJobs?pageSize=100`, { headers: { Authorization: 'Bearer t' } });
    const { tuningJobs } = (await list.json()) as { tuningJobs: { name: string; state: string; error?: { message: string } }[] };
    const failed = tuningJobs.find((j) => /summaries\/train\.jsonl/.test(j.error?.message ?? ''));
    assert.ok(failed, 'the demo has a job that failed on its data');
    const panel = (await vscode.commands.executeCommand('vertexGenAi.openJob', failed.name)) as Panel;
    const job = await waitFor('the failed job in its panel', () => [...panel.probe.posted].reverse().find((m) => m.type === 'job' && m.job.state === 'failed'), 60_000);
    assert.ok(job.type === 'job');
    assert.match(job.job.error?.message ?? '', /summaries\/train\.jsonl line 57/);
    panel.dispose();
  });

  it('a custom job over the accelerator quota is refused with the quota’s name', async () => {
    const before = (await extension().exports.shownErrors()).length;
    const seam = await scriptInput([
      ...v100LoraAnswers('over-quota', '1', 'gs://genai-demo-tuning/adapters/quota', ['2']),
      { expect: 'review', pick: 'Start custom job' },
    ]);
    // Not awaited: the command ends when the user dismisses its error notification.
    void vscode.commands.executeCommand('vertexGenAi.launchCustomTuning');
    const shown = await waitFor('the error message', async () => (await extension().exports.shownErrors()).slice(before)[0]);
    assert.ok(seam.finished);
    assert.match(shown, /^Quota exceeded: .*V100/);
    assert.match(shown, /Request more quota in the Cloud console, or try another region\.$/);
  });

  it('cancels a running job from its panel, after asking', async () => {
    const name = await run('vertexGenAi.tuneGemini', gemini('to-cancel', 'gs://genai-demo-tuning/support-chat/train.jsonl'));
    assert.ok(name);
    const panel = (await vscode.commands.executeCommand('vertexGenAi.openJob', name)) as Panel;
    await waitFor('the job in its panel', () => panel.probe.posted.find((m) => m.type === 'job'));
    const seam = await scriptInput([{ expect: 'confirm', pick: 'Cancel Job' }]);
    await panel.probe.receive({ type: 'cancelJob' });
    assert.match(String(seam.transcript[0]?.title), /^Cancel to-cancel\?/);
    await waitFor('the job to be cancelled', async () => (/CANCELL/.test(await state(name)) ? true : undefined));
    const job = await waitFor('the panel to show it', async () => {
      await panel.probe.receive({ type: 'refresh' });
      return [...panel.probe.posted].reverse().find((m) => m.type === 'job' && /cancel/.test(m.job.state));
    }, 30_000);
    assert.ok(job);
    panel.dispose();
  });
});
