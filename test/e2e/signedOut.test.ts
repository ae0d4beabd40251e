// The cloud backend with a project and no credentials, as a new user meets it: one
// signed-out message per view with the ways to sign in, and no error rows.
import * as assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openContainer, screenshot, useWorkbench } from './workbench';

describe('signed out of Google Cloud', function () {
  this.timeout(180_000);
  let saved: string | undefined;
  // Registered before the workbench opens: code-server inherits it, so no real gcloud sign-in is found.
  before(() => {
    saved = process.env.CLOUDSDK_CONFIG;
    process.env.CLOUDSDK_CONFIG = mkdtempSync(join(tmpdir(), 'vgo-e2e-gcloud-'));
  });
  after(() => {
    if (saved === undefined) delete process.env.CLOUDSDK_CONFIG;
    else process.env.CLOUDSDK_CONFIG = saved;
  });
  const wb = useWorkbench({ 'vertexGenAi.backend': 'cloud', 'vertexGenAi.project': 'genai-demo' });

  it('shows one signed-out message per view with Sign in with gcloud, a key file and the emulator', async () => {
    const { page } = wb;
    await openContainer(page);
    const sidebar = page.locator('.part.sidebar');
    const signIn = sidebar.getByRole('button', { name: 'Sign in with gcloud' });
    await signIn.nth(3).waitFor({ timeout: 60_000 });
    assert.equal(await signIn.count(), 4, 'each of the four views offers the sign-in');
    assert.equal(await sidebar.getByRole('button', { name: 'Use a service-account key file…' }).count(), 1);
    assert.equal(await sidebar.getByRole('button', { name: 'Try the local emulator' }).count(), 1);
    await sidebar.getByText('Not signed in to Google Cloud.', { exact: false }).first().waitFor({ timeout: 10_000 });
    assert.equal(await sidebar.locator('.codicon-error').count(), 0, 'no error rows');
    await screenshot(page, 'signed-out');
  });
});
