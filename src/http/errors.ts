// The one place where errors become HTTP: {"error":{"code","message","details"}}, never a stack trace.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, BusyError, type FieldProblem, type FieldProblemKind, fieldProblem, isBoundedKind } from '../shared/errors.ts';
import { propertyOf } from '../shared/property-of.ts';
import { edgeHeaders } from './security-headers.ts';

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

export function errorBody(code: string, message: string, details?: unknown): ErrorBody {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

type ValidationItem = { keyword?: string; instancePath?: string; message?: string; params?: Record<string, unknown> };

/** Schema keywords (Ajv's) as the kind of field problem a failure of each is. */
const KIND_OF_KEYWORD: Readonly<Record<string, FieldProblemKind>> = {
  required: 'required',
  additionalProperties: 'unknown_field',
  type: 'wrong_type',
  enum: 'not_allowed',
  const: 'not_allowed',
  anyOf: 'not_allowed',
  oneOf: 'not_allowed',
  pattern: 'bad_format',
  format: 'bad_format',
  maxLength: 'too_long',
  minLength: 'too_short',
  maxItems: 'too_many',
  minItems: 'too_few',
  maximum: 'out_of_range',
  minimum: 'out_of_range',
  exclusiveMaximum: 'out_of_range',
  exclusiveMinimum: 'out_of_range',
};

function validationDetails(err: FastifyError): FieldProblem[] {
  const items: ValidationItem[] = err.validation ?? [];
  const context = err.validationContext ?? 'body';
  return items.map((v) => {
    const missing = typeof v.params?.missingProperty === 'string' ? `/${v.params.missingProperty}` : '';
    const extra = typeof v.params?.additionalProperty === 'string' ? `/${v.params.additionalProperty}` : '';
    const pointer = `${v.instancePath ?? ''}${missing}${extra}`;
    const field = pointer === '' ? context : pointer.slice(1).replaceAll('/', '.');
    const kind = (v.keyword !== undefined && Object.hasOwn(KIND_OF_KEYWORD, v.keyword) ? KIND_OF_KEYWORD[v.keyword] : undefined) ?? 'invalid';
    const limit = isBoundedKind(kind) && typeof v.params?.limit === 'number' ? v.params.limit : undefined;
    return fieldProblem(field, kind, missing ? 'is required' : extra ? 'is not a known field' : (v.message ?? 'is invalid'), limit);
  });
}

/** An error's details with every field problem carrying a kind (`invalid` when its thrower named none). */
function withKinds(details: unknown): unknown {
  if (!Array.isArray(details)) return details;
  return details.map((d) =>
    typeof d === 'object' && d !== null && typeof propertyOf(d, 'field') === 'string' && !('kind' in d) ? { ...d, kind: 'invalid' } : d,
  );
}

/** Requests for HTML pages get a small HTML error page; everything else gets the JSON shape. */
export type HtmlErrorRenderer = (req: FastifyRequest, status: number, body: ErrorBody) => string | undefined;

/**
 * Every framework code (Fastify's FST_ERR_*, its plugins' FST_*) a client can meet, as our status and
 * stable code. Codes not listed keep their 4xx status as `bad_request`, or become a logged 500.
 */
export const FRAMEWORK_ERRORS: Readonly<Record<string, { status: number; code: string; message?: string }>> = {
  // Bodies
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'payload_too_large', message: 'The request body is too large.' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'unsupported_media_type',
    message: 'This Content-Type is not accepted here: send JSON (application/json).',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'bad_request', message: 'The body length does not match Content-Length.' },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: 400,
    code: 'invalid_request',
    message: 'The body is empty but Content-Type says application/json: send a JSON object, or no Content-Type.',
  },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'invalid_json', message: 'The body is not valid JSON.' },
  FST_ERR_ROUTE_MISSING_CONTENT_TYPE: { status: 400, code: 'bad_request' }, // a QUERY request without Content-Type
  // URLs, met in the router before any route runs (see framework-errors.ts)
  FST_ERR_BAD_URL: { status: 400, code: 'invalid_url', message: 'The URL path is not valid: a percent-encoded part is not UTF-8.' },
  // No handle or id is longer than 100 characters, and a 65-100 character one is already a 400
  // invalid_request from its route's schema: a longer one is the same mistake, not a 414 (the URI is short).
  FST_ERR_MAX_PARAM_LENGTH: { status: 400, code: 'invalid_request', message: 'A path parameter is longer than 100 characters: no handle or id is that long.' },
  // Rate limits (@fastify/rate-limit)
  FST_ERR_RATE_LIMIT_EXCEEDED: { status: 429, code: 'rate_limited' },
  // Multipart uploads (@fastify/multipart)
  FST_REQ_FILE_TOO_LARGE: { status: 413, code: 'payload_too_large', message: 'The file is too large.' },
  FST_FILES_LIMIT: { status: 400, code: 'invalid_multipart', message: 'Send one file part only.' },
  FST_FIELDS_LIMIT: { status: 400, code: 'invalid_multipart', message: 'The multipart body has too many text fields: send one file part.' },
  FST_PARTS_LIMIT: { status: 400, code: 'invalid_multipart', message: 'The multipart body has too many parts: send one file part.' },
  FST_PROTO_VIOLATION: { status: 400, code: 'invalid_multipart', message: 'A multipart field name is not allowed.' },
  FST_INVALID_JSON_FIELD_ERROR: { status: 400, code: 'invalid_multipart', message: 'A multipart field declared as JSON is not valid JSON.' },
  FST_MP_PREMATURE_CLOSE: { status: 400, code: 'invalid_multipart', message: 'The request ended before the multipart body was complete.' },
};

/** The status and body for an error that is not ours (a framework or plugin error), or undefined for a 500. */
export function frameworkError(err: FastifyError): { status: number; body: ErrorBody } | undefined {
  const known = Object.hasOwn(FRAMEWORK_ERRORS, err.code) ? FRAMEWORK_ERRORS[err.code] : undefined;
  const status = known?.status ?? err.statusCode ?? 500;
  if (status < 400 || status >= 500) return undefined;
  const code = known?.code ?? (status === 429 ? 'rate_limited' : 'bad_request');
  return { status, body: errorBody(code, known?.message ?? err.message) };
}

export type ErrorSender = (req: FastifyRequest, reply: FastifyReply, status: number, body: ErrorBody) => FastifyReply;

/** Sends an error as the HTML page the renderer gives, or else as the JSON shape. */
export function errorSender(renderHtml: HtmlErrorRenderer): ErrorSender {
  return (req, reply, status, body) => {
    const html = renderHtml(req, status, body);
    // Router errors are answered before any hook runs: the protective headers are set here for them too.
    reply.headers(edgeHeaders(html !== undefined));
    if (html !== undefined) return reply.status(status).type('text/html; charset=utf-8').send(html);
    return reply.status(status).type('application/json; charset=utf-8').send(body);
  };
}

export function installErrorHandling(app: FastifyInstance, renderHtml: HtmlErrorRenderer): void {
  const send = errorSender(renderHtml);

  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof AppError) {
      if (err instanceof BusyError) reply.header('retry-after', String(err.retryAfter));
      return send(req, reply, err.status, errorBody(err.code, err.message, withKinds(err.details)));
    }
    if (err.validation) {
      const details = validationDetails(err);
      const first = details[0];
      return send(req, reply, 400, errorBody('invalid_request', first ? `"${first.field}" ${first.message}.` : 'The request is invalid.', details));
    }
    const known = frameworkError(err);
    if (known) return send(req, reply, known.status, known.body);
    req.log.error({ err }, 'unhandled error');
    return send(req, reply, 500, errorBody('internal_error', 'Something went wrong on our side. The error has been logged.'));
  });

  app.setNotFoundHandler((req, reply) => send(req, reply, 404, errorBody('not_found', `No route for ${req.method} ${req.url.split('?')[0]}.`)));
}
