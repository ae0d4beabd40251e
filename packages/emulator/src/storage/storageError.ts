// Cloud Storage JSON API errors: { error: { code, message, errors: [{ message, domain,
// reason }] } }, with GCS's own wording ("No such object: bucket/name").
import { ApiError, type StatusName } from '../googleError';

const STATUS_OF: Record<string, StatusName> = {
  notFound: 'NOT_FOUND',
  conflict: 'ALREADY_EXISTS',
  invalid: 'INVALID_ARGUMENT',
  required: 'INVALID_ARGUMENT',
  conditionNotMet: 'FAILED_PRECONDITION',
  requestedRangeNotSatisfiable: 'OUT_OF_RANGE',
};

const HTTP_OF: Record<string, number> = { conditionNotMet: 412, requestedRangeNotSatisfiable: 416 };

export class StorageError extends ApiError {
  constructor(
    readonly reason: string,
    message: string,
  ) {
    super(STATUS_OF[reason] ?? 'INVALID_ARGUMENT', message);
  }

  override get httpStatus(): number {
    return HTTP_OF[this.reason] ?? super.httpStatus;
  }

  override toBody(): { error: Record<string, unknown> } {
    return { error: { code: this.httpStatus, message: this.message, errors: [{ message: this.message, domain: 'global', reason: this.reason }] } };
  }
}

export const noSuchBucket = () => new StorageError('notFound', 'The specified bucket does not exist.');
export const noSuchObject = (bucket: string, name: string) => new StorageError('notFound', `No such object: ${bucket}/${name}`);
export const invalidRequest = (message: string) => new StorageError('invalid', message);
