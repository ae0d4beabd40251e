import * as assert from 'node:assert/strict';
import { adcPath, findAdcFile } from '../../../src/vertex/auth';
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

  it('puts the key file setting first, and honours CLOUDSDK_CONFIG for the file to watch', () => {
    assert.equal(findAdcFile({ ...lookup({ GOOGLE_APPLICATION_CREDENTIALS: '/keys/missing.json' }), keyFile: '/keys/sa.json' }), '/keys/sa.json');
    assert.equal(adcPath(lookup({ CLOUDSDK_CONFIG: '/tmp/gc' })), '/tmp/gc/application_default_credentials.json');
    assert.equal(findAdcFile(lookup({ CLOUDSDK_CONFIG: '/tmp/gc' })), undefined, 'not signed in until gcloud writes it');
  });

  it('validates project ids before anything is sent', () => {
    assert.equal(validateProjectId('genai-demo'), undefined);
    assert.match(validateProjectId('GenAI')!, /lowercase/);
    assert.match(validateProjectId('ab')!, /6 to 30/);
    assert.match(validateProjectId('my-project-')!, /hyphen/);
  });
});
