// The errors an injected fault answers with, worded and shaped as Google's front ends
// word them: Vertex's pay-as-you-go 429 text, RetryInfo next to the Retry-After header,
// and for the JSON APIs (BigQuery, Storage) the legacy `errors[]` list their clients
// read the reason from (rateLimitExceeded / backendError are what they retry on).
import { ApiError, errorInfo, type ErrorDetail, type StatusName } from '../googleError';
import type { FaultEffect } from './faultSpec';
import { TOKEN_PATH, revokedGrant } from '../handlers/oauthToken';

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

/** The answer for an `error=` fault on a request to `path` (method: its proto name, if any). */
export function injectedError(effect: Extract<FaultEffect, { kind: 'error' }>, path: string, method?: string): InjectedError {
  const service = serviceOf(path);
  const jsonApi = service !== 'aiplatform.googleapis.com' && !service.startsWith('cloudresourcemanager');
  if (effect.status === 401) {
    if (path === TOKEN_PATH) throw revokedGrant();
    return unauthenticatedError(service, jsonApi, method);
  }
  if (effect.status === 403) {
    return effect.reason === 'SERVICE_DISABLED' ? serviceDisabled(service, projectOf(path), jsonApi) : permissionDenied(effect.permission ?? permissionOf(path, method), service, path, jsonApi);
  }
  const httpStatus = effect.status;
  const retryAfterS = effect.retryAfterS;
  const { status, message, reason } = BY_HTTP[httpStatus];
  const details: ErrorDetail[] = [];
  const headers: Record<string, string> = {};
  if (httpStatus === 429) {
    details.push(errorInfo('RATE_LIMIT_EXCEEDED', { service, ...(method ? { method } : {}) }, 'googleapis.com'));
    details.push({ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: `${retryAfterS}s` });
    headers['Retry-After'] = String(Math.ceil(retryAfterS));
  }
  return new InjectedError(status, message, jsonApi ? [] : details, headers, jsonApi ? reason : undefined);
}

/** An expired or revoked access token, as Google's front end refuses it. */
function unauthenticatedError(service: string, jsonApi: boolean, method?: string): InjectedError {
  const message =
    'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid ' +
    'authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.';
  const details = [errorInfo('ACCESS_TOKEN_EXPIRED', { service, ...(method ? { method } : {}) }, 'googleapis.com')];
  const headers = { 'WWW-Authenticate': 'Bearer realm="https://accounts.google.com/", error="invalid_token"' };
  return new InjectedError('UNAUTHENTICATED', message, jsonApi ? [] : details, headers, jsonApi ? 'authError' : undefined);
}

/** IAM refusing one permission on the resource the path names. */
function permissionDenied(permission: string, service: string, path: string, jsonApi: boolean): InjectedError {
  const resource = path.replace(/^\/(v1|v1beta1|bigquery\/v2|storage\/v1)\//, '').replace(/\/(endpoints|models|tuningJobs|datasets|customJobs|hyperparameterTuningJobs|tables|b|o)(\/.*)?$/, '');
  if (jsonApi) {
    const project = projectOf(path);
    return new InjectedError('PERMISSION_DENIED', `Access Denied: Project ${project}: User does not have ${permission} permission in project ${project}.`, [], {}, 'accessDenied');
  }
  const message = `Permission '${permission}' denied on resource '//${service}/${resource}' (or it may not exist).`;
  return new InjectedError('PERMISSION_DENIED', message, [errorInfo('IAM_PERMISSION_DENIED', { permission, resource }, service)], {});
}

/** The API switched off in the project: Google's SERVICE_DISABLED with the page that enables it. */
function serviceDisabled(service: string, project: string, jsonApi: boolean): InjectedError {
  const title = SERVICE_TITLES[service] ?? service;
  const activationUrl = `https://console.developers.google.com/apis/api/${service}/overview?project=${project}`;
  const message =
    `${title} has not been used in project ${project} before or it is disabled. Enable it by visiting ${activationUrl} then retry. ` +
    'If you enabled this API recently, wait a few minutes for the action to propagate to our systems and retry.';
  const details: ErrorDetail[] = [
    errorInfo('SERVICE_DISABLED', { service, consumer: `projects/${project}`, activationUrl, serviceTitle: title, containerInfo: project }, 'googleapis.com'),
    { '@type': 'type.googleapis.com/google.rpc.LocalizedMessage', locale: 'en-US', message },
    { '@type': 'type.googleapis.com/google.rpc.Help', links: [{ description: 'Google developers console API activation', url: activationUrl }] },
  ];
  return new InjectedError('PERMISSION_DENIED', message, jsonApi ? [] : details, {}, jsonApi ? 'accessNotConfigured' : undefined);
}

const SERVICE_TITLES: Record<string, string> = {
  'aiplatform.googleapis.com': 'Vertex AI API',
  'bigquery.googleapis.com': 'BigQuery API',
  'storage.googleapis.com': 'Cloud Storage JSON API',
  'cloudresourcemanager.googleapis.com': 'Cloud Resource Manager API',
};

/** IAM permission a request needs: `aiplatform.endpoints.list` for EndpointService.ListEndpoints. */
export function permissionOf(path: string, method?: string): string {
  const m = method && /\.(List|Get|Create|Delete|Update|Deploy|Undeploy|Cancel|Predict|GenerateContent|StreamGenerateContent|[A-Z][a-z]+)([A-Z]\w*)?$/.exec(method);
  if (m) {
    const verb = m[1];
    const noun = m[2] ?? '';
    const plural = noun.endsWith('s') ? noun : noun.endsWith('y') ? `${noun.slice(0, -1)}ies` : `${noun}s`;
    if (/Predict|GenerateContent/.test(verb)) return 'aiplatform.endpoints.predict';
    return `aiplatform.${plural.charAt(0).toLowerCase()}${plural.slice(1)}.${verb.charAt(0).toLowerCase()}${verb.slice(1)}`;
  }
  if (path.startsWith('/bigquery/')) {
    if (/\/data$/.test(path)) return 'bigquery.tables.getData';
    if (/\/(queries|jobs)/.test(path)) return 'bigquery.jobs.create';
    if (/\/tables/.test(path)) return 'bigquery.tables.list';
    return 'bigquery.datasets.get';
  }
  if (/\/o(\/|$)/.test(path)) return 'storage.objects.list';
  if (/storage\//.test(path)) return 'storage.buckets.get';
  return 'resourcemanager.projects.get';
}

function projectOf(path: string): string {
  return /\/projects\/([^/:]+)/.exec(path)?.[1] ?? /\/b\/([^/]+)/.exec(path)?.[1] ?? 'unknown';
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
