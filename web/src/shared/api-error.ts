// The one error type the web app shows: the API's {"error":{"code","message","details"}} shape, or a
// network failure described the same way so every screen can print it plainly.
import { propertyOf } from '../../../src/shared/property-of.ts';

/** A `details[]` entry that names a field: `kind` is the API's machine code for the problem, `message` its English words. */
export interface FieldProblem {
  field: string;
  kind?: string;
  message: string;
  limit?: number;
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

  /** The `details[]` entries that name a field. */
  get fieldProblems(): FieldProblem[] {
    if (!Array.isArray(this.details)) return [];
    return this.details.flatMap((d): FieldProblem[] => {
      const [field, kind, message, limit] = ['field', 'kind', 'message', 'limit'].map((k) => propertyOf(d, k));
      if (typeof field !== 'string' || typeof message !== 'string') return [];
      return [{ field, message, ...(typeof kind === 'string' ? { kind } : {}), ...(typeof limit === 'number' ? { limit } : {}) }];
    });
  }
}

export const networkError = () => new ApiError(0, 'network_error', 'The server could not be reached. Check your connection and try again.');

/** Anything thrown, as an ApiError (programming errors keep their message). */
export function asApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (err instanceof Error) return new ApiError(0, 'client_error', err.message);
  return new ApiError(0, 'client_error', String(err));
}
