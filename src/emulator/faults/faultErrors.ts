// The errors an injected fault answers with, worded and shaped as Google's front ends
// word them: Vertex's pay-as-you-go 429 text, RetryInfo next to the Retry-After header,
// and for the JSON APIs (BigQuery, Storage) the legacy `errors[]` list their clients
// read the reason from (rateLimitExceeded / backendError are what they retry on).
import { ApiError, errorInfo, type ErrorDetail, type StatusName } from '../googleError';

const BY_HTTP: Record<429 | 500 | 503, { status: StatusName; message: string; reason: string }> = {
  429: { status: 'RESOURCE_EXHAUSTED', message: 'Resource exhausted, please try again later.', reason: 'rateLimitExceeded' },
  500: { status: 'INTERNAL', message: 'Internal error encountered.', reason: 'backendError' },
  503: { status: 'UNAVAILABLE', message: 'The service is currently unavailable.', reason: 'backendError' },
};

/** An ApiError with the response headers it must be sent with. */
export class InjectedError extends ApiError {
  constructor(
    status: StatusName,
    message: string,
    details: ErrorDetail[],
    readonly headers: Record<string, string>,
    private readonly legacyReason?: string,
  ) {
    super(status, message, details);
  }

  override toBody(): { error: Record<string, unknown> } {
    const body = super.toBody();
    if (this.legacyReason) body.error.errors = [{ message: this.message, domain: 'global', reason: this.legacyReason }];
    return body;
  }
}

/** The answer for `error=429|500|503` on a request to `path` (method: its proto name, if any). */
export function injectedError(httpStatus: 429 | 500 | 503, retryAfterS: number, path: string, method?: string): InjectedError {
  const { status, message, reason } = BY_HTTP[httpStatus];
  const service = serviceOf(path);
  const jsonApi = service !== 'aiplatform.googleapis.com' && !service.startsWith('cloudresourcemanager');
  const details: ErrorDetail[] = [];
  const headers: Record<string, string> = {};
  if (httpStatus === 429) {
    details.push(errorInfo('RATE_LIMIT_EXCEEDED', { service, ...(method ? { method } : {}) }, 'googleapis.com'));
    details.push({ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: `${retryAfterS}s` });
    headers['Retry-After'] = String(Math.ceil(retryAfterS));
  }
  return new InjectedError(status, message, jsonApi ? [] : details, headers, jsonApi ? reason : undefined);
}

/** The google.rpc.Status a failed operation carries for `operation=fail,error=…`. */
export function operationError(httpStatus: 429 | 500 | 503): ApiError {
  const { status, message } = BY_HTTP[httpStatus];
  return new ApiError(status, message);
}

/** Extra headers an error must be answered with (Retry-After for injected 429s). */
export function headersOf(err: unknown): Record<string, string> {
  return err instanceof InjectedError ? err.headers : {};
}

function serviceOf(path: string): string {
  if (path.startsWith('/bigquery/')) return 'bigquery.googleapis.com';
  if (/^\/(upload\/|download\/)?storage\//.test(path)) return 'storage.googleapis.com';
  if (/^\/v[13]\/projects(:search|\/[^/]+)?$/.test(path)) return 'cloudresourcemanager.googleapis.com';
  return 'aiplatform.googleapis.com';
}
