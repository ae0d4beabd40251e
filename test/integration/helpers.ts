import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestApi } from '../../src/core/extension';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '@vertex-genai-ops/emulator';
import { ScriptedInputSeam, type ScriptedAnswer } from '../support/scriptedInputSeam';

export const EXTENSION_ID = 'vertex-genai-ops.vertex-genai-ops';

/** The extension under test: it runs in ExtensionMode.Test, so activate() returns the test API. */
export function extension(): vscode.Extension<TestApi> {
  const ext = vscode.extensions.getExtension<TestApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not installed`);
  return ext;
}

/** The next questions (flows, picks, confirmations) are answered from this script, through the seam the quick input implements. */
export async function scriptInput(script: readonly ScriptedAnswer[]): Promise<ScriptedInputSeam> {
  const seam = new ScriptedInputSeam(script);
  (await extension().activate()).useInput(seam);
  return seam;
}

/** Polls until the condition holds; fails with the message after the timeout. */
export async function waitFor<T>(what: string, check: () => T | undefined | Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) assert.fail(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Modules of ours or Google's that the extension host has loaded. */
export function loadedModules(pattern: RegExp): string[] {
  return Object.keys(require.cache).filter((k) => pattern.test(k));
}

type Settings = Readonly<Record<string, unknown>>;
const config = () => vscode.workspace.getConfiguration('vertexGenAi');

/**
 * Gives the suite these vertexGenAi settings (user scope) before its tests, then closes
 * the editors it opened and removes the settings and any in `alsoReset` after them.
 */
export function useSettings(settings: Settings | (() => Settings), alsoReset: readonly string[] = []): void {
  let keys: string[] = [];
  before(async () => {
    const values = typeof settings === 'function' ? settings() : settings;
    keys = Object.keys(values);
    for (const key of keys) await config().update(key, values[key], vscode.ConfigurationTarget.Global);
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // Backend first, so the extension does not reconnect to a half-reset emulator.
    for (const key of [...keys.reverse(), ...alsoReset]) await config().update(key, undefined, vscode.ConfigurationTarget.Global);
  });
}

/**
 * Starts an emulator for the suite and points the extension at it (emulator.url, the
 * extra settings, then backend); afterwards resets them and stops it. The result gives
 * the emulator's URL once it runs. With
 * `openView`, the suite also opens the Vertex view and waits for the extension to activate.
 */
export function useEmulator(
  options: EmulatorOptions,
  { settings = {}, openView = false, alsoReset = [] }: { settings?: Settings; openView?: boolean; alsoReset?: readonly string[] } = {},
): { readonly url: string } {
  let running: RunningEmulator | undefined;
  before(async () => {
    running = await startEmulator(options);
  });
  useSettings(() => ({ 'emulator.url': running!.url, ...settings, backend: 'emulator' }), alsoReset);
  if (openView) {
    before(async () => {
      await vscode.commands.executeCommand('workbench.view.extension.vertexGenAi');
      await waitFor('the extension to activate', () => extension().isActive);
    });
  }
  after(() => running?.close());
  return {
    get url() {
      assert.ok(running, 'the emulator has not started');
      return running.url;
    },
  };
}

/**
 * Scripted answers to the custom tuning flow, up to its review: a LoRA run of the Model
 * Garden PEFT trainer on n1-standard-16 with V100s in us-central1, the GPU count answered
 * once per entry of `gpuCounts` (the flow refuses a count it cannot run).
 */
export function v100LoraAnswers(displayName: string, epochs: string, outputDir: string, gpuCounts: readonly string[]) {
  return [
    { expect: 'region', pick: 'us-central1' },
    { expect: 'displayName', text: displayName },
    { expect: 'container', pick: 'Model Garden PEFT trainer (PyTorch, GPU)' },
    { expect: 'args.baseModel', text: 'google/gemma-2-2b' },
    { expect: 'args.dataset', text: 'gs://genai-demo-tuning/support-chat/train.jsonl' },
    { expect: 'args.loraRank', text: '16' },
    { expect: 'args.loraAlpha', text: '32' },
    { expect: 'args.loraDropout', text: '0.05' },
    { expect: 'args.targetModules', text: 'q_proj, v_proj' },
    { expect: 'args.quantize4bit', pick: '4-bit (QLoRA)' },
    { expect: 'args.epochs', text: epochs },
    { expect: 'args.learningRate', text: '2e-4' },
    { expect: 'args.batchSize', text: '4' },
    { expect: 'args.outputDir', text: outputDir },
    { expect: 'machine.acceleratorType', pick: 'NVIDIA_TESLA_V100' },
    { expect: 'machine.machineType', pick: 'n1-standard-16' },
    ...gpuCounts.map((text) => ({ expect: 'machine.acceleratorCount', text })),
    { expect: 'workerCount', text: '0' },
    { expect: 'spot', pick: 'Spot' },
    { expect: 'serviceAccount', text: '' },
    { expect: 'labels', text: '' },
  ];
}

/**
 * What the quick input's title bar shows through a flow must not jump: each step
 * asked is one more than the last (Back and goto aside), a total once shown never
 * changes, and no title ends in parentheses of its own ("(optional) (5/11)").
 */
export function assertSteadyCounters(transcript: readonly { id: string; title: string; step: number; totalSteps?: number; outcome: string }[]): void {
  // The flow itself: up to its review (what follows is the review's own prompts, such as "Save as spec file").
  const review = transcript.findIndex((t) => t.id === 'review');
  const flow = review < 0 ? transcript : transcript.slice(0, review + 1);
  const totals = new Set(flow.map((t) => t.totalSteps).filter((n) => n !== undefined));
  assert.ok(totals.size <= 1, `the total changed along the flow: ${[...totals].join(' → ')}`);
  for (const t of flow) assert.doesNotMatch(t.title, /\)\s*$/, `a title that doubles its parentheses: ${t.title}`);
  const asked = flow.filter((t, i) => t.outcome === 'value' && flow[i - 1]?.outcome !== 'back');
  for (let i = 1; i < asked.length; i++) {
    if (asked[i].id === 'review' || asked[i - 1].id === 'review') break;
    assert.equal(asked[i].step, asked[i - 1].step + 1, `step ${asked[i - 1].id} (${asked[i - 1].step}) → ${asked[i].id} (${asked[i].step})`);
  }
}
