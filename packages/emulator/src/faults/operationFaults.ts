// `operation=fail`: the operation a faulted request starts finishes with `error`
// instead of doing its work. The fault travels with the request through
// AsyncLocalStorage, so handlers need no parameter for it.
import { AsyncLocalStorage } from 'node:async_hooks';
import { OperationStore, type StartOperation } from '../operations';
import type { JsonObject } from '../wireCodec';
import { operationError } from './faultErrors';

interface PendingFault {
  status: 429 | 500 | 503;
  used: boolean;
}

const current = new AsyncLocalStorage<PendingFault>();

/** Runs `handle` so that the first operation it starts fails with `status`. */
export function withOperationFault<T>(status: 429 | 500 | 503, handle: () => T): T {
  return current.run({ status, used: false }, handle);
}

export class FaultAwareOperationStore extends OperationStore {
  override start(op: StartOperation): JsonObject {
    const fault = current.getStore();
    if (!fault || fault.used) return super.start(op);
    fault.used = true;
    return super.start({ ...op, run: () => ({ error: operationError(fault.status) }) });
  }
}
