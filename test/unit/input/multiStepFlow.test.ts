import * as assert from 'node:assert/strict';
import { runFlow, type Step } from '../../../src/ui/multiStepFlow';
import { reviewStep } from '../../../src/ui/reviewStep';
import { ScriptedInputSeam } from '../../support/scriptedInputSeam';

interface Launch {
  name: string;
  accelerator?: string;
  count: number;
  confirmed?: boolean;
}

const copied: string[] = [];
const STEPS: Step<Launch>[] = [
  {
    kind: 'text',
    id: 'name',
    title: 'Display name',
    value: (s) => s.name,
    validate: (t) => (/^[a-z][a-z0-9-]{0,62}$/.test(t) ? undefined : 'Use lowercase letters, digits and hyphens, starting with a letter.'),
    apply: (s, name) => ({ ...s, name }),
  },
  {
    kind: 'pick',
    id: 'accelerator',
    title: 'Accelerator',
    options: () => [
      { label: '$(chip) NVIDIA_L4', value: 'NVIDIA_L4' },
      { label: '$(chip) TPU_V5_LITEPOD', value: 'TPU_V5_LITEPOD' },
    ],
    selected: (s) => (s.accelerator ? [s.accelerator] : []),
    apply: (s, [accelerator]) => ({ ...s, accelerator: accelerator as string }),
  },
  {
    kind: 'text',
    id: 'count',
    title: 'Accelerator count',
    skip: (s) => s.accelerator === undefined,
    value: (s) => String(s.count),
    validate: (t, s) => (s.accelerator === 'NVIDIA_L4' && !['1', '2', '4', '8'].includes(t) ? 'An L4 machine takes 1, 2, 4 or 8 GPUs.' : undefined),
    apply: (s, t) => ({ ...s, count: Number(t) }),
  },
  reviewStep<Launch>({
    title: 'Review',
    confirmLabel: 'Launch',
    fields: (s) => [
      { label: 'Name', value: s.name, step: 'name' },
      { label: 'Accelerator', value: `${s.count} × ${s.accelerator}`, step: 'accelerator' },
    ],
    actions: [{ label: 'Copy gcloud command', run: async (s) => void copied.push(`gcloud ai custom-jobs create --display-name=${s.name}`) }],
    confirm: (s) => ({ ...s, confirmed: true }),
  }),
];

describe('multi-step flows over the input seam', () => {
  it('refuses invalid answers with the message the user would read, then accepts the retyped one', async () => {
    const seam = new ScriptedInputSeam([{ text: 'My Job' }, { text: 'my-job' }, { pick: 'NVIDIA_L4' }, { text: '3' }, { text: '2' }, { pick: 'Launch' }]);
    const result = await runFlow(seam, STEPS, { name: '', count: 1 });
    assert.equal(result.status, 'done');
    assert.deepEqual(result.state, { name: 'my-job', accelerator: 'NVIDIA_L4', count: 2, confirmed: true });
    const rejected = seam.transcript.filter((e) => e.outcome === 'rejected').map((e) => [e.id, e.rejected]);
    assert.deepEqual(rejected, [
      ['name', 'Use lowercase letters, digits and hyphens, starting with a letter.'],
      ['count', 'An L4 machine takes 1, 2, 4 or 8 GPUs.'],
    ]);
  });

  it('going back keeps every answer: the earlier step shows what was typed', async () => {
    const seam = new ScriptedInputSeam([{ text: 'first' }, { pick: 'TPU_V5_LITEPOD' }, { back: true }, { back: true }, { text: 'second' }, { pick: 'TPU_V5_LITEPOD' }, { text: '4' }, { pick: 'Launch' }]);
    const result = await runFlow(seam, STEPS, { name: '', count: 1 });
    assert.equal(result.status, 'done');
    const shownName = seam.transcript.filter((e) => e.id === 'name').map((e) => e.shown);
    assert.deepEqual(shownName, ['', 'first'], 'the name step came back prefilled with the first answer');
    const count = seam.transcript.find((e) => e.id === 'count');
    assert.equal(count?.shown, '1');
    assert.equal(result.state.name, 'second');
  });

  it('the review edits one field and comes straight back, runs actions without sending, and counts only visible steps', async () => {
    copied.length = 0;
    const seam = new ScriptedInputSeam([
      { text: 'job-a' },
      { pick: 'TPU_V5_LITEPOD' },
      { text: '8' },
      { expect: 'review', pick: 'Copy gcloud command' },
      { expect: 'review', pick: 'Name' },
      { expect: 'name', text: 'job-b' },
      { expect: 'review', pick: 'Launch' },
    ]);
    const result = await runFlow(seam, STEPS, { name: '', count: 1 });
    assert.equal(result.status, 'done');
    assert.equal(result.state.name, 'job-b');
    assert.equal(result.state.count, 8, 'editing the name kept the count');
    assert.deepEqual(copied, ['gcloud ai custom-jobs create --display-name=job-a']);
    // The count step is hidden until an accelerator is chosen: no total that could jump (3 → 4) before then.
    assert.deepEqual(seam.transcript.slice(0, 3).map((t) => [t.step, t.totalSteps]), [[1, undefined], [2, undefined], [3, 4]]);
    assert.equal(seam.transcript.at(-1)?.totalSteps, 4);
    assert.ok(seam.finished);
  });

  it('cancelling returns the answers so far and sends nothing', async () => {
    const seam = new ScriptedInputSeam([{ text: 'keep-me' }, { cancel: true }]);
    const result = await runFlow(seam, STEPS, { name: '', count: 1 });
    assert.deepEqual(result, { status: 'cancelled', state: { name: 'keep-me', count: 1 } });
  });

  it('a script that answers the wrong step fails loudly', async () => {
    const seam = new ScriptedInputSeam([{ expect: 'accelerator', pick: 'NVIDIA_L4' }]);
    await assert.rejects(runFlow(seam, STEPS, { name: '', count: 1 }), /expected step "accelerator" but the flow asks "name"/);
  });
});

describe('the equivalent REST call', () => {
  it('is a curl command that a shell passes the body to unchanged', async () => {
    const { curlCommand } = await import('../../../src/vertex/curlCommand');
    const { execFileSync } = await import('node:child_process');
    const body = { displayName: "it's mine", labels: { team: 'nlp' } };
    const command = curlCommand({ method: 'POST', url: 'https://us-central1-aiplatform.googleapis.com/v1/projects/p/locations/us-central1/tuningJobs', body });
    assert.match(command, /^curl -X POST/);
    // Let a real shell parse it: replace curl with a function that prints its -d argument.
    const script = `curl() { while [ $# -gt 0 ]; do if [ "$1" = -d ]; then printf %s "$2"; fi; shift; done; }\ngcloud() { echo TOKEN; }\n${command}`;
    assert.deepEqual(JSON.parse(execFileSync('bash', ['-c', script], { encoding: 'utf8' })), body);
  });
});
