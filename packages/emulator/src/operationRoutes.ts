// The google.longrunning.Operations routes (get, list, cancel, wait, delete) over the
// emulator's OperationStore, under every prefix the clients use.
import type { CustomRoute } from './context';
import { invalidArgument, notFound } from './googleError';
import { paginate } from './listQuery';
import { encodeOperation } from './operations';
import { compileTemplate } from './pathTemplate';
import type { JsonObject } from './wireCodec';

const PREFIXES = ['v1', 'v1beta1', 'ui'];
const SERVICE = 'aiplatform.googleapis.com';

/** GET / list / cancel / wait / delete under every prefix the clients use. */
export function operationRoutes(): CustomRoute[] {
  const routes: CustomRoute[] = [];
  const add = (verb: CustomRoute['verb'], path: string, method: string, handle: CustomRoute['handle']) => {
    for (const prefix of PREFIXES) {
      routes.push({ kind: 'custom', verb, template: compileTemplate(`/${prefix}/${path}`), methodName: `google.longrunning.Operations.${method}`, service: SERVICE, handle });
    }
  };
  add('GET', '{name=projects/**/operations/*}', 'GetOperation', ({ vars, state, enumsAsInt }) => {
    const name = state.names.canonical(vars.name, 'name');
    const op = state.operations.get(name);
    if (!op) throw notFound('Operation', name);
    return { body: encodeOperation(state.codec, op, enumsAsInt) };
  });
  add('GET', '{name=projects/**}/operations', 'ListOperations', ({ vars, query, state, enumsAsInt }) => {
    const parent = state.names.canonical(vars.name, 'name');
    const page = paginate(state.operations.list(parent), pageParams(query), `operations:${parent}`);
    const body: JsonObject = {};
    if (page.items.length) body.operations = page.items.map((op) => encodeOperation(state.codec, op, enumsAsInt));
    if (page.nextPageToken) body.nextPageToken = page.nextPageToken;
    return { body };
  });
  add('POST', '{name=projects/**/operations/*}:cancel', 'CancelOperation', ({ vars, state }) => {
    const name = state.names.canonical(vars.name, 'name');
    if (!state.operations.cancel(name)) throw notFound('Operation', name);
    return { body: {} };
  });
  add('POST', '{name=projects/**/operations/*}:wait', 'WaitOperation', async ({ vars, query, state, enumsAsInt }) => {
    const name = state.names.canonical(vars.name, 'name');
    const op = await state.operations.wait(name, waitTimeout(query.get('timeout')));
    if (!op) throw notFound('Operation', name);
    return { body: encodeOperation(state.codec, op, enumsAsInt) };
  });
  add('DELETE', '{name=projects/**/operations/*}', 'DeleteOperation', ({ vars, state }) => {
    const name = state.names.canonical(vars.name, 'name');
    if (!state.operations.delete(name)) throw notFound('Operation', name);
    return { body: {} };
  });
  return routes;
}

function pageParams(query: URLSearchParams): { pageSize?: number; pageToken?: string } {
  const size = query.get('pageSize') ?? query.get('page_size');
  return { pageSize: size === null ? undefined : Number(size), pageToken: query.get('pageToken') ?? query.get('page_token') ?? undefined };
}

/** Duration "10s" / "1.5s"; Google caps waits, and so do we (60 s). */
function waitTimeout(text: string | null): number {
  if (text === null) return 60_000;
  const match = /^(\d+(?:\.\d+)?)s$/.exec(text);
  if (!match) throw invalidArgument(`Invalid value at 'timeout' (type.googleapis.com/google.protobuf.Duration), "${text}"`, 'timeout');
  return Math.min(Number(match[1]) * 1000, 60_000);
}
