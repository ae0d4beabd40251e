// The traffic generator: sends generated inputs to an endpoint through the emulator's own
// serving path (route matching, request validation, the prediction handlers), so requests
// are routed by the traffic split and logged like any other. `shift` (0–1) moves the
// input distribution (trafficInputs.ts); `days` back-dates the logged times, spread evenly
// with jitter over the last N days, so a history can be made in seconds.
// Admin route: POST /_emulator/traffic {endpoint, requests, shift?, days?, seed?}; CLI:
// --traffic endpoint=ID,requests=N,shift=S,days=D (repeatable, run once listening).
import type { IncomingMessage } from 'node:http';
import type { EmulatorState, HttpResult } from '../context';
import { ApiError, invalidArgument, invalidFields, notFound, type FieldViolation } from '../googleError';
import { readJsonBody } from '../httpIo';
import { atLogTime } from '../logging/servedRequests';
import { backingOf } from '../models/modelBacking';
import { seededRandom } from '../models/rng';
import type { JsonObject } from '../wireCodec';
import { tabularInstance, textPrompt } from './trafficInputs';

export const TRAFFIC_PATH = '/_emulator/traffic';
const MAX_REQUESTS = 20_000;
const DAY = 86_400_000;

export interface TrafficSpec {
  /** `projects/P/locations/L/endpoints/ID` or just the endpoint id. */
  endpoint: string;
  requests: number;
  shift: number;
  days: number;
  seed: number;
}

export interface TrafficReport {
  endpoint: string;
  method: 'predict' | 'generateContent' | 'rawPredict';
  sent: number;
  failed: number;
  byDeployedModel: Record<string, number>;
}

/** One request through the serving path, as the server would run it (no auth, no faults). */
export type Serve = (verb: string, path: string, body: unknown) => Promise<HttpResult>;

export function parseTrafficSpec(input: unknown): TrafficSpec {
  const raw = (input ?? {}) as JsonObject;
  const violations: FieldViolation[] = [];
  const num = (field: string, fallback: number, ok: (n: number) => boolean, rule: string) => {
    const value = raw[field] === undefined ? fallback : Number(raw[field]);
    if (!ok(value)) violations.push({ field, description: `${field} must be ${rule}, got ${JSON.stringify(raw[field])}.` });
    return value;
  };
  if (typeof raw.endpoint !== 'string' || !raw.endpoint) violations.push({ field: 'endpoint', description: 'endpoint must name an endpoint (full name or id).' });
  const spec: TrafficSpec = {
    endpoint: String(raw.endpoint ?? ''),
    requests: num('requests', 100, (n) => Number.isInteger(n) && n > 0 && n <= MAX_REQUESTS, `an integer from 1 to ${MAX_REQUESTS}`),
    shift: num('shift', 0, (n) => n >= 0 && n <= 1, 'a number from 0 to 1'),
    days: num('days', 0, (n) => n >= 0 && n <= 365, 'a number of days from 0 to 365'),
    seed: num('seed', 1, Number.isInteger, 'an integer'),
  };
  if (violations.length) throw invalidFields(violations);
  return spec;
}

/** `endpoint=ID,requests=N,shift=S,days=D,seed=K` (the CLI form). */
export function parseTrafficFlag(flag: string): TrafficSpec {
  return parseTrafficSpec(Object.fromEntries(flag.split(',').map((pair) => pair.split('=').map((s) => s.trim()))));
}

export async function runTraffic(state: EmulatorState, serve: Serve, spec: TrafficSpec): Promise<TrafficReport> {
  const endpoint = resolveEndpoint(state, spec.endpoint);
  const method = methodFor(state, endpoint);
  const random = seededRandom(spec.seed);
  const report: TrafficReport = { endpoint: String(endpoint.name), method, sent: 0, failed: 0, byDeployedModel: {} };
  const end = state.now().getTime();
  for (let i = 0; i < spec.requests; i++) {
    const { path, body } = requestFor(method, String(endpoint.name), random, spec.shift);
    const send = () => serve('POST', path, body).then(drain);
    let answer: JsonObject | undefined;
    try {
      answer = spec.days > 0 ? await atLogTime(new Date(end - spec.days * DAY * (1 - (i + random()) / spec.requests)), send) : await send();
    } catch {
      report.failed++;
    }
    report.sent++;
    const deployed = answer?.deployedModelId;
    if (typeof deployed === 'string') report.byDeployedModel[deployed] = (report.byDeployedModel[deployed] ?? 0) + 1;
  }
  return report;
}

/** POST /_emulator/traffic: runs the spec and answers with its report. */
export async function trafficAdmin(req: IncomingMessage, state: EmulatorState, serve: Serve): Promise<HttpResult> {
  if (req.method !== 'POST') throw new ApiError('INVALID_ARGUMENT', `Use POST on ${TRAFFIC_PATH} with {endpoint, requests, shift, days}.`);
  return { body: await runTraffic(state, serve, parseTrafficSpec(await readJsonBody(req))) };
}

function resolveEndpoint(state: EmulatorState, requested: string): JsonObject {
  if (requested.includes('/')) {
    const name = state.names.canonical(requested, 'endpoint');
    const found = state.store.get(name);
    if (!found) throw notFound('Endpoint', name);
    return found.data;
  }
  for (const project of state.projects.list()) {
    for (const location of ['us-central1', 'europe-west4']) {
      const found = state.store.get(`projects/${project.projectNumber}/locations/${location}/endpoints/${requested}`);
      if (found) return found.data;
    }
  }
  throw invalidArgument(`No endpoint with id ${requested}; give its full name projects/P/locations/L/endpoints/ID.`, 'endpoint');
}

/** predict for the tabular classifier; rawPredict for open models in a serving container; generateContent otherwise. */
function methodFor(state: EmulatorState, endpoint: JsonObject): TrafficReport['method'] {
  const deployed = ((endpoint.deployedModels as JsonObject[] | undefined) ?? [])[0];
  if (!deployed) throw invalidArgument(`Endpoint ${String(endpoint.name)} has no deployed model to send traffic to.`, 'endpoint');
  const version = state.store.get(`${String(deployed.model)}@${String(deployed.modelVersionId)}`);
  if (!version) throw invalidArgument(`The model deployed on ${String(endpoint.name)} no longer exists.`, 'endpoint');
  if (backingOf(state, version.data).kind === 'tabular') return 'predict';
  return (version.data.containerSpec as JsonObject | undefined)?.imageUri ? 'rawPredict' : 'generateContent';
}

function requestFor(method: TrafficReport['method'], endpoint: string, random: () => number, shift: number): { path: string; body: JsonObject } {
  if (method === 'predict') return { path: `/v1/${endpoint}:predict`, body: { instances: [tabularInstance(random, shift)] } };
  const prompt = textPrompt(random, shift);
  const seed = Math.floor(random() * 2 ** 31);
  if (method === 'rawPredict') return { path: `/v1/${endpoint}:rawPredict`, body: { messages: [{ role: 'user', content: prompt }], max_tokens: 48, seed } };
  return { path: `/v1/${endpoint}:generateContent`, body: { contents: [{ role: 'user', parts: [{ text: prompt }] }], generationConfig: { maxOutputTokens: 48, temperature: 0.7, seed } } };
}

/** The answer, streams read to the end (that is when they are logged). */
async function drain(result: HttpResult): Promise<JsonObject> {
  if (result.stream) for await (const _ of result.stream);
  if ((result.status ?? 200) >= 400) throw new Error(`status ${String(result.status)}`);
  return (result.body ?? {}) as JsonObject;
}
