import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';

export const EXTENSION_ID = 'vertex-genai-ops.vertex-genai-ops';

export function extension(): vscode.Extension<ExtensionApi> {
  const ext = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not installed`);
  return ext;
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


/** Scripted answers to the custom tuning flow's LoRA training-argument steps. */
export function loraArgAnswers(epochs: string, outputDir: string) {
  return [
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
  ];
}
