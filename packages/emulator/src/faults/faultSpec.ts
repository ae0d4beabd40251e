// Fault specs: what the emulator should do wrong, and to which requests.
//
// A spec is one rule of comma-separated key=value pairs (keys are case-sensitive):
//
//   Matchers (all optional; a rule without any matches every request)
//     method=GLOB      full method name; `*` matches any run of characters:
//                      google.cloud.aiplatform.v1.EndpointService.ListEndpoints, *ListEndpoints,
//                      google.cloud.aiplatform.v1.EndpointService.*
//     path=PREFIX      raw URL path prefix, for routes without a proto method (BigQuery,
//                      Storage): /bigquery/v2/, /storage/v1/b/genai-demo-tuning
//     verb=GET         HTTP verb
//   Effect (exactly one)
//     latency=MS | latency=MIN-MAX   wait before handling (uniform in the range)
//     error=429 | 500 | 503          answer with that status in Google's error shape
//     error=401                      UNAUTHENTICATED (ACCESS_TOKEN_EXPIRED): the token is expired or
//                                    revoked; on the OAuth token route (/token) an `invalid_grant`
//                                    refusal, so the refresh fails too
//     error=403                      PERMISSION_DENIED with ErrorInfo IAM_PERMISSION_DENIED naming the
//                                    permission (derived from the method, or `permission=NAME`);
//                                    with `reason=SERVICE_DISABLED`, the API is disabled in the project
//                                    (ErrorInfo SERVICE_DISABLED with activationUrl, and a Help link)
//     retryAfter=S                   429 only: Retry-After seconds (default 1), also sent as RetryInfo
//     reset                          destroy the connection without answering (also error=reset)
//     stream=stall | truncate        streamed responses: after `after=N` elements (default 1),
//                                    stop writing and keep the socket open / close the array
//                                    early, so no element carries a finishReason
//     operation=fail                 the long-running operation the request starts finishes with
//                                    `error` (error=429|500|503 picks its code; default 500 INTERNAL)
//   Modifiers
//     rate=P           probability in [0, 1] that a matching request is hit (default 1); drawn from
//                      a generator seeded by --fault-seed, so a seed and a request sequence
//                      always give the same faults
//     times=N          hit at most N requests, then the rule is spent
//
// Examples: `method=*ListEndpoints,error=429,rate=0.5,retryAfter=1`, `latency=50-200`,
// `path=/v1/projects/genai-demo/locations/europe-west4/,error=403`, `error=401,times=1`,
// `method=*StreamGenerateContent,stream=stall,after=3`, `path=/bigquery/v2/,error=503,times=2`.
// Several rules: repeat --fault, or separate them with `;` (VGO_EMULATOR_FAULTS, admin route).

export type FaultEffect =
  | { kind: 'latency'; minMs: number; maxMs: number }
  | { kind: 'error'; status: ErrorStatus; retryAfterS: number; reason?: 'SERVICE_DISABLED'; permission?: string }
  | { kind: 'reset' }
  | { kind: 'stream'; mode: 'stall' | 'truncate'; after: number }
  | { kind: 'operation'; status: 429 | 500 | 503 };

export interface FaultRule {
  /** The spec as written, for GET /_emulator/faults and logs. */
  spec: string;
  method?: RegExp;
  path?: string;
  verb?: string;
  effect: FaultEffect;
  rate: number;
  times?: number;
}

export type ErrorStatus = 401 | 403 | 429 | 500 | 503;
const ERROR_STATUSES = new Set([401, 403, 429, 500, 503]);
const OPERATION_STATUSES = new Set([429, 500, 503]);
const KEYS = new Set(['method', 'path', 'verb', 'latency', 'error', 'retryAfter', 'reset', 'stream', 'after', 'operation', 'rate', 'times', 'reason', 'permission']);

/** Parses one spec; throws an Error naming the problem. */
export function parseFaultSpec(spec: string): FaultRule {
  const text = spec.trim();
  const pairs = new Map<string, string>();
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq).trim();
    if (!KEYS.has(key)) throw new Error(`Unknown fault key "${key}" in "${text}".`);
    if (pairs.has(key)) throw new Error(`Fault key "${key}" given twice in "${text}".`);
    pairs.set(key, eq < 0 ? '' : part.slice(eq + 1).trim());
  }
  const rule: FaultRule = { spec: text, effect: effectOf(pairs, text), rate: 1 };
  const method = pairs.get('method');
  if (method) rule.method = globToRegExp(method);
  if (pairs.has('path')) rule.path = pairs.get('path');
  if (pairs.has('verb')) rule.verb = pairs.get('verb')?.toUpperCase();
  if (pairs.has('rate')) rule.rate = numberIn(pairs.get('rate'), 'rate', text, 0, 1);
  if (pairs.has('times')) rule.times = integerAtLeast(pairs.get('times'), 'times', text, 1);
  return rule;
}

/** Specs from repeated flags and `;`-separated lists (env, admin route). */
export function parseFaultSpecs(specs: readonly string[]): FaultRule[] {
  return specs.flatMap((s) => s.split(';')).map((s) => s.trim()).filter(Boolean).map(parseFaultSpec);
}

function effectOf(pairs: Map<string, string>, text: string): FaultEffect {
  const chosen = ['latency', 'error', 'reset', 'stream', 'operation'].filter((k) => pairs.has(k));
  if (chosen.length === 0) throw new Error(`Fault "${text}" has no effect: give latency, error, reset, stream or operation.`);
  if (chosen.length > 1 && !(chosen.length === 2 && pairs.has('operation') && pairs.has('error'))) {
    throw new Error(`Fault "${text}" has more than one effect (${chosen.join(', ')}): write one rule per effect.`);
  }
  if (pairs.has('operation')) {
    if (pairs.get('operation') !== 'fail') throw new Error(`operation must be "fail" in "${text}".`);
    const status = errorStatus(pairs.get('error') ?? '500', text);
    if (!OPERATION_STATUSES.has(status)) throw new Error(`operation=fail takes error=429, 500 or 503 in "${text}".`);
    return { kind: 'operation', status: status as 429 | 500 | 503 };
  }
  if (pairs.has('latency')) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(pairs.get('latency') ?? '');
    if (!m) throw new Error(`latency must be MS or MIN-MAX in "${text}".`);
    const minMs = Number(m[1]);
    const maxMs = m[2] === undefined ? minMs : Number(m[2]);
    if (maxMs < minMs) throw new Error(`latency range is reversed in "${text}".`);
    return { kind: 'latency', minMs, maxMs };
  }
  if (pairs.has('reset') || pairs.get('error') === 'reset') return { kind: 'reset' };
  if (pairs.has('stream')) {
    const mode = pairs.get('stream');
    if (mode !== 'stall' && mode !== 'truncate') throw new Error(`stream must be stall or truncate in "${text}".`);
    const after = pairs.has('after') ? integerAtLeast(pairs.get('after'), 'after', text, 0) : 1;
    return { kind: 'stream', mode, after };
  }
  const status = errorStatus(pairs.get('error') ?? '', text);
  const retryAfterS = pairs.has('retryAfter') ? numberIn(pairs.get('retryAfter'), 'retryAfter', text, 0, 3600) : 1;
  const effect: FaultEffect = { kind: 'error', status, retryAfterS };
  if (pairs.has('reason') || pairs.has('permission')) {
    if (status !== 403) throw new Error(`reason and permission go with error=403 in "${text}".`);
    const reason = pairs.get('reason');
    if (reason !== undefined && reason !== 'SERVICE_DISABLED') throw new Error(`reason must be SERVICE_DISABLED in "${text}".`);
    const permission = pairs.get('permission');
    if (permission !== undefined && !/^[a-z]+(\.[A-Za-z]+)+$/.test(permission)) throw new Error(`permission must look like aiplatform.endpoints.list in "${text}".`);
    return { ...effect, ...(reason ? { reason } : {}), ...(permission ? { permission } : {}) };
  }
  return effect;
}

function errorStatus(value: string, text: string): ErrorStatus {
  const status = Number(value);
  if (!ERROR_STATUSES.has(status)) throw new Error(`error must be 401, 403, 429, 500, 503 or reset in "${text}".`);
  return status as ErrorStatus;
}

function numberIn(value: string | undefined, key: string, text: string, min: number, max: number): number {
  const n = Number(value);
  if (value === '' || !Number.isFinite(n) || n < min || n > max) throw new Error(`${key} must be a number from ${min} to ${max} in "${text}".`);
  return n;
}

function integerAtLeast(value: string | undefined, key: string, text: string, min: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new Error(`${key} must be an integer ≥ ${min} in "${text}".`);
  return n;
}

function globToRegExp(glob: string): RegExp {
  return new RegExp(`^${glob.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
}
