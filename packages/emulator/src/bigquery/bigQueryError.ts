// BigQuery's error shape, which is not google.rpc.Status: { error: { code, message,
// errors: [{ message, domain, reason, location?, locationType? }], status } }, with
// BigQuery's reasons (notFound, duplicate, invalid, invalidQuery, resourceInUse).
import { ApiError, type StatusName } from '../googleError';

export interface ErrorProto {
  reason: string;
  message: string;
  location?: string;
  locationType?: string;
  debugInfo?: string;
}

const STATUS_OF: Record<string, StatusName> = {
  notFound: 'NOT_FOUND',
  duplicate: 'ALREADY_EXISTS',
  invalid: 'INVALID_ARGUMENT',
  invalidQuery: 'INVALID_ARGUMENT',
  resourceInUse: 'INVALID_ARGUMENT',
  required: 'INVALID_ARGUMENT',
};

export class BigQueryError extends ApiError {
  constructor(
    readonly reason: string,
    message: string,
    readonly extra: Pick<ErrorProto, 'location' | 'locationType'> = {},
  ) {
    super(STATUS_OF[reason] ?? 'INVALID_ARGUMENT', message);
  }

  /** The ErrorProto a job's status.errorResult carries. */
  get proto(): ErrorProto {
    return { reason: this.reason, location: this.extra.location, message: this.message };
  }

  override toBody(): { error: Record<string, unknown> } {
    return {
      error: {
        code: this.httpStatus,
        message: this.message,
        errors: [{ message: this.message, domain: 'global', reason: this.reason, ...this.extra }],
        status: this.status,
      },
    };
  }
}

export const bqNotFound = (what: string) => new BigQueryError('notFound', `Not found: ${what}`);
export const bqDuplicate = (what: string) => new BigQueryError('duplicate', `Already Exists: ${what}`);
export const bqInvalid = (message: string) => new BigQueryError('invalid', message);
/** A query BigQuery refuses: the location is the request parameter "q" (jobs.query) or "query" (job configuration). */
export const bqInvalidQuery = (message: string, location = 'q') => new BigQueryError('invalidQuery', message, { location, locationType: 'parameter' });
