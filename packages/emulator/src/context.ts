// Shapes shared by the server, the handlers and the hand-written routes.
import type { IncomingHttpHeaders } from 'node:http';
import type { IdGenerator } from './ids';
import type { OperationStore } from './operations';
import type { ProjectRegistry } from './projects';
import type { ProtoSchema } from './protoSchema';
import type { ResourceNames } from './resourceNames';
import type { ProtoRoute, RouteBase } from './routes';
import type { BigQueryState } from './bigquery/bigQueryState';
import type { ComputeState } from './compute/computeState';
import type { StorageState } from './storage/storageState';
import type { DurableState } from './persistence/durableState';
import type { FaultInjector } from './faults/faultInjector';
import type { ModelRegistry } from './models/modelRegistry';
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
  /** Cloud Storage buckets and objects, created on first use (storage/storageState.ts). */
  storage?: StorageState;
  /** BigQuery datasets, tables and jobs over DuckDB, created on first use (bigquery/bigQueryState.ts). */
  bigquery?: BigQueryState;
  /** BigQuery queries running longer are stopped with BigQuery's timeout error (--max-query-ms). */
  maxQueryMs?: number;
  /** Quotas, job speed, live jobs and in-flight deployments (catalog/computeState.ts). */
  compute?: ComputeState;
  /** With --data-dir: durable state; other state plugs in with `durable.register(part)`. */
  durable?: DurableState;
  /** Fault injection (--fault, VGO_EMULATOR_FAULTS, /_emulator/faults). */
  faults?: FaultInjector;
  /** Trained language models and classifiers, trained on first use (models/modelRegistry.ts). */
  models?: ModelRegistry;
}

/** An answer ready for the wire (already encoded). */
export interface HttpResult {
  status?: number;
  body: unknown;
  /** Streamed methods: the elements of the JSON array written as they come (body is ignored). */
  stream?: AsyncIterable<unknown>;
  /** Bytes instead of JSON (media downloads, empty 204s), with their headers (body is ignored). */
  raw?: { data: Buffer; headers?: Record<string, string> };
  /** Extra response headers of a JSON answer (rawPredict names the deployed model that served it). */
  headers?: Record<string, string>;
}

export interface CustomCall {
  vars: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  state: EmulatorState;
  enumsAsInt: boolean;
  /** The request's headers (media uploads read Content-Type, Content-Range, X-Upload-*). */
  headers: IncomingHttpHeaders;
}

/** Routes the protos do not carry: operations, locations, Resource Manager. */
export interface CustomRoute extends RouteBase {
  kind: 'custom';
  /** Named in 401 ErrorInfo metadata, like Google's front end does. */
  methodName: string;
  service: string;
  /** The handler gets the request bytes (a Buffer) as `body` instead of parsed JSON: media uploads. */
  rawBody?: boolean;
  /**
   * Served without a bearer token. Cloud Storage only: its official client sends none to a
   * custom endpoint (and drops `useAuthWithCustomEndpoint` for resumable uploads).
   */
  anonymous?: boolean;
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
