// Long-running operations. A method whose proto carries operation_info answers at once
// with { name, metadata, done:false }; the work is applied when the operation finishes
// (after a configurable delay), so the resource appears only then, as on Vertex.
// The google.longrunning routes are not in the aiplatform protos: operationRoutes.ts writes
// them, under /v1, /v1beta1 and /ui (the REST client polls GET /ui/{name}).
import { ApiError } from './googleError';
import { timestamp } from './timestamp';
import type { IdGenerator } from './ids';
import type { JsonObject, WireCodec } from './wireCodec';

export type OperationOutcome = { response: JsonObject } | { error: ApiError };

export interface StartOperation {
  /** The resource the operation works on, or a location: the name is `${parent}/operations/ID`. */
  parent: string;
  /** Full type of the metadata message, e.g. google.cloud.aiplatform.v1.CreateEndpointOperationMetadata. */
  metadataType: string;
  /** Full type of the response message (inside the Any). */
  responseType: string;
  /** Runs when the operation completes; returns the response or the error. */
  run: () => OperationOutcome;
  delayMs?: number;
}

interface OperationRecord {
  data: JsonObject;
  timer?: NodeJS.Timeout;
  start: StartOperation;
}

const OPERATION_TYPE = 'google.longrunning.Operation';

export class OperationStore {
  private readonly records = new Map<string, OperationRecord>();
  private readonly waiters = new Set<() => void>();
  /** Persistence hook: an operation was started, finished or deleted (undefined). */
  onChange?: (name: string, data: JsonObject | undefined) => void;

  constructor(
    private readonly ids: IdGenerator,
    private readonly now: () => Date,
    private readonly hasGenericMetadata: (metadataType: string) => boolean,
    readonly defaultDelayMs: number,
  ) {}

  start(op: StartOperation): JsonObject {
    const name = `${op.parent}/operations/${this.ids.next()}`;
    const created = timestamp(this.now());
    const metadata: JsonObject = { '@type': `type.googleapis.com/${op.metadataType}` };
    if (this.hasGenericMetadata(op.metadataType)) metadata.genericMetadata = { createTime: created, updateTime: created };
    const record: OperationRecord = { data: { name, metadata, done: false }, start: op };
    this.records.set(name, record);
    this.onChange?.(name, record.data);
    const delay = op.delayMs ?? this.defaultDelayMs;
    if (delay <= 0) this.finish(record);
    else {
      record.timer = setTimeout(() => this.finish(record), delay);
      record.timer.unref();
    }
    return structuredClone(record.data);
  }

  get(name: string): JsonObject | undefined {
    const record = this.records.get(name);
    return record && structuredClone(record.data);
  }

  /** Operations directly under `parent` (a location or a resource). */
  list(parent: string): JsonObject[] {
    const prefix = `${parent}/operations/`;
    return [...this.records.entries()]
      .filter(([name]) => name.startsWith(prefix) && !name.slice(prefix.length).includes('/'))
      .map(([, record]) => structuredClone(record.data));
  }

  cancel(name: string): boolean {
    const record = this.records.get(name);
    if (!record) return false;
    if (!record.data.done) {
      clearTimeout(record.timer);
      this.complete(record, { error: new ApiError('CANCELLED', 'Operation was cancelled.') });
    }
    return true;
  }

  delete(name: string): boolean {
    const record = this.records.get(name);
    clearTimeout(record?.timer);
    const deleted = this.records.delete(name);
    if (deleted) this.onChange?.(name, undefined);
    return deleted;
  }

  /** Every operation (persistence snapshots). */
  all(): JsonObject[] {
    return [...this.records.values()].map((record) => structuredClone(record.data));
  }

  /** Puts back a persisted operation. Its work did not survive a restart: if still pending, it fails now. */
  restore(data: JsonObject): void {
    const restarted = () => ({ error: new ApiError('ABORTED', 'The emulator restarted before this operation finished; retry the request.') });
    const record: OperationRecord = { data: structuredClone(data), start: { parent: '', metadataType: '', responseType: '', run: restarted } };
    clearTimeout(this.records.get(String(data.name))?.timer);
    this.records.set(String(data.name), record);
    if (record.data.done !== true) this.finish(record);
  }

  /** Resolves when the operation is done or the timeout passes. */
  async wait(name: string, timeoutMs: number): Promise<JsonObject | undefined> {
    const deadline = Date.now() + timeoutMs;
    while (this.records.get(name)?.data.done === false && Date.now() < deadline) {
      await new Promise<void>((resolve) => {
        const wake = () => {
          this.waiters.delete(wake);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(wake, Math.max(0, deadline - Date.now()));
        this.waiters.add(wake);
      });
    }
    return this.get(name);
  }

  close(): void {
    for (const record of this.records.values()) clearTimeout(record.timer);
    for (const wake of [...this.waiters]) wake();
  }

  private finish(record: OperationRecord): void {
    let outcome: OperationOutcome;
    try {
      outcome = record.start.run();
    } catch (err) {
      outcome = { error: err instanceof ApiError ? err : new ApiError('INTERNAL', String(err)) };
    }
    this.complete(record, outcome);
  }

  private complete(record: OperationRecord, outcome: OperationOutcome): void {
    const generic = (record.data.metadata as JsonObject).genericMetadata as JsonObject | undefined;
    if (generic) generic.updateTime = timestamp(this.now());
    record.data.done = true;
    if ('error' in outcome) record.data.error = outcome.error.toStatus();
    else record.data.response = { '@type': `type.googleapis.com/${record.start.responseType}`, ...outcome.response };
    this.onChange?.(String(record.data.name), record.data);
    for (const wake of [...this.waiters]) wake();
  }
}

/** `done` is written even when false: clients and tools key on it. */
export function encodeOperation(codec: WireCodec, data: JsonObject, enumsAsInt: boolean): unknown {
  const encoded = codec.encode(OPERATION_TYPE, data, enumsAsInt) as JsonObject;
  return { name: encoded.name, metadata: encoded.metadata, done: data.done === true, ...encoded };
}
