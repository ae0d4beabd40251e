// Errors in the shape Google APIs answer with (google.rpc.Status over HTTP), so the
// official client turns them into a GoogleError with the right gRPC code and details.
export const DOMAIN = 'aiplatform.googleapis.com';

const STATUS: Record<string, { code: number; http: number }> = {
  CANCELLED: { code: 1, http: 499 },
  UNKNOWN: { code: 2, http: 500 },
  INVALID_ARGUMENT: { code: 3, http: 400 },
  DEADLINE_EXCEEDED: { code: 4, http: 504 },
  NOT_FOUND: { code: 5, http: 404 },
  ALREADY_EXISTS: { code: 6, http: 409 },
  PERMISSION_DENIED: { code: 7, http: 403 },
  RESOURCE_EXHAUSTED: { code: 8, http: 429 },
  FAILED_PRECONDITION: { code: 9, http: 400 },
  ABORTED: { code: 10, http: 409 },
  OUT_OF_RANGE: { code: 11, http: 400 },
  UNIMPLEMENTED: { code: 12, http: 501 },
  INTERNAL: { code: 13, http: 500 },
  UNAVAILABLE: { code: 14, http: 503 },
  DATA_LOSS: { code: 15, http: 500 },
  UNAUTHENTICATED: { code: 16, http: 401 },
};

export type StatusName = keyof typeof STATUS;
export type ErrorDetail = Record<string, unknown> & { '@type': string };
export interface FieldViolation {
  field?: string;
  description: string;
  reason?: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: StatusName,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
  }

  get httpStatus(): number {
    return STATUS[this.status].http;
  }

  get grpcCode(): number {
    return STATUS[this.status].code;
  }

  /** The HTTP body: { error: { code, message, status, details } }. */
  toBody(): { error: Record<string, unknown> } {
    const error: Record<string, unknown> = { code: this.httpStatus, message: this.message, status: this.status };
    if (this.details.length) error.details = this.details;
    return { error };
  }

  /** The google.rpc.Status inside a failed Operation or job: code is the gRPC code. */
  toStatus(): Record<string, unknown> {
    const status: Record<string, unknown> = { code: this.grpcCode, message: this.message };
    if (this.details.length) status.details = this.details;
    return status;
  }
}

export function errorInfo(reason: string, metadata: Record<string, string> = {}, domain = DOMAIN): ErrorDetail {
  return { '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason, domain, metadata };
}

export function badRequest(fieldViolations: FieldViolation[]): ErrorDetail {
  return { '@type': 'type.googleapis.com/google.rpc.BadRequest', fieldViolations };
}

export function quotaFailure(violations: { subject: string; description: string }[]): ErrorDetail {
  return { '@type': 'type.googleapis.com/google.rpc.QuotaFailure', violations };
}

export function resourceInfo(resourceType: string, resourceName: string, description = ''): ErrorDetail {
  return {
    '@type': 'type.googleapis.com/google.rpc.ResourceInfo',
    resourceType: `${DOMAIN}/${resourceType}`,
    resourceName,
    owner: '',
    description,
  };
}

/** "Endpoint `projects/…/endpoints/123` not found." as Vertex words it. */
export function notFound(kind: string, name: string): ApiError {
  return new ApiError('NOT_FOUND', `${kind} \`${name}\` not found.`);
}

export function alreadyExists(kind: string, name: string): ApiError {
  return new ApiError('ALREADY_EXISTS', `${kind} \`${name}\` already exists.`, [resourceInfo(kind, name)]);
}

/**
 * Vertex's validation wording: "List of found errors:\t1.Field: parent; Message: …\t"
 * with one BadRequest violation per problem.
 */
export function invalidFields(violations: FieldViolation[]): ApiError {
  const list = violations.map((v, i) => `${i + 1}.Field: ${v.field ?? ''}; Message: ${v.description}\t`).join('');
  return new ApiError('INVALID_ARGUMENT', `List of found errors:\t${list}`, [badRequest(violations)]);
}

/** ESF-level JSON errors ("Invalid JSON payload received. …") keep one line per problem. */
export function invalidPayload(violations: FieldViolation[]): ApiError {
  return new ApiError('INVALID_ARGUMENT', violations.map((v) => v.description).join('\n'), [badRequest(violations)]);
}

export function invalidArgument(message: string, field?: string): ApiError {
  return new ApiError('INVALID_ARGUMENT', message, field ? [badRequest([{ field, description: message }])] : []);
}

export function failedPrecondition(message: string): ApiError {
  return new ApiError('FAILED_PRECONDITION', message);
}

export function unimplemented(methodFullName: string): ApiError {
  return new ApiError(
    'UNIMPLEMENTED',
    `Method ${methodFullName} is not implemented by the Vertex GenAI emulator.`,
    [errorInfo('METHOD_NOT_EMULATED', { method: methodFullName })],
  );
}

export function unauthenticated(methodFullName: string, service = DOMAIN): ApiError {
  return new ApiError(
    'UNAUTHENTICATED',
    'Request is missing required authentication credential. Expected OAuth 2 access token, login cookie ' +
      'or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
    [errorInfo('CREDENTIALS_MISSING', { method: methodFullName, service }, 'googleapis.com')],
  );
}

/** Google's front end answers an unknown URL with a 404 naming the path. */
export function urlNotFound(path: string): ApiError {
  return new ApiError('NOT_FOUND', `The requested URL ${path} was not found on this server.`);
}

export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new ApiError('INTERNAL', `Internal error encountered. (${message})`);
}
