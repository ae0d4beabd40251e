import * as assert from 'node:assert/strict';
import { findAdcFile } from '../../../src/vertex/auth';
import { validateProjectId } from '../../../src/vertex/regions';

describe('credentials lookup', () => {
  const files = new Set(['/home/ana/.config/gcloud/application_default_credentials.json', '/keys/sa.json']);
  const lookup = (env: Record<string, string>, platform: NodeJS.Platform = 'linux') => ({ env, home: '/home/ana', platform, exists: (p: string) => files.has(p) });

  it('finds the ADC file that gcloud writes, without any network call', () => {
    const started = performance.now();
    assert.equal(findAdcFile(lookup({})), '/home/ana/.config/gcloud/application_default_credentials.json');
    assert.ok(performance.now() - started < 100);
  });

  it('prefers GOOGLE_APPLICATION_CREDENTIALS and reports a missing file as not signed in', () => {
    assert.equal(findAdcFile(lookup({ GOOGLE_APPLICATION_CREDENTIALS: '/keys/sa.json' })), '/keys/sa.json');
    assert.equal(findAdcFile(lookup({ GOOGLE_APPLICATION_CREDENTIALS: '/keys/missing.json' })), undefined);
    assert.equal(findAdcFile({ ...lookup({}), exists: () => false }), undefined);
  });

  it('validates project ids before anything is sent', () => {
    assert.equal(validateProjectId('genai-demo'), undefined);
    assert.match(validateProjectId('GenAI')!, /lowercase/);
    assert.match(validateProjectId('ab')!, /6 to 30/);
    assert.match(validateProjectId('my-project-')!, /hyphen/);
  });
});
