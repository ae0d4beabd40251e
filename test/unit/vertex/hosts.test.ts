// Issue 13, finding 2: a workspace setting `regions: ["attacker.example#"]` made the
// official client send the user's token to attacker.example. Every host the extension
// can build must be Google's (*.googleapis.com) or the emulator's, whatever the settings say.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RESTRICTED_SETTINGS, settingValue } from '../../../src/core/settingTrust';
import { ClientPool } from '../../../src/vertex/clients';
import { clientEndpoint, connectionProblem, vertexRestUrl, type Connection } from '../../../src/vertex/connection';
import { validateProjectId } from '../../../src/vertex/regions';

const HOSTILE = [
  'attacker.example#', 'attacker.example/', 'attacker.example?', 'attacker.example:443#', 'x@attacker.example', 'us-central1.attacker.example#',
  'us-central1@attacker.example', 'us-central1#', 'us-central1/../', 'us-central1\n', ' us-central1', 'US-CENTRAL1', 'us-central1.', 'evil.com\\@', '',
  'localhost:8080/', '127.0.0.1#', '[::1]', 'us-central1-aiplatform.googleapis.com.attacker.example#', '%2e%2e', 'us_central1', 'us-central-1', 'üs-central1',
  'javascript:alert(1)//', 'us-central1;rm -rf', '../../../../etc/passwd', 'a'.repeat(300),
];
const GOOD_REGIONS = ['us-central1', 'europe-west4', 'asia-northeast3', 'me-central1', 'global'];
const EMULATOR = 'http://127.0.0.1:8790';

/** Every host a connection can give a client, or the error that stopped it. */
function hostOf(connection: Connection, region: string): string | Error {
  try {
    new ClientPool(connection); // validates the whole connection first
    const e = clientEndpoint(connection, region);
    return e.apiEndpoint;
  } catch (error) {
    return error as Error;
  }
}

describe('client hosts: only Google or the emulator, whatever the settings say', () => {
  it(`refuses ${HOSTILE.length} hostile regions and ${HOSTILE.length} hostile projects before building a host; the rest are *.googleapis.com or the emulator`, () => {
    let built = 0;
    let refused = 0;
    for (const backend of ['cloud', 'emulator'] as const) {
      for (const region of [...HOSTILE, ...GOOD_REGIONS]) {
        for (const project of ['genai-demo', 'example.com:my-project', ...HOSTILE.filter(Boolean)]) {
          const connection: Connection = { backend, project, regions: [region], ...(backend === 'emulator' ? { emulatorUrl: EMULATOR } : {}) };
          const host = hostOf(connection, region);
          const hostile = !GOOD_REGIONS.includes(region) || validateProjectId(project) !== undefined; // 'us-central-1' is a fine project id
          if (host instanceof Error) {
            refused++;
            assert.ok(hostile, `a good connection was refused: ${host.message}`);
            assert.match(host.message, /nothing was sent/);
            continue;
          }
          built++;
          assert.ok(!hostile, `built ${host} for region ${JSON.stringify(region)}, project ${JSON.stringify(project)}`);
          if (backend === 'cloud') assert.match(host, /\.googleapis\.com$/);
          else assert.equal(host, '127.0.0.1');
        }
      }
    }
    console.log(`      ${built + refused} connections tried: ${refused} refused, ${built} built (all Google or the emulator)`);
    assert.ok(built > 0 && refused > 0);
  });

  it('builds REST URLs (the curl in every review) only on Google hosts, the path carrying no host', () => {
    for (const region of HOSTILE) assert.throws(() => vertexRestUrl(region, 'projects/p/locations/x/tuningJobs'), /is not a Google Cloud region/);
    for (const project of HOSTILE) {
      const url = new URL(vertexRestUrl('us-central1', `projects/${project}/locations/us-central1/tuningJobs`));
      assert.equal(url.hostname, 'us-central1-aiplatform.googleapis.com');
      assert.equal(url.protocol, 'https:');
    }
    assert.equal(new URL(vertexRestUrl('global', 'x')).hostname, 'aiplatform.googleapis.com');
  });

  it('names the setting in one sentence', () => {
    assert.deepEqual(connectionProblem({ backend: 'cloud', project: 'genai-demo', regions: ['attacker.example#'] }), {
      setting: 'vertexGenAi.regions',
      message: 'vertexGenAi.regions: "attacker.example#" is not a Google Cloud region such as us-central1, so nothing was sent; correct the setting.',
    });
    assert.equal(connectionProblem({ backend: 'emulator', project: 'x/../y', regions: ['us-central1'] })?.setting, 'vertexGenAi.emulator.project');
    assert.equal(connectionProblem({ backend: 'cloud', project: 'Bad Project', regions: ['us-central1'] })?.setting, 'vertexGenAi.project');
    assert.equal(connectionProblem({ backend: 'emulator', project: 'genai-demo', regions: ['us-central1'], emulatorUrl: 'http://127.0.0.1:1/x?y' })?.setting, 'vertexGenAi.emulator.url');
    assert.equal(connectionProblem({ backend: 'cloud', project: 'genai-demo', regions: 'us-central1' as never })?.setting, 'vertexGenAi.regions');
    assert.equal(connectionProblem({ backend: 'cloud', project: '', regions: ['us-central1'] }), undefined, 'no project is "not configured", not invalid');
  });

  it("accepts Google's project ids, legacy domain-scoped ones included, and nothing else", () => {
    for (const ok of ['genai-demo', 'my-project-123', 'example.com:my-project', 'google.com:cloud-ops-1']) assert.equal(validateProjectId(ok), undefined, ok);
    for (const bad of ['abcde', 'a'.repeat(31), '1project', 'project-', 'my_project', 'example:my-project', 'example.com:x', '.com:my-project', 'example.com:my-project#']) {
      assert.ok(validateProjectId(bad), bad);
    }
  });
});

describe('settings in untrusted workspaces', () => {
  it('restricts the same settings at run time as package.json does for VS Code', () => {
    const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', '..', 'package.json'), 'utf8'));
    assert.deepEqual([...manifest.capabilities.untrustedWorkspaces.restrictedConfigurations].sort(), RESTRICTED_SETTINGS.map((k) => `vertexGenAi.${k}`).sort());
    for (const key of ['project', 'regions', 'emulator.project']) assert.ok(RESTRICTED_SETTINGS.includes(key), key);
  });

  it("takes project, regions and emulator.project from the user's settings only while the workspace is untrusted", () => {
    const inspected = { defaultValue: ['us-central1'], globalValue: ['europe-west4'] };
    assert.deepEqual(settingValue('regions', ['attacker.example#'], inspected, false), ['europe-west4']);
    assert.deepEqual(settingValue('regions', ['attacker.example#'], { defaultValue: ['us-central1'] }, false), ['us-central1']);
    assert.deepEqual(settingValue('regions', ['attacker.example#'], inspected, true), ['attacker.example#'], 'a trusted workspace chooses (and is still validated)');
    assert.equal(settingValue('project', 'their-project', { defaultValue: '' }, false), '');
    assert.equal(settingValue('emulator.project', 'their-project', { defaultValue: 'genai-demo' }, false), 'genai-demo');
    assert.equal(settingValue('pageSize', 7, { defaultValue: 50 }, false), 7, 'other settings still come from the workspace');
  });
});
