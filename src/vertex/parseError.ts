// Turns any error from the Google clients (or our own) into one sentence a person
// can act on, plus the next step. Pure: no vscode, no client imports.
import * as l10n from '@vscode/l10n';

export type ErrorCode =
  | 'CANCELLED'
  | 'UNKNOWN'
  | 'INVALID_ARGUMENT'
  | 'DEADLINE_EXCEEDED'
  | 'NOT_FOUND'
  | 'ALREADY_EXISTS'
  | 'PERMISSION_DENIED'
  | 'RESOURCE_EXHAUSTED'
  | 'FAILED_PRECONDITION'
  | 'ABORTED'
  | 'OUT_OF_RANGE'
  | 'UNIMPLEMENTED'
  | 'INTERNAL'
  | 'UNAVAILABLE'
  | 'DATA_LOSS'
  | 'UNAUTHENTICATED';

/** What the UI offers as the next step. */
export type NextAction = 'signIn' | 'chooseProject' | 'retry' | 'useEmulator' | 'enableApi' | 'networkSettings' | 'none';

export interface ActionableError {
  readonly code: ErrorCode;
  /** One sentence, with what went wrong and what to do. */
  readonly message: string;
  readonly action: NextAction;
  /** For `enableApi`: the console page that enables the API (Google's `activationUrl`). */
  readonly url?: string;
}

const GRPC_CODES: readonly ErrorCode[] = [
  'CANCELLED', // placeholder for OK (0); never an error
  'CANCELLED',
  'UNKNOWN',
  'INVALID_ARGUMENT',
  'DEADLINE_EXCEEDED',
  'NOT_FOUND',
  'ALREADY_EXISTS',
  'PERMISSION_DENIED',
  'RESOURCE_EXHAUSTED',
  'FAILED_PRECONDITION',
  'ABORTED',
  'OUT_OF_RANGE',
  'UNIMPLEMENTED',
  'INTERNAL',
  'UNAVAILABLE',
  'DATA_LOSS',
  'UNAUTHENTICATED',
];

const HTTP_CODES: Record<number, ErrorCode> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  409: 'ALREADY_EXISTS',
  429: 'RESOURCE_EXHAUSTED',
  499: 'CANCELLED',
  500: 'INTERNAL',
  501: 'UNIMPLEMENTED',
  503: 'UNAVAILABLE',
  504: 'DEADLINE_EXCEEDED',
};

export const SIGN_IN_COMMAND = 'gcloud auth application-default login';

/** Raised by our own auth check; carries the same code Google uses. */
export class NotSignedInError extends Error {
  readonly code = 16;
  constructor() {
    super(l10n.t('No Application Default Credentials were found.'));
    this.name = 'NotSignedInError';
  }
}

/** A setting or other local value that cannot be used; the message names it and says nothing was sent. */
export class InvalidSettingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidSettingError';
  }
}

interface Detail {
  fieldViolations?: { field?: string; description?: string }[];
  violations?: { subject?: string; description?: string; quotaMetric?: string; quotaId?: string }[];
  reason?: string;
  metadata?: Record<string, string>;
  resourceType?: string;
  resourceName?: string;
}

export function parseError(error: unknown): ActionableError {
  const e = (error ?? {}) as Record<string, unknown>;
  const raw = String((e.message as string | undefined) ?? error ?? l10n.t('Unknown error')).trim();
  const details = (Array.isArray(e.statusDetails) ? e.statusDetails : []) as Detail[];
  const code = errorCode(e, raw);
  const text = stripCodePrefix(raw);

  if (e.name === 'InvalidSettingError') return { code: 'FAILED_PRECONDITION', message: raw, action: 'chooseProject' };
  if (isRevokedGrant(e, raw)) {
    return {
      code: 'UNAUTHENTICATED',
      message: l10n.t('Your Google Cloud sign-in expired or was revoked: sign in again with `{0}`, or choose a key file.', SIGN_IN_COMMAND),
      action: 'signIn',
    };
  }
  if (/Could not load the default credentials|No Application Default Credentials/i.test(raw) || code === 'UNAUTHENTICATED') {
    return {
      code: 'UNAUTHENTICATED',
      message: l10n.t('Not signed in to Google Cloud: run `{0}`, or try the local emulator.', SIGN_IN_COMMAND),
      action: 'signIn',
    };
  }
  if (isProxyOrTlsFailure(e, raw)) {
    return {
      code: 'UNAVAILABLE',
      message: l10n.t('Could not reach Google Cloud ({0}): check VS Code\'s `http.proxy` and `http.proxyStrictSSL` settings, and for a corporate certificate start VS Code with `NODE_EXTRA_CA_CERTS` naming it.', String(networkCode(e, raw))),
      action: 'networkSettings',
    };
  }
  if (isConnectionRefused(e, raw)) {
    return { code: 'UNAVAILABLE', message: l10n.t('Could not reach {0}: check your network or proxy, then retry.', connectionTarget(raw)), action: 'retry' };
  }
  switch (code) {
    case 'PERMISSION_DENIED': {
      const info = errorInfoOf(e, details);
      if (info.reason === 'SERVICE_DISABLED') {
        const api = info.metadata.serviceTitle ?? info.metadata.service ?? l10n.t('The API');
        const project = info.metadata.consumer?.replace(/^projects\//, '');
        const url = info.metadata.activationUrl ?? (info.metadata.service ? `https://console.cloud.google.com/apis/library/${info.metadata.service}${project ? `?project=${project}` : ''}` : undefined);
        return {
          code,
          message: `${api} is not enabled${project ? ` in project ${project}` : ''}: enable it in the Cloud console, wait a minute, then retry.`,
          action: url ? 'enableApi' : 'chooseProject',
          url,
        };
      }
      const permission = info.metadata.permission ?? findPermission(raw);
      const role = permission && roleGranting(permission);
      return {
        code,
        message: permission
          ? `Permission denied: your account lacks \`${permission}\`${role ? `, which the role ${role} grants` : ''}; ask a project owner to grant it, or choose another project.`
          : l10n.t('Permission denied: {0} Ask a project owner for access, or choose another project.', sentence(text)),
        action: 'chooseProject',
      };
    }
    case 'RESOURCE_EXHAUSTED': {
      const quota = findQuota(details, raw);
      return {
        code,
        message: quota
          ? l10n.t('Quota exceeded: {0}. Request more quota in the Cloud console, or try another region.', quota)
          : l10n.t('Quota or rate limit exceeded: {0} Wait a moment and retry.', sentence(text)),
        action: 'retry',
      };
    }
    case 'INVALID_ARGUMENT': {
      const violations = details.flatMap((d) => d.fieldViolations ?? []);
      const list = violations
        .map((v) => (v.field ? `${v.field}: ${v.description ?? 'invalid'}` : v.description)?.replace(/\.$/, ''))
        .filter(Boolean);
      return {
        code,
        message: list.length > 0 ? l10n.t('The request was rejected: {0}.', list.join('; ')) : l10n.t('The request was rejected: {0}', sentence(text)),
        action: 'none',
      };
    }
    case 'NOT_FOUND': {
      const resource = details.find((d) => d.resourceName)?.resourceName ?? text.match(/`([^`]+)`/)?.[1];
      return {
        code,
        message: resource
          ? l10n.t('Not found: {0} does not exist or was deleted; refresh the view or check the project and region.', resource)
          : l10n.t('Not found: {0} Refresh the view or check the project and region.', sentence(text)),
        action: 'chooseProject',
      };
    }
    case 'ALREADY_EXISTS':
      return { code, message: l10n.t('Already exists: {0} Choose another name.', sentence(text)), action: 'none' };
    case 'UNAVAILABLE':
    case 'DEADLINE_EXCEEDED':
    case 'INTERNAL':
    case 'ABORTED':
      return { code, message: l10n.t('The service did not answer ({0}): {1} Retry in a moment.', code, sentence(text)), action: 'retry' };
    case 'FAILED_PRECONDITION':
      return { code, message: l10n.t('Not possible in its current state: {0}', sentence(text)), action: 'none' };
    case 'CANCELLED':
      return { code, message: l10n.t('Cancelled.'), action: 'none' };
    default:
      return { code, message: sentence(text), action: code === 'UNKNOWN' ? 'retry' : 'none' };
  }
}

function errorCode(e: Record<string, unknown>, raw: string): ErrorCode {
  if (typeof e.code === 'number') {
    // BigQuery and plain HTTP errors carry an HTTP status; gax errors a gRPC code.
    if (e.code >= 100) return HTTP_CODES[e.code] ?? (e.code >= 500 ? 'INTERNAL' : 'UNKNOWN');
    return GRPC_CODES[e.code] ?? 'UNKNOWN';
  }
  if (typeof e.status === 'string' && GRPC_CODES.includes(e.status as ErrorCode)) return e.status as ErrorCode;
  if (e.name === 'AbortError') return 'CANCELLED';
  const prefixed = raw.match(/^\d+ ([A-Z_]+):/)?.[1];
  return prefixed && GRPC_CODES.includes(prefixed as ErrorCode) ? (prefixed as ErrorCode) : 'UNKNOWN';
}

function stripCodePrefix(message: string): string {
  return message.replace(/^\d+ [A-Z_]+: /, '');
}

/** Ends the text with one full stop, so it reads as a sentence. */
function sentence(text: string): string {
  const t = text.trim() || l10n.t('no details were given');
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

/** Google's google.rpc.ErrorInfo: gax lifts it onto the error (`reason`, `errorInfoMetadata`); otherwise from `details`. */
function errorInfoOf(e: Record<string, unknown>, details: Detail[]): { reason?: string; metadata: Record<string, string> } {
  const detail = details.find((d) => d.reason || d.metadata);
  const reason = (typeof e.reason === 'string' ? e.reason : undefined) ?? detail?.reason;
  const metadata = (e.errorInfoMetadata as Record<string, string> | undefined) ?? detail?.metadata ?? {};
  return { reason, metadata };
}

function findPermission(raw: string): string | undefined {
  return raw.match(/Permission '([\w.]+)' denied/)?.[1] ?? raw.match(/permission[s]? ['`"]?([a-z]+\.[\w.]+)/i)?.[1];
}

/** The predefined role a user is most likely to be granted for a permission (least privilege first). */
const ROLES: readonly [RegExp, string][] = [
  [/^aiplatform\.[^.]+\.(list|get)$/, l10n.t('Vertex AI Viewer (roles/aiplatform.viewer)')],
  [/^aiplatform\./, l10n.t('Vertex AI User (roles/aiplatform.user)')],
  [/^bigquery\.jobs\.create$/, l10n.t('BigQuery Job User (roles/bigquery.jobUser)')],
  [/^bigquery\.(datasets|tables)\.(get|list|getData)$/, l10n.t('BigQuery Data Viewer (roles/bigquery.dataViewer)')],
  [/^bigquery\./, l10n.t('BigQuery Data Editor (roles/bigquery.dataEditor)')],
  [/^storage\.(objects|buckets)\.(get|list)$/, l10n.t('Storage Object Viewer (roles/storage.objectViewer)')],
  [/^storage\./, l10n.t('Storage Object Admin (roles/storage.objectAdmin)')],
  [/^iam\.serviceAccounts\.getAccessToken$/, l10n.t('Service Account Token Creator (roles/iam.serviceAccountTokenCreator)')],
  [/^resourcemanager\.projects\.(get|list)$/, l10n.t('Browser (roles/browser)')],
];

export function roleGranting(permission: string): string | undefined {
  return ROLES.find(([pattern]) => pattern.test(permission))?.[1];
}

function findQuota(details: Detail[], raw: string): string | undefined {
  const v = details.flatMap((d) => d.violations ?? []).find((x) => x.subject || x.quotaMetric || x.description);
  if (v) return [v.description, v.quotaMetric && `(${v.quotaMetric})`].filter(Boolean).join(' ') || v.subject;
  return raw.match(/[Qq]uota (?:exceeded )?for (?:quota metric )?'([^']+)'/)?.[1];
}

const NETWORK_CODES = [
  'ECONNRESET',
  'ETIMEDOUT',
  'ECONNABORTED',
  'EPROTO',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
];

/** The Node error code of a proxy or TLS failure, on the error, its cause, or in its text. */
function networkCode(e: Record<string, unknown>, raw: string): string | undefined {
  const cause = (e.cause ?? {}) as Record<string, unknown>;
  for (const c of [e.code, cause.code, (cause.cause as Record<string, unknown> | undefined)?.code]) {
    if (typeof c === 'string' && NETWORK_CODES.includes(c)) return c;
  }
  return NETWORK_CODES.find((c) => raw.includes(c)) ?? (/self[- ]signed certificate|tunneling socket could not be established/i.test(raw) ? 'TLS' : undefined);
}

function isProxyOrTlsFailure(e: Record<string, unknown>, raw: string): boolean {
  return networkCode(e, raw) !== undefined;
}

/** The token endpoint refused the refresh token (RFC 6749 `invalid_grant`; `invalid_rapt` when Google wants a reauth). */
function isRevokedGrant(e: Record<string, unknown>, raw: string): boolean {
  const data = ((e.response as { data?: unknown } | undefined)?.data ?? {}) as { error?: unknown };
  return data.error === 'invalid_grant' || /\binvalid_(grant|rapt)\b|Token has been expired or revoked/.test(raw);
}

function isConnectionRefused(e: Record<string, unknown>, raw: string): boolean {
  return e.code === 'ECONNREFUSED' || e.code === 'ENOTFOUND' || /ECONNREFUSED|ENOTFOUND|fetch failed/.test(raw);
}

function connectionTarget(raw: string): string {
  return raw.match(/(?:ECONNREFUSED|ENOTFOUND) ([^\s,]+)/)?.[1] ?? l10n.t('the server');
}
