// The one error type the web app shows: the API's {"error":{"code","message","details"}} shape, or a
// network failure described the same way so every screen can print it plainly.
import { propertyOf } from '../../../src/shared/property-of.ts';

export interface FieldProblem {
  field: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /** The `details[]` entries that name a field, as field → message. */
  get fieldProblems(): FieldProblem[] {
    if (!Array.isArray(this.details)) return [];
    return this.details.filter((d): d is FieldProblem => typeof propertyOf(d, 'field') === 'string' && typeof propertyOf(d, 'message') === 'string');
  }
}

export const networkError = () => new ApiError(0, 'network_error', 'The server could not be reached. Check your connection and try again.');

/** Anything thrown, as an ApiError (programming errors keep their message). */
export function asApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (err instanceof Error) return new ApiError(0, 'client_error', err.message);
  return new ApiError(0, 'client_error', String(err));
}
