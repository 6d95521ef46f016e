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

/**
 * What is wrong with one field, as a stable machine code: clients (the public pages' catalogues) say it in
 * their reader's language; `message` says it in English. `invalid` is the default when nothing more
 * precise is said (http/errors.ts gives it to a field problem thrown without a kind).
 */
export const FIELD_PROBLEM_KINDS = [
  'invalid',
  'required',
  'unknown_field',
  'wrong_type',
  'not_allowed',
  'bad_format',
  'too_long',
  'too_short',
  'too_many',
  'too_few',
  'out_of_range',
  'out_of_order',
  'not_text',
  'not_a_link',
  'not_found',
  'not_reportable',
  'unknown_platform',
  'not_a_category',
  'must_confirm',
  'either_or',
] as const;
export type FieldProblemKind = (typeof FIELD_PROBLEM_KINDS)[number];

/** The kinds that name the bound a value missed (a field problem's `limit`). */
const BOUNDED_KINDS: ReadonlySet<string> = new Set<FieldProblemKind>(['too_long', 'too_short', 'too_many', 'too_few']);
export const isBoundedKind = (kind: string): boolean => BOUNDED_KINDS.has(kind);

/** One entry of an error's `details[]`: `limit` is the bound a too_long, too_short, too_many or too_few value missed. */
export interface FieldProblem {
  field: string;
  kind: FieldProblemKind;
  message: string;
  limit?: number;
}

export const fieldProblem = (field: string, kind: FieldProblemKind, message: string, limit?: number): FieldProblem =>
  limit === undefined ? { field, kind, message } : { field, kind, message, limit };

export const badRequest = (code: string, message: string, details?: unknown) => new AppError(400, code, message, details);
export const unauthorized = (message = 'Authentication is required.') => new AppError(401, 'unauthorized', message);
export const forbidden = (message = 'You are not allowed to do this.') => new AppError(403, 'forbidden', message);
export const notFound = (what: string) => new AppError(404, 'not_found', `${what} was not found.`);
export const conflict = (code: string, message: string, details?: unknown) => new AppError(409, code, message, details);
