import * as assert from 'node:assert/strict';
import { NotSignedInError, parseError } from '../../../src/vertex/parseError';

// Errors shaped as google-gax builds them from Google's REST error bodies.
function googleError(code: number, message: string, statusDetails: unknown[] = [], extra: object = {}) {
  return Object.assign(new Error(message), { code, statusDetails, ...extra });
}

describe('parseError', () => {
  it('tells a person without credentials how to sign in', () => {
    for (const error of [
      new NotSignedInError(),
      new Error('Could not load the default credentials. Browse to https://cloud.google.com/docs/authentication/getting-started for more information.'),
      googleError(16, 'Request had invalid authentication credentials.'),
    ]) {
      const parsed = parseError(error);
      assert.equal(parsed.code, 'UNAUTHENTICATED');
      assert.equal(parsed.action, 'signIn');
      assert.match(parsed.message, /^Not signed in to Google Cloud: run `gcloud auth application-default login`/);
    }
  });

  it('tells a person whose sign-in was revoked to sign in again', () => {
    const revoked = Object.assign(new Error('invalid_grant'), { response: { status: 400, data: { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' } } });
    const parsed = parseError(revoked);
    assert.equal(parsed.action, 'signIn');
    assert.match(parsed.message, /^Your Google Cloud sign-in expired or was revoked: sign in again/);
  });

  it('names the proxy and certificate settings for proxy and TLS failures', () => {
    for (const [error, code] of [
      [Object.assign(new Error('request to https://us-central1-aiplatform.googleapis.com failed, reason: self-signed certificate in certificate chain'), { code: 'SELF_SIGNED_CERT_IN_CHAIN' }), 'SELF_SIGNED_CERT_IN_CHAIN'],
      [Object.assign(new TypeError('fetch failed'), { cause: { code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' } }), 'UNABLE_TO_VERIFY_LEAF_SIGNATURE'],
      [new Error('read ECONNRESET'), 'ECONNRESET'],
      [Object.assign(new Error('connect ETIMEDOUT 142.250.1.95:443'), { code: 'ETIMEDOUT' }), 'ETIMEDOUT'],
    ] as const) {
      const parsed = parseError(error);
      assert.equal(parsed.action, 'networkSettings');
      assert.equal(
        parsed.message,
        `Could not reach Google Cloud (${code}): check VS Code's \`http.proxy\` and \`http.proxyStrictSSL\` settings, and for a corporate certificate start VS Code with \`NODE_EXTRA_CA_CERTS\` naming it.`,
      );
    }
  });

  it('names the missing permission from ErrorInfo metadata or from the message', () => {
    const viaInfo = parseError(
      googleError(7, "Permission denied on resource project genai-demo.", [], {
        errorInfoMetadata: { permission: 'aiplatform.endpoints.list', resource: 'projects/genai-demo' },
      }),
    );
    assert.equal(viaInfo.code, 'PERMISSION_DENIED');
    assert.match(viaInfo.message, /lacks `aiplatform\.endpoints\.list`/);
    const viaMessage = parseError(googleError(7, "Permission 'aiplatform.models.upload' denied on resource '//aiplatform.googleapis.com/projects/p'"));
    assert.match(viaMessage.message, /`aiplatform\.models\.upload`/);
  });

  it('names the quota from a QuotaFailure', () => {
    const parsed = parseError(
      googleError(8, 'Quota exceeded.', [
        {
          violations: [
            {
              subject: 'project:genai-demo',
              description: 'The following quota metrics exceed quota limits: aiplatform.googleapis.com/custom_model_serving_nvidia_a100_gpus',
              quotaMetric: 'aiplatform.googleapis.com/custom_model_serving_nvidia_a100_gpus',
            },
          ],
        },
      ]),
    );
    assert.equal(parsed.code, 'RESOURCE_EXHAUSTED');
    assert.match(parsed.message, /^Quota exceeded: .*custom_model_serving_nvidia_a100_gpus/);
  });

  it('lists every field violation of a BadRequest', () => {
    const parsed = parseError(
      googleError(3, 'List of found errors: 1.Field: endpoint.display_name; Message: Required field is not set.', [
        { fieldViolations: [{ field: 'endpoint.display_name', description: 'Required field is not set.' }, { field: 'page_size', description: 'must be positive' }] },
      ]),
    );
    // One full stop at the end, none before the ";" joining the violations.
    assert.equal(parsed.message, 'The request was rejected: endpoint.display_name: Required field is not set; page_size: must be positive.');
  });

  it('names the resource that was not found', () => {
    const parsed = parseError(googleError(5, 'Endpoint `projects/genai-demo/locations/us-central1/endpoints/42` not found.'));
    assert.equal(parsed.code, 'NOT_FOUND');
    assert.match(parsed.message, /^Not found: projects\/genai-demo\/locations\/us-central1\/endpoints\/42 does not exist/);
  });

  it('maps BigQuery-style HTTP statuses and unreachable hosts', () => {
    assert.equal(parseError(Object.assign(new Error('Not found: Dataset genai-demo:logs'), { code: 404 })).code, 'NOT_FOUND');
    const refused = parseError(Object.assign(new Error('request to http://127.0.0.1:9/v1/x failed, reason: connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }));
    assert.equal(refused.code, 'UNAVAILABLE');
    assert.match(refused.message, /Could not reach 127\.0\.0\.1:9/);
  });

  it('always answers with one sentence, even for odd input', () => {
    for (const odd of [undefined, null, 'boom', 42, {}]) {
      const { message } = parseError(odd);
      assert.ok(message.length > 0 && /[.!?]$/.test(message), `not a sentence: ${message}`);
    }
  });
});
