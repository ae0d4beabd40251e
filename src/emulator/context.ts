// Shapes shared by the server, the handlers and the hand-written routes.
import type { IdGenerator } from './ids';
import type { OperationStore } from './operations';
import type { ProjectRegistry } from './projects';
import type { ProtoSchema } from './protoSchema';
import type { ResourceNames } from './resourceNames';
import type { ProtoRoute, RouteBase } from './routes';
import type { ResourceStore } from './store';
import type { JsonObject, WireCodec } from './wireCodec';

export interface EmulatorState {
  schema: ProtoSchema;
  codec: WireCodec;
  store: ResourceStore;
  operations: OperationStore;
  projects: ProjectRegistry;
  names: ResourceNames;
  ids: IdGenerator;
  /** Injectable so tests can pin time. */
  now: () => Date;
  seed: string;
}

/** An answer ready for the wire (already encoded). */
export interface HttpResult {
  status?: number;
  body: unknown;
}

export interface CustomCall {
  vars: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  state: EmulatorState;
  enumsAsInt: boolean;
}

/** Routes the protos do not carry: operations, locations, Resource Manager. */
export interface CustomRoute extends RouteBase {
  kind: 'custom';
  /** Named in 401 ErrorInfo metadata, like Google's front end does. */
  methodName: string;
  service: string;
  handle(call: CustomCall): HttpResult | Promise<HttpResult>;
}

/** A call to a proto method, its request message already built and validated. */
export interface MethodCall {
  state: EmulatorState;
  route: ProtoRoute;
  request: JsonObject;
  enumsAsInt: boolean;
}

export type MethodHandler = (call: MethodCall) => HttpResult | Promise<HttpResult>;

export function timestamp(date: Date): string {
  return date.toISOString();
}
