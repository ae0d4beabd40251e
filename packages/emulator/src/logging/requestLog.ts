// Request-response logging: every request an endpoint serves while its
// predictRequestResponseLoggingConfig is enabled becomes one row of a BigQuery table
// (sampled with a seeded draw per endpoint at `samplingRate`), as Vertex AI does.
//
// Contract (what monitoring and drift queries may rely on):
//   table     the config's bigqueryDestination.outputUri `bq://P.D.T`; `bq://P` alone means
//             `P.logging_<display_name>_<endpoint_id>.request_response_logging` (logDestination.ts)
//   columns   (requestLogSchema.ts)
//     endpoint            STRING    projects/<number>/locations/<region>/endpoints/<id>
//     deployed_model_id   STRING    the deployed model that served it (traffic split applied)
//     logging_time        TIMESTAMP when the answer was complete (back-dated by the traffic generator)
//     request_id          NUMERIC   random 18 digits
//     request_payload     STRING[]  predict / explain: one JSON instance per element;
//                                   rawPredict: the raw JSON body as one element
//     response_payload    STRING[]  predict / explain: one JSON prediction per element; rawPredict: the body
//     model, model_version STRING   projects/<number>/locations/<region>/models/<id>, version id
//     api_method          STRING    predict | explain | rawPredict | generateContent | streamGenerateContent
//     full_request        JSON      generateContent / streamGenerateContent: the request (enum names)
//     full_response       JSON      …the response (streams merged: texts joined, last usageMetadata);
//                                   on failure `{error: {code, message, status}}`
//     metadata            JSON      {request_latency: ms, status_code: HTTP status} on every row.
//                                   Google's table has no latency or status column; its `metadata`
//                                   JSON is where the generative schema keeps them, so the emulator
//                                   writes them there for every api_method.
//     otel_log            JSON      always NULL
// Failed requests that reached a deployed model are logged too (status_code ≥ 400).
import type { EmulatorState } from '../context';
import { bigQueryOf } from '../bigquery/bigQueryState';
import { hash32 } from '../ids';
import { seededRandom, type Random } from '../models/rng';
import type { JsonObject } from '../wireCodec';
import { logConfigOf, logTable } from './logDestination';

export type ApiMethod = 'predict' | 'explain' | 'rawPredict' | 'generateContent' | 'streamGenerateContent';

export interface ServedRequest {
  /** Canonical endpoint name. */
  endpoint: string;
  deployedModelId: string;
  model: string;
  modelVersionId: string;
  apiMethod: ApiMethod;
  /** The request message (or raw body) as JSON. */
  request: JsonObject;
  /** The answer as JSON; absent when the call failed. */
  response?: JsonObject;
  error?: { code: number; message: string; status: string };
  latencyMs: number;
  statusCode: number;
  /** When the answer completed. */
  at: Date;
}

const draws = new WeakMap<EmulatorState, Map<string, Random>>();

/** Writes the row when the endpoint logs and the sampling draw says so; never fails the request. */
export function logServedRequest(state: EmulatorState, served: ServedRequest): boolean {
  const endpoint = state.store.get(served.endpoint);
  const config = endpoint && logConfigOf(endpoint.data);
  if (!config) return false;
  const random = drawFor(state, served.endpoint);
  if (random() >= config.samplingRate) return false;
  const table = logTable(state, config);
  if (!table) return false;
  bigQueryOf(state).seedRows(table, [rowOf(served, random)]);
  return true;
}

function drawFor(state: EmulatorState, endpoint: string): Random {
  let byEndpoint = draws.get(state);
  if (!byEndpoint) draws.set(state, (byEndpoint = new Map()));
  let random = byEndpoint.get(endpoint);
  if (!random) byEndpoint.set(endpoint, (random = seededRandom(hash32(`${endpoint}:request-response-logging`))));
  return random;
}

function rowOf(s: ServedRequest, random: Random): Record<string, unknown> {
  const generative = s.apiMethod === 'generateContent' || s.apiMethod === 'streamGenerateContent';
  const response = s.response ?? (s.error ? { error: s.error } : undefined);
  return {
    endpoint: s.endpoint,
    deployed_model_id: s.deployedModelId,
    logging_time: s.at.toISOString(),
    request_id: `${1 + Math.floor(random() * 9)}${Array.from({ length: 17 }, () => Math.floor(random() * 10)).join('')}`,
    request_payload: generative ? [] : payloads(s.apiMethod, s.request, 'instances'),
    response_payload: generative || !response ? [] : payloads(s.apiMethod, response, s.apiMethod === 'explain' ? 'explanations' : 'predictions'),
    model: s.model,
    model_version: s.modelVersionId,
    api_method: s.apiMethod,
    full_request: generative ? s.request : null,
    full_response: generative ? (response ?? null) : null,
    metadata: { request_latency: Math.round(s.latencyMs), status_code: s.statusCode },
    otel_log: null,
  };
}

function payloads(method: ApiMethod, body: JsonObject, key: string): string[] {
  const list = body[key];
  if (method === 'rawPredict' || body.error || !Array.isArray(list)) return [JSON.stringify(body)];
  return list.map((item) => JSON.stringify(item));
}
