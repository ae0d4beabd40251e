// Rows of the demo's Vertex AI request-response logging table: 14 days of traffic to the
// demo endpoints, deterministic for a given "now". support-bot-prod is a tuned Gemini
// (generateContent: full_request / full_response JSON, v3 canary at 10% for its last two
// days), churn-scoring the tabular classifier (predict: request_payload / response_payload):
// its rows are the deployed classifiers' real answers to the traffic generator's unshifted
// inputs (the training distribution), so live traffic and drift baselines match the history.
// A daily rhythm, token-driven latency and an error burst three days ago.
// Guaranteed for any "now" (weekday, hour): support-bot-prod logs at least MIN_PER_HOUR
// requests an hour and every tenth of its last two days goes to the v3 canary, so any
// 24 hours of the canary hold at least 11 rows (22 whole hours × 5 / 10) — enough for
// the monitoring tests and the demo's 24-hour canary view.
import type { FraudFeatures } from '../models/fraudData';
import { seededRandom, type Random } from '../models/rng';
import { tabularInstance } from '../traffic/trafficInputs';
import { DEMO_IDS, US } from './demoIds';
import { SUPPORT_CONVERSATIONS } from './demoSupportChat';


const DAYS = 14;
const HOUR = 3_600_000;
const SUPPORT_BOT_PER_HOUR = 9;
const MIN_PER_HOUR = 5;
const CANARY_EVERY = 10;

/** The fraud probability the classifier deployed as version `versionId` of the churn model gives. */
export type Score = (versionId: '1' | '2', instance: FraudFeatures) => number;

export function requestLogRows(now: Date, score: Score): Record<string, unknown>[] {
  const random = seededRandom(20_240_611);
  const rows: Record<string, unknown>[] = [];
  const start = now.getTime() - DAYS * 24 * HOUR;
  const canary = { served: 0 };
  for (let hourStart = start; hourStart < now.getTime(); hourStart += HOUR) {
    const hour = new Date(hourStart).getUTCHours();
    const weekday = new Date(hourStart).getUTCDay();
    // Busy in (European) office hours, quieter at night and on weekends.
    const rhythm = (0.35 + Math.max(0, Math.sin(((hour - 6) / 24) * 2 * Math.PI))) * (weekday === 0 || weekday === 6 ? 0.6 : 1);
    const incident = now.getTime() - hourStart > 3 * 24 * HOUR && now.getTime() - hourStart <= 3 * 24 * HOUR + 2 * HOUR;
    for (let i = 0, n = Math.max(MIN_PER_HOUR, poisson(random, SUPPORT_BOT_PER_HOUR * rhythm)); i < n; i++) rows.push(geminiRow(random, hourStart + random() * HOUR, now, incident, canary));
    for (let i = 0, n = poisson(random, 4 * rhythm); i < n; i++) rows.push(churnRow(random, hourStart + random() * HOUR, now, score));
  }
  return rows.filter((r) => (r.logging_time as string) <= now.toISOString()).sort((a, b) => String(a.logging_time).localeCompare(String(b.logging_time)));
}

/** The traffic split's 10 % as a count (every tenth request), not a draw: the canary's share never runs thin. */
function geminiRow(random: Random, at: number, now: Date, incident: boolean, split: { served: number }): Record<string, unknown> {
  const canary = now.getTime() - at < 2 * 24 * HOUR && ++split.served % CANARY_EVERY === 0;
  const version = canary ? '3' : '2';
  const conversation = SUPPORT_CONVERSATIONS[Math.floor(random() * SUPPORT_CONVERSATIONS.length)];
  const turn = conversation.turns[0];
  const promptTokens = 48 + tokens(turn.user);
  const answerTokens = tokens(turn.model) + Math.floor(random() * 12);
  const latency = Math.round((280 + 11 * answerTokens) * (canary ? 0.85 : 1) * Math.exp(0.25 * gaussian(random)));
  const failure = random() < (incident ? 0.3 : 0.015) ? (random() < 0.75 ? 429 : 500) : 0;
  const fullResponse = failure
    ? { error: failure === 429 ? { code: 429, message: 'Resource exhausted. Please try again later.', status: 'RESOURCE_EXHAUSTED' } : { code: 500, message: 'Internal error encountered.', status: 'INTERNAL' } }
    : {
        candidates: [{ content: { role: 'model', parts: [{ text: turn.model }] }, finishReason: 'STOP', avgLogprobs: -0.2 - random() * 0.3 }],
        usageMetadata: { promptTokenCount: promptTokens, candidatesTokenCount: answerTokens, totalTokenCount: promptTokens + answerTokens },
        modelVersion: `support-bot@${version}`,
      };
  return {
    endpoint: `${US}/endpoints/${DEMO_IDS.endpoints.supportBotProd}`,
    deployed_model_id: canary ? DEMO_IDS.deployedModels.supportBotV3 : DEMO_IDS.deployedModels.supportBotV2,
    logging_time: new Date(at + (failure ? 40 : latency)).toISOString(),
    request_id: requestId(random),
    request_payload: [],
    response_payload: [],
    model: `${US}/models/${DEMO_IDS.models.supportBot}`,
    model_version: version,
    api_method: 'generateContent',
    full_request: { contents: [{ role: 'user', parts: [{ text: turn.user }] }], generationConfig: { temperature: 0.2, maxOutputTokens: 512 } },
    full_response: fullResponse,
    metadata: { request_latency: failure ? 40 : latency, status_code: failure || 200 },
    otel_log: null,
  };
}

function churnRow(random: Random, at: number, now: Date, score: Score): Record<string, unknown> {
  // v2 was deployed six days ago with 30% of the traffic.
  const v2 = now.getTime() - at < 6 * 24 * HOUR && random() < 0.3;
  const instance = tabularInstance(random, 0);
  const p = score(v2 ? '2' : '1', instance);
  const latency = Math.round(35 * Math.exp(0.3 * gaussian(random)));
  return {
    endpoint: `${US}/endpoints/${DEMO_IDS.endpoints.churnScoring}`,
    deployed_model_id: v2 ? DEMO_IDS.deployedModels.churnV2 : DEMO_IDS.deployedModels.churnV1,
    logging_time: new Date(at + latency).toISOString(),
    request_id: requestId(random),
    request_payload: [JSON.stringify(instance)],
    response_payload: [JSON.stringify({ classes: ['0', '1'], scores: [1 - p, p] })],
    model: `${US}/models/${DEMO_IDS.models.churnClassifier}`,
    model_version: v2 ? '2' : '1',
    api_method: 'predict',
    full_request: null,
    full_response: null,
    metadata: { request_latency: latency, status_code: 200 },
    otel_log: null,
  };
}

const tokenCounts = new Map<string, number>();

/** Roughly what a SentencePiece tokenizer gives for English: 1.3 tokens a word (counted once per text). */
function tokens(text: string): number {
  let n = tokenCounts.get(text);
  if (n === undefined) tokenCounts.set(text, (n = Math.round(text.split(/\s+/).length * 1.3)));
  return n;
}

function requestId(random: Random): string {
  let id = String(1 + Math.floor(random() * 9));
  for (let i = 0; i < 17; i++) id += Math.floor(random() * 10);
  return id;
}

function poisson(random: Random, mean: number): number {
  let [k, p] = [0, random()];
  const limit = Math.exp(-mean);
  while (p > limit) {
    k++;
    p *= random();
  }
  return k;
}

function gaussian(random: Random): number {
  return Math.sqrt(-2 * Math.log(Math.max(random(), 1e-12))) * Math.cos(2 * Math.PI * random());
}
