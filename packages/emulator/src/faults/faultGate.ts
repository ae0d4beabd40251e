// Where the Dispatcher meets fault injection: the admin route, the faults applied
// before a request is handled, and the ones applied to what the handler does.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { HttpResult } from '../context';
import { invalidArgument, ApiError } from '../googleError';
import { readJsonBody } from '../httpIo';
import { injectedError } from './faultErrors';
import type { BlockingEffect, FaultInjector, FaultTarget } from './faultInjector';
import { withOperationFault } from './operationFaults';
import { faultyStream } from './streamFaults';

export const FAULTS_PATH = '/_emulator/faults';

/** Thrown for `reset`: the Dispatcher destroys the socket instead of answering. */
export class ConnectionReset extends Error {}

/**
 * GET: the rules with how often each matched and hit. POST `{ "faults": [spec…] | "a;b",
 * "seed"?: n }`: replaces them. DELETE: clears them. No token: the emulator listens on
 * loopback only, and this route is refused from anywhere else.
 */
export async function faultAdmin(req: IncomingMessage, injector: FaultInjector): Promise<HttpResult> {
  if (!isLoopback(req.socket.remoteAddress)) throw new ApiError('PERMISSION_DENIED', 'The fault admin route only answers loopback clients.');
  switch (req.method) {
    case 'GET':
      return { body: injector.report() };
    case 'DELETE':
      injector.replace([]);
      return { body: injector.report() };
    case 'POST': {
      const body = ((await readJsonBody(req)) ?? {}) as { faults?: unknown; seed?: unknown };
      const specs = typeof body.faults === 'string' ? [body.faults] : body.faults;
      if (!Array.isArray(specs) || !specs.every((s) => typeof s === 'string')) {
        throw invalidArgument('Send { "faults": ["spec", …], "seed"?: number }.', 'faults');
      }
      if (body.seed !== undefined && !Number.isInteger(body.seed)) throw invalidArgument('seed must be an integer.', 'seed');
      try {
        injector.replace(specs, body.seed as number | undefined);
      } catch (err) {
        throw invalidArgument(err instanceof Error ? err.message : String(err), 'faults');
      }
      return { body: injector.report() };
    }
    default:
      throw new ApiError('INVALID_ARGUMENT', `Use GET, POST or DELETE on ${FAULTS_PATH}.`);
  }
}

/** Waits out injected latency, then throws for error and reset faults; returns the rest. */
export async function applyFaults(injector: FaultInjector | undefined, target: FaultTarget): Promise<BlockingEffect | undefined> {
  if (!injector?.active) return undefined;
  const plan = injector.plan(target);
  if (plan.latencyMs > 0) await sleep(plan.latencyMs);
  const effect = plan.effect;
  if (effect?.kind === 'error') throw injectedError(effect, target.path, target.method);
  if (effect?.kind === 'reset') throw new ConnectionReset();
  return effect;
}

/** Runs the handler under the faults that act on what it does (operations, streams). */
export async function runFaulted(effect: BlockingEffect | undefined, res: ServerResponse, handle: () => HttpResult | Promise<HttpResult>): Promise<HttpResult> {
  if (effect?.kind === 'operation') return withOperationFault(effect.status, handle);
  const result = await handle();
  if (effect?.kind !== 'stream' || !result.stream) return result;
  const closed = new Promise((resolve) => res.once('close', resolve));
  return { ...result, stream: faultyStream(result.stream, effect.mode, effect.after, closed) };
}

function isLoopback(address: string | undefined): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}
