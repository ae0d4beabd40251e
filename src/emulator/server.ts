// The emulator's HTTP server: matches a route (hand-written ones first, then the
// routes derived from the protos), checks the bearer token, builds the request
// message, and runs an override, the generic handler for the method's shape, or
// answers UNIMPLEMENTED naming the method.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CustomRoute, EmulatorState, MethodHandler } from './context';
import { genericHandler } from './handlers/generic';
import { locationRoutes } from './handlers/locations';
import { modelHandlers } from './handlers/models';
import { resourceManagerRoutes } from './handlers/resourceManager';
import { readJsonBody, sendJson } from './httpIo';
import { IdGenerator } from './ids';
import { OperationStore, operationRoutes } from './operations';
import { ProjectRegistry } from './projects';
import { loadSchema } from './protoSchema';
import { toApiError, unauthenticated, unimplemented, urlNotFound } from './googleError';
import { buildRequest } from './requestMessage';
import { ResourceNames } from './resourceNames';
import { RouteTable, deriveProtoRoutes, type ProtoRoute, type RouteMatch } from './routes';
import { applySeed } from './seeds/loadSeed';
import { ResourceStore } from './store';
import { WireCodec } from './wireCodec';

export interface EmulatorOptions {
  /** 0 or omitted: any free port. */
  port?: number;
  /** Loopback only: the emulator accepts any token, so it must not be reachable from elsewhere. */
  host?: string;
  /** 'demo' (default), 'empty' or 'scale:N'. */
  seed?: string;
  /** How long LROs stay pending before they finish (default 1000 ms). */
  operationDelayMs?: number;
  /** Clock for timestamps; tests pin it. */
  now?: () => Date;
  /** One line per request, when set. */
  log?: (line: string) => void;
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
  const urlHost = host === '::1' ? '[::1]' : host === 'localhost' ? '127.0.0.1' : host;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        state.operations.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export function createState(options: Pick<EmulatorOptions, 'seed' | 'operationDelayMs' | 'now'> = {}): EmulatorState {
  const schema = loadSchema();
  const now = options.now ?? (() => new Date());
  const ids = new IdGenerator();
  const projects = new ProjectRegistry();
  const hasGenericMetadata = (type: string) => schema.message(type)?.fields.has('genericMetadata') ?? false;
  const state: EmulatorState = {
    schema,
    codec: new WireCodec(schema),
    store: new ResourceStore(),
    operations: new OperationStore(ids, now, hasGenericMetadata, options.operationDelayMs ?? 1000),
    projects,
    names: new ResourceNames(schema, projects),
    ids,
    now,
    seed: options.seed ?? 'demo',
  };
  applySeed(state, state.seed);
  return state;
}

/** Per-method overrides, keyed "Service.Method" so v1 and v1beta1 share them. */
const OVERRIDES: Record<string, MethodHandler> = { ...modelHandlers };

class Dispatcher {
  private readonly custom = new RouteTable<CustomRoute>([...operationRoutes(), ...locationRoutes(), ...resourceManagerRoutes()]);
  private readonly proto: RouteTable<ProtoRoute>;
  private readonly handlers = new Map<ProtoRoute, MethodHandler | undefined>();

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
      const result = await this.route(req, rawPath, query, enumsAsInt);
      status = result.status ?? 200;
      sendJson(res, status, result.body, pretty);
    } catch (err) {
      const error = toApiError(err);
      status = error.httpStatus;
      const headers: Record<string, string> = error.status === 'UNAUTHENTICATED' ? { 'WWW-Authenticate': 'Bearer realm="https://accounts.google.com/"' } : {};
      if (!res.headersSent) sendJson(res, status, error.toBody(), pretty, headers);
    } finally {
      this.log?.(`${req.method} ${rawPath} ${status} ${Date.now() - started}ms`);
    }
  }

  private async route(req: IncomingMessage, rawPath: string, query: URLSearchParams, enumsAsInt: boolean) {
    const verb = req.method ?? 'GET';
    if (verb === 'GET' && rawPath === '/_emulator/info') {
      return { body: { emulator: 'vertex-genai', seed: this.state.seed, projects: this.state.projects.list() } };
    }
    const custom = this.custom.match(verb, rawPath);
    const proto = custom ? undefined : this.proto.match(verb, rawPath);
    const match: RouteMatch<CustomRoute> | RouteMatch<ProtoRoute> | undefined = custom ?? proto;
    if (!match) throw urlNotFound(rawPath);
    const methodName = match.route.kind === 'custom' ? match.route.methodName : match.route.method.fullName;
    if (!/^Bearer\s+\S+/i.test(req.headers.authorization ?? '')) {
      throw unauthenticated(methodName, match.route.kind === 'custom' ? match.route.service : undefined);
    }
    const body = await readJsonBody(req);
    if (custom) return custom.route.handle({ vars: custom.vars, query, body, state: this.state, enumsAsInt });
    const protoMatch = proto as RouteMatch<ProtoRoute>;
    const handler = this.handlerFor(protoMatch.route);
    if (!handler) throw unimplemented(methodName);
    const request = buildRequest(this.state.schema, this.state.codec, protoMatch.route, protoMatch.vars, query, body);
    return handler({ state: this.state, route: protoMatch.route, request, enumsAsInt });
  }

  private handlerFor(route: ProtoRoute): MethodHandler | undefined {
    if (!this.handlers.has(route)) {
      const key = `${route.method.serviceName}.${route.method.name}`;
      this.handlers.set(route, OVERRIDES[key] ?? genericHandler(route));
    }
    return this.handlers.get(route);
  }
}
