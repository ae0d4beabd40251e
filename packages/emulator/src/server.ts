// The emulator's HTTP server: applies injected faults, matches a route (hand-written
// ones first: operations, locations, Resource Manager, BigQuery, Storage, raw predict;
// then the routes derived from the protos), checks the bearer token, builds the request
// message, and runs an override, the generic handler for the method's shape, or answers
// UNIMPLEMENTED naming the method. With a data dir, changes are journaled before answering.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CustomRoute, EmulatorState, HttpResult, MethodHandler } from './context';
import { genericHandler } from './handlers/generic';
import { locationRoutes } from './handlers/locations';
import { modelHandlers } from './handlers/models';
import { generateHandlers } from './handlers/predictionGenerate';
import { predictHandlers } from './handlers/predictionPredict';
import { predictionRoutes } from './handlers/predictionRawPredict';
import { tuningHandlers } from './handlers/tuningHandlers';
import { ModelRegistry } from './models/modelRegistry';
import { endpointHandlers } from './handlers/endpoints';
import { customJobHandlers } from './handlers/customJobs';
import { hyperparameterTuningHandlers } from './handlers/hyperparameterTuning';
import { tensorboardHandlers } from './handlers/tensorboard';
import { monitoringHandlers } from './handlers/monitoring';
import { createComputeState } from './compute/computeState';
import type { QuotaOverride } from '@vertex-genai-ops/catalog/quotas';
import { resourceManagerRoutes } from './handlers/resourceManager';
import { oauthTokenRoutes } from './handlers/oauthToken';
import { bigQueryRoutes } from './bigquery/bigQueryRoutes';
import { storageRoutes } from './storage/storageRoutes';
import { readBytes, sendBytes } from './storage/httpBytes';
import { readJsonBody, sendJson } from './httpIo';
import { IdGenerator } from './ids';
import { operationRoutes } from './operationRoutes';
import { ProjectRegistry } from './projects';
import { loadSchema } from './protoSchema';
import { ApiError, toApiError, unauthenticated, unimplemented, urlNotFound } from './googleError';
import { requestRefusal } from './requestOrigin';
import { BigQueryError } from './bigquery/bigQueryError';
import { BIGQUERY_SERVICE } from './bigquery/datasetRoutes';
import { StorageError } from './storage/storageError';
import { STORAGE_SERVICE } from './storage/storageRoute';
import { buildRequest } from './requestMessage';
import { ResourceNames } from './resourceNames';
import { RouteTable, deriveProtoRoutes, type ProtoRoute, type RouteMatch } from './routes';
import { applySeed } from './seeds/loadSeed';
import { ResourceStore } from './store';
import { WireCodec } from './wireCodec';
import { headersOf } from './faults/faultErrors';
import { ConnectionReset, FAULTS_PATH, applyFaults, faultAdmin, runFaulted } from './faults/faultGate';
import { FaultInjector } from './faults/faultInjector';
import { FaultAwareOperationStore } from './faults/operationFaults';
import { DurableState } from './persistence/durableState';
import { persistState } from './persistence/persistState';
import { TRAFFIC_PATH, runTraffic, trafficAdmin, type TrafficSpec } from './traffic/trafficGenerator';

export interface EmulatorOptions {
  /** 0 or omitted: any free port. */
  port?: number;
  /** Loopback only: the emulator accepts any token, so it must not be reachable from elsewhere. */
  host?: string;
  /** 'demo' (default), 'empty' or 'scale:N'. */
  seed?: string;
  /** How long LROs stay pending before they finish (default 1000 ms). */
  operationDelayMs?: number;
  /** Pause between the chunks of a streamed answer (default 20 ms; tests use 0–2). */
  tokenDelayMs?: number;
  /** Clock for timestamps; tests pin it. */
  now?: () => Date;
  /** One line per request, when set. */
  log?: (line: string) => void;
  /** Accelerator quota overrides per region (catalog/quotas.ts; --quota on the CLI). */
  quotas?: QuotaOverride[];
  /** How long a job created through the API runs (default 60 000 ms); it queues for a fifth of that. */
  jobDurationMs?: number;
  /** Fault specs (syntax in faults/faultSpec.ts); POST /_emulator/faults changes them while running. */
  faults?: readonly string[];
  /** Seed of the fault draws (default 0): same seed and requests, same faults. */
  faultSeed?: number;
  /** Keeps state here across restarts and crashes (journal + snapshot); in memory when unset. */
  dataDir?: string;
  /** BigQuery queries running longer are stopped (default 300 000 ms; --max-query-ms on the CLI). */
  maxQueryMs?: number;
  /** Traffic generated once listening (traffic/trafficGenerator.ts; --traffic on the CLI); ready waits for it. */
  traffic?: TrafficSpec[];
}

export interface RunningEmulator {
  url: string;
  port: number;
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const host = options.host ?? '127.0.0.1';
  if (!LOOPBACK.has(host)) throw new Error(`Refusing to listen on ${host}: the emulator has no authentication; use a loopback address.`);
  const state = createState(options);
  const dispatcher = new Dispatcher(state, options.log);
  // handle() answers every error itself; a failure while answering means the socket is gone.
  const server = createServer((req, res) => void dispatcher.handle(req, res).catch(() => res.destroy()));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  dispatcher.port = port;
  for (const spec of options.traffic ?? []) await runTraffic(state, (verb, path, body) => dispatcher.serve(verb, path, body), spec);
  const urlHost = host === '::1' ? '[::1]' : host === 'localhost' ? '127.0.0.1' : host;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        state.operations.close();
        server.close(() => {
          state.durable?.close();
          void Promise.resolve(state.bigquery?.close()).finally(resolve);
        });
        server.closeAllConnections();
      }),
  };
}

export function createState(options: Pick<EmulatorOptions, 'seed' | 'operationDelayMs' | 'tokenDelayMs' | 'now' | 'faults' | 'faultSeed' | 'dataDir' | 'quotas' | 'jobDurationMs' | 'maxQueryMs'> = {}): EmulatorState {
  const schema = loadSchema();
  const now = options.now ?? (() => new Date());
  const ids = new IdGenerator();
  const projects = new ProjectRegistry();
  const hasGenericMetadata = (type: string) => schema.message(type)?.fields.has('genericMetadata') ?? false;
  const state: EmulatorState = {
    schema,
    codec: new WireCodec(schema),
    store: new ResourceStore(),
    operations: new FaultAwareOperationStore(ids, now, hasGenericMetadata, options.operationDelayMs ?? 1000),
    projects,
    names: new ResourceNames(schema, projects),
    ids,
    now,
    seed: options.seed ?? 'demo',
    faults: new FaultInjector(options.faults ?? [], options.faultSeed ?? 0),
    models: new ModelRegistry({ tokenDelayMs: options.tokenDelayMs }),
    compute: createComputeState(options),
    maxQueryMs: options.maxQueryMs,
  };
  if (options.dataDir) {
    const durable = new DurableState(options.dataDir, state.seed);
    state.durable = durable;
    state.seed = durable.seed;
    persistState(state, durable, () => applySeed(state, state.seed));
  } else applySeed(state, state.seed);
  return state;
}

/** Per-method overrides, keyed "Service.Method" so v1 and v1beta1 share them. */
const OVERRIDES: Record<string, MethodHandler> = { ...modelHandlers, ...endpointHandlers, ...customJobHandlers, ...hyperparameterTuningHandlers, ...tensorboardHandlers, ...monitoringHandlers, ...generateHandlers, ...predictHandlers, ...tuningHandlers };

class Dispatcher {
  private readonly custom = new RouteTable<CustomRoute>([...operationRoutes(), ...locationRoutes(), ...resourceManagerRoutes(), ...oauthTokenRoutes(), ...predictionRoutes(), ...bigQueryRoutes(), ...storageRoutes()]);
  private readonly proto: RouteTable<ProtoRoute>;
  private readonly handlers = new Map<ProtoRoute, MethodHandler | undefined>();
  /** The port listened on: requests must name it in Host (requestOrigin.ts). */
  port = 0;

  constructor(
    private readonly state: EmulatorState,
    private readonly log?: (line: string) => void,
  ) {
    this.proto = new RouteTable(deriveProtoRoutes(state.schema));
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = Date.now();
    const rawUrl = req.url ?? '/';
    const queryAt = rawUrl.indexOf('?');
    const rawPath = queryAt < 0 ? rawUrl : rawUrl.slice(0, queryAt);
    const query = new URLSearchParams(queryAt < 0 ? '' : rawUrl.slice(queryAt + 1));
    const alt = query.get('$alt') ?? query.get('alt') ?? '';
    const enumsAsInt = alt.includes('enum-encoding=int');
    const pretty = (query.get('$prettyPrint') ?? query.get('prettyPrint')) !== '0' && query.get('prettyPrint') !== 'false';
    let status = 200;
    try {
      const refused = requestRefusal(req.headers, this.port);
      if (refused) throw refused;
      const run = () => this.route(req, res, rawPath, query, enumsAsInt);
      const durable = this.state.durable;
      const result = await (durable ? durable.request(req.method !== 'GET', run) : run());
      status = result.status ?? 200;
      // 499 (nginx's "client closed request") in the log: the caller hung up mid-stream.
      if (result.stream && !(await sendJsonArray(res, status, result.stream))) status = 499;
      else if (result.raw) sendBytes(res, status, result.raw);
      else sendJson(res, status, result.body, pretty, result.headers);
    } catch (err) {
      if (err instanceof ConnectionReset) {
        status = 0;
        req.socket.destroy();
        return;
      }
      const error = toApiError(err);
      status = error.httpStatus;
      const headers: Record<string, string> = error.status === 'UNAUTHENTICATED' ? { 'WWW-Authenticate': 'Bearer realm="https://accounts.google.com/"', ...headersOf(err) } : headersOf(err);
      if (!res.headersSent) sendJson(res, status, error.toBody(), pretty, headers);
    } finally {
      this.log?.(`${req.method} ${rawPath} ${status} ${Date.now() - started}ms`);
    }
  }

  private async route(req: IncomingMessage, res: ServerResponse, rawPath: string, query: URLSearchParams, enumsAsInt: boolean) {
    const verb = req.method ?? 'GET';
    if (verb === 'GET' && rawPath === '/_emulator/info') {
      return { body: { emulator: 'vertex-genai', seed: this.state.seed, projects: this.state.projects.list() } };
    }
    if (rawPath === FAULTS_PATH && this.state.faults) return faultAdmin(req, this.state.faults);
    if (rawPath === TRAFFIC_PATH) return trafficAdmin(req, this.state, (v, path, body) => this.serve(v, path, body));
    const custom = this.custom.match(verb, rawPath);
    const proto = custom ? undefined : this.proto.match(verb, rawPath);
    const match: RouteMatch<CustomRoute> | RouteMatch<ProtoRoute> | undefined = custom ?? proto;
    const fault = await applyFaults(this.state.faults, { verb, path: rawPath, method: match && methodNameOf(match.route) });
    if (!match) throw urlNotFound(rawPath);
    const methodName = methodNameOf(match.route);
    if (!custom?.route.anonymous && !/^Bearer\s+\S+/i.test(req.headers.authorization ?? '')) {
      throw unauthenticated(methodName, match.route.kind === 'custom' ? match.route.service : undefined);
    }
    const body = custom?.route.rawBody ? await readBytes(req) : await readJsonBody(req).catch((err: unknown) => Promise.reject(inServiceShape(err, custom?.route.service)));
    if (custom) return runFaulted(fault, res, () => custom.route.handle({ vars: custom.vars, query, body, state: this.state, enumsAsInt, headers: req.headers }));
    const protoMatch = proto as RouteMatch<ProtoRoute>;
    const request = this.request(protoMatch, query, body);
    const handler = this.handlerFor(protoMatch.route);
    if (!handler) throw unimplemented(methodName);
    return runFaulted(fault, res, () => handler({ state: this.state, route: protoMatch.route, request, enumsAsInt }));
  }

  /** One request through routing, request validation and the handler, in process (no auth, no faults): the traffic generator's path. */
  async serve(verb: string, path: string, body: unknown): Promise<HttpResult> {
    const query = new URLSearchParams();
    const custom = this.custom.match(verb, path);
    if (custom) return custom.route.handle({ vars: custom.vars, query, body, state: this.state, enumsAsInt: false, headers: {} });
    const proto = this.proto.match(verb, path);
    if (!proto) throw urlNotFound(path);
    const request = this.request(proto, query, body);
    const handler = this.handlerFor(proto.route);
    if (!handler) throw unimplemented(proto.route.method.fullName);
    return handler({ state: this.state, route: proto.route, request, enumsAsInt: false });
  }

  /** The request message, refused before any lookup if malformed: unknown fields, bad values, malformed resource names. */
  private request({ route, vars }: RouteMatch<ProtoRoute>, query: URLSearchParams, body: unknown) {
    const request = buildRequest(this.state.schema, this.state.codec, route, vars, query, body);
    this.state.names.checkReferences(route.method.requestType, request);
    return request;
  }

  private handlerFor(route: ProtoRoute): MethodHandler | undefined {
    if (!this.handlers.has(route)) {
      const key = `${route.method.serviceName}.${route.method.name}`;
      this.handlers.set(route, OVERRIDES[key] ?? genericHandler(route));
    }
    return this.handlers.get(route);
  }
}

/** A body refused before routing, in the error shape of the API it was sent to (BigQuery and Storage have their own). */
function inServiceShape(err: unknown, service: string | undefined): unknown {
  if (!(err instanceof ApiError) || err.status !== 'INVALID_ARGUMENT') return err;
  if (service === BIGQUERY_SERVICE) return new BigQueryError('invalid', err.message);
  if (service === STORAGE_SERVICE) return new StorageError('invalid', err.message);
  return err;
}

function methodNameOf(route: CustomRoute | ProtoRoute): string {
  return route.kind === 'custom' ? route.methodName : route.method.fullName;
}

/**
 * Streamed methods (streamGenerateContent) answer with a JSON array written element by
 * element as the handler yields them, the shape Google's REST streaming uses. Errors
 * must happen before the first element: after it the status is already sent.
 */
async function sendJsonArray(res: ServerResponse, status: number, elements: AsyncIterable<unknown>): Promise<boolean> {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', Vary: 'Origin, X-Origin, Referer' });
  res.write('[');
  let first = true;
  for await (const element of elements) {
    if (res.destroyed) return false;
    res.write(`${first ? '' : ',\r\n'}${JSON.stringify(element)}`);
    first = false;
  }
  res.end(']');
  return true;
}
