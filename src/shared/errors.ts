// One error type for the whole product: a stable machine code, an HTTP status and a human message.
// HTTP mapping happens in one place (http/errors.ts); services throw these and nothing else on bad input.
export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: unknown;
  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

/** 503 busy: the work queue is full; the answer carries Retry-After (a 49-megapixel decode takes about a second). */
export class BusyError extends AppError {
  readonly retryAfter: number;
  constructor(message: string, retryAfter = 2) {
    super(503, 'busy', message);
    this.retryAfter = retryAfter;
  }
}

export const badRequest = (code: string, message: string, details?: unknown) => new AppError(400, code, message, details);
export const unauthorized = (message = 'Authentication is required.') => new AppError(401, 'unauthorized', message);
export const forbidden = (message = 'You are not allowed to do this.') => new AppError(403, 'forbidden', message);
export const notFound = (what: string) => new AppError(404, 'not_found', `${what} was not found.`);
export const conflict = (code: string, message: string, details?: unknown) => new AppError(409, code, message, details);
