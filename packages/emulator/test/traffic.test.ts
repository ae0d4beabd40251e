import * as assert from 'node:assert/strict';
import { EndpointServiceClient } from '@google-cloud/aiplatform/build/src/v1/endpoint_service_client';
import { BigQuery } from '@google-cloud/bigquery';
import { OAuth2Client } from 'google-auth-library';
import { DEMO_IDS } from '../src/seeds/demoIds';
import { parseTrafficFlag } from '../src/traffic/trafficGenerator';
import { US_PARENT, useEmulator } from './emulatorHarness';
import { testNow } from './testClock';

const CHURN = `${US_PARENT}/endpoints/${DEMO_IDS.endpoints.churnScoring}`;
const SUPPORT_BOT = `${US_PARENT}/endpoints/${DEMO_IDS.endpoints.supportBotProd}`;
const D = DEMO_IDS.deployedModels;
const DAY = 86_400_000;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('emulator: traffic generator', function () {
  this.timeout(120_000);
  const h = useEmulator({ tokenDelayMs: 0 });
  let endpoints: EndpointServiceClient;
  let bq: BigQuery;
  before(() => {
    endpoints = new EndpointServiceClient(h.clientOptions());
    const authClient = new OAuth2Client();
    authClient.setCredentials({ access_token: 'emulator', expiry_date: Date.now() + 3_600_000 });
    bq = new BigQuery({ apiEndpoint: h.emulator.url, projectId: 'genai-demo', authClient });
  });
  after(() => endpoints.close());
  const logTo = (endpoint: string, outputUri: string) =>
    endpoints.updateEndpoint({ endpoint: { name: endpoint, predictRequestResponseLoggingConfig: { enabled: true, samplingRate: 1, bigqueryDestination: { outputUri } } }, updateMask: { paths: ['predict_request_response_logging_config'] } });
  const traffic = async (spec: Record<string, unknown>) => {
    const response = await h.fetch('/_emulator/traffic', { method: 'POST', body: JSON.stringify(spec) });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> & { byDeployedModel: Record<string, number>; sent: number; failed: number } };
  };
  const rows = async (table: string) =>
    (await bq.query({ query: `SELECT logging_time, request_payload, full_request, deployed_model_id FROM \`genai-demo.${table}\` ORDER BY logging_time` }))[0] as {
      logging_time: { value: string };
      request_payload: string[];
      full_request: string | null;
      deployed_model_id: string;
    }[];

  it('sends tabular traffic through the traffic split, back-dated over N days, and a shift moves the logged inputs', async () => {
    await logTo(CHURN, 'bq://genai-demo.traffic_test.churn');
    const baseline = await traffic({ endpoint: CHURN, requests: 300, shift: 0, days: 7, seed: 1 });
    assert.equal(baseline.status, 200);
    assert.equal(baseline.body.sent, 300);
    assert.equal(baseline.body.failed, 0);
    const v1 = baseline.body.byDeployedModel[D.churnV1];
    assert.ok(v1 > 180 && v1 < 240, `${v1} of 300 routed to v1 at a 70/30 split`);
    const shifted = await traffic({ endpoint: DEMO_IDS.endpoints.churnScoring, requests: 300, shift: 1, seed: 2 });
    assert.equal(shifted.body.sent, 300);

    const logged = await rows('traffic_test.churn');
    assert.equal(logged.length, 600);
    const times = logged.map((r) => Date.parse(r.logging_time.value));
    const now = testNow();
    assert.ok(times[0] >= now - 7 * DAY - 60_000 && times[0] < now - 6 * DAY, 'the oldest back-dated row is about 7 days old');
    // Ordered by time: the back-dated baseline first, then the shifted requests sent now.
    const inputs = logged.map((r) => JSON.parse(r.request_payload[0]) as { amount: number; merchant_category: string });
    const [old, recent] = [inputs.slice(0, 300), inputs.slice(300)];
    assert.ok(times[299] < times[300] && times[300] >= now - 60_000);
    const risky = (xs: typeof old) => xs.filter((x) => ['online_retail', 'electronics', 'jewelry', 'travel'].includes(x.merchant_category)).length / xs.length;
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    assert.ok(median(recent.map((x) => x.amount)) > 2.5 * median(old.map((x) => x.amount)), 'amounts grow about e^1.3 times');
    assert.ok(risky(recent) > risky(old) + 0.3, `risky merchant share ${risky(old).toFixed(2)} → ${risky(recent).toFixed(2)}`);
  });

  it('sends prompts to a Gemini endpoint; shifted prompts are longer and in other languages', async () => {
    await logTo(SUPPORT_BOT, 'bq://genai-demo.traffic_test.support');
    await traffic({ endpoint: SUPPORT_BOT, requests: 40, shift: 0, seed: 3 });
    await traffic({ endpoint: SUPPORT_BOT, requests: 40, shift: 1, seed: 4 });
    const logged = await rows('traffic_test.support');
    assert.equal(logged.length, 80);
    const prompts = logged.map((r) => String((JSON.parse(String(r.full_request)) as { contents: { parts: { text: string }[] }[] }).contents[0].parts[0].text));
    const words = (p: string) => p.split(/\s+/).length;
    const nonEnglish = (xs: string[]) => xs.filter((p) => /[¿¡äöüßéèàçñ]|\b(mijn|il mio|je|ich|wo|quiero)\b/i.test(p)).length;
    assert.ok(mean(prompts.slice(40).map(words)) > 1.8 * mean(prompts.slice(0, 40).map(words)), 'shifted prompts are longer');
    assert.equal(nonEnglish(prompts.slice(0, 40)), 0);
    assert.ok(nonEnglish(prompts.slice(40)) >= 12, `${nonEnglish(prompts.slice(40))} of 40 shifted prompts not in English`);
  });

  it('rejects a bad spec with the field and rule, before sending anything', async () => {
    const { status, body } = await traffic({ endpoint: CHURN, requests: 0, shift: 2 });
    assert.equal(status, 400);
    const violations = ((body.error as { details: { fieldViolations?: { field: string; description: string }[] }[] }).details.find((d) => d.fieldViolations)?.fieldViolations ?? []).map((v) => v.field);
    assert.deepEqual(violations.sort(), ['requests', 'shift']);
  });

  it('reads the CLI form of a spec', () => {
    assert.deepEqual(parseTrafficFlag(`endpoint=${DEMO_IDS.endpoints.churnScoring},requests=50,shift=0.4,days=14`), { endpoint: DEMO_IDS.endpoints.churnScoring, requests: 50, shift: 0.4, days: 14, seed: 1 });
  });
});
