// The Gemini tuning flow typed into VS Code's real quick input: type, Enter, the Back
// button, the review, then the job in the Tuning Jobs tree.
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { openContainer, screenshot, useWorkbenchOnDemo } from './workbench';

describe('tuning launch in the quick input', function () {
  this.timeout(240_000);
  const wb = useWorkbenchOnDemo();

  const input = (page: Page) => page.locator('.quick-input-widget');
  /** Waits for the step's title, then types (replacing any prefilled value) and presses Enter. */
  async function answer(page: Page, title: string, text?: string): Promise<void> {
    await input(page).locator('.quick-input-title', { hasText: title }).waitFor({ timeout: 30_000 });
    if (text !== undefined) {
      await page.keyboard.press('Control+A');
      await page.keyboard.type(text);
    }
    await page.keyboard.press('Enter');
  }

  /** From the palette (the views up first, so it runs alone too) to the training data URI step. */
  async function startGeminiTuning(page: Page): Promise<void> {
    await openContainer(page);
    await page.locator('.part.sidebar .monaco-list-row', { hasText: 'support-bot' }).first().waitFor({ timeout: 60_000 });
    await page.keyboard.press('F1');
    await page.keyboard.type('Tune a Gemini Model');
    await input(page).locator('.quick-input-list-row', { hasText: 'Tune a Gemini Model' }).first().waitFor({ timeout: 20_000 });
    await page.keyboard.press('Enter');
    await answer(page, 'Region');
    await answer(page, 'Base model', 'gemini-2.0-flash-001');
    await answer(page, 'Training data', 'Cloud Storage URI');
  }

  it('tunes Gemini: typed answers, a refused value, Back keeps what was typed, and the review shows the request', async () => {
    const { page } = wb;
    await startGeminiTuning(page);
    await input(page).locator('.quick-input-title', { hasText: 'Training data URI' }).waitFor({ timeout: 30_000 });
    await page.keyboard.type('gs://genai-demo-tuning/support-chat/train.json');
    // The message shows while typing; Enter is refused until the value is fixed.
    await input(page).getByText('The training data must be a JSONL file (ending in .jsonl).').waitFor({ timeout: 10_000 });
    await page.keyboard.type('l');
    await page.keyboard.press('Enter');

    // Back from the validation step: the URI comes back as typed.
    await input(page).locator('.quick-input-title', { hasText: 'Validation data' }).waitFor({ timeout: 30_000 });
    await input(page).locator('.codicon-quick-input-back, [aria-label="Back"]').first().click();
    await input(page).locator('.quick-input-title', { hasText: 'Training data URI' }).waitFor({ timeout: 30_000 });
    assert.equal(await input(page).locator('input').first().inputValue(), 'gs://genai-demo-tuning/support-chat/train.jsonl');
    await page.keyboard.press('Enter');

    await answer(page, 'Validation data', 'None');
    await answer(page, 'Epochs', '3');
    await answer(page, 'Learning-rate multiplier');
    await answer(page, 'Adapter size', '4');
    await answer(page, 'Tuned model display name', 'support-bot-e2e');
    await answer(page, 'Labels', 'team=support');

    await input(page).locator('.quick-input-title', { hasText: 'Review Gemini supervised tuning' }).waitFor({ timeout: 30_000 });
    await input(page).locator('.quick-input-list-row', { hasText: 'support-bot-e2e' }).waitFor({ timeout: 10_000 });
    await input(page).locator('.quick-input-list-row', { hasText: 'Start tuning' }).waitFor({ timeout: 10_000 });
    await screenshot(page, 'tuning-review');

    await page.keyboard.press('Enter');
    try {
      await page.locator('.part.sidebar .monaco-list-row', { hasText: 'support-bot-e2e' }).first().waitFor({ timeout: 60_000 });
    } catch (err) {
      await screenshot(page, 'tuning-launch-failed');
      console.log(wb.workbench.extensionLog().split('\n').slice(-30).join('\n'));
      throw err;
    }
    await screenshot(page, 'tuning-launched');
  });

  it('refuses a gs:// training file that does not exist, in one sentence, before anything is sent', async () => {
    const { page } = wb;
    await page.keyboard.press('Escape');
    await startGeminiTuning(page);
    // Well-formed, so nothing is said while typing; on Enter the object is looked up and the step stays.
    await answer(page, 'Training data URI', 'gs://genai-demo-tuning/support-chat/trian.jsonl');
    await input(page).getByText('gs://genai-demo-tuning/support-chat/trian.jsonl does not exist: upload the file there, or choose another dataset.').waitFor({ timeout: 30_000 });
    assert.equal(await input(page).locator('.quick-input-title').innerText().then((t) => /^Training data URI/.test(t)), true, 'the flow stays on the URI step');
    await screenshot(page, 'tuning-gcs-refused');
    await page.keyboard.press('Escape');
  });

  it('launches a custom GPU job: an impossible GPU count is refused as it shows, the fixed one goes through', async () => {
    const { page } = wb;
    await page.keyboard.press('F1');
    await page.keyboard.type('Launch Custom GPU/TPU Tuning');
    await input(page).locator('.quick-input-list-row', { hasText: 'Launch Custom GPU/TPU Tuning' }).first().waitFor({ timeout: 20_000 });
    await page.keyboard.press('Enter');

    await answer(page, 'Region');
    await answer(page, 'Job display name', 'gemma-lora-e2e');
    await answer(page, 'Training container');
    await answer(page, 'Open model to tune');
    await answer(page, 'Training dataset', 'gs://genai-demo-tuning/support-chat/train.jsonl');
    for (const title of ['LoRA rank', 'LoRA alpha', 'LoRA dropout', 'Target modules', 'Quantisation', 'Epochs', 'Learning rate', 'Batch size per device']) await answer(page, title);
    await answer(page, 'Output directory', 'gs://genai-demo-tuning/adapters/e2e');
    await answer(page, 'Accelerator', 'NVIDIA_TESLA_V100');
    await answer(page, 'Machine type', 'n1-standard-16');
    await input(page).locator('.quick-input-title', { hasText: 'Accelerator count' }).waitFor({ timeout: 30_000 });
    await input(page).getByText('Accelerator count 1 is not supported for machine type "n1-standard-16" with accelerator "NVIDIA_TESLA_V100". Supported counts: 2, 4, 8.').waitFor({ timeout: 10_000 });
    await screenshot(page, 'tuning-custom-count-refused');
    await answer(page, 'Accelerator count', '2');
    for (const title of ['Worker replicas', 'Scheduling', 'Service account', 'Labels']) await answer(page, title);

    await input(page).locator('.quick-input-title', { hasText: 'Review custom tuning job' }).waitFor({ timeout: 30_000 });
    await input(page).locator('.quick-input-list-row', { hasText: 'Start custom job' }).waitFor({ timeout: 10_000 });
    await page.keyboard.press('Enter');
    const row = page.locator('.part.sidebar .monaco-list-row', { hasText: 'gemma-lora-e2e' }).first();
    await row.waitFor({ timeout: 60_000 });
    // The row is short (state first); the machine is in its tooltip. What reached Vertex is what counts.
    const jobs = (await (await fetch(`${wb.emulatorUrl}/v1/projects/genai-demo/locations/us-central1/customJobs`, { headers: { Authorization: 'Bearer e2e' } })).json()) as {
      customJobs: { displayName: string; jobSpec: { workerPoolSpecs: { machineSpec: { acceleratorType?: string } }[] } }[];
    };
    const job = jobs.customJobs.find((j) => j.displayName === 'gemma-lora-e2e');
    assert.match(job?.jobSpec.workerPoolSpecs[0].machineSpec.acceleratorType ?? '', /V100/, 'the job asks for the GPUs chosen');
  });
});
