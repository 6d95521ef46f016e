// The one place where errors become HTTP: {"error":{"code","message","details"}}, never a stack trace.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../shared/errors.ts';

export interface ErrorBody { error: { code: string; message: string; details?: unknown } }

export function errorBody(code: string, message: string, details?: unknown): ErrorBody {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

type ValidationItem = { instancePath?: string; message?: string; params?: Record<string, unknown> };

function validationDetails(err: FastifyError): Array<{ field: string; message: string }> {
  const items = (err.validation ?? []) as ValidationItem[];
  const context = err.validationContext ?? 'body';
  return items.map((v) => {
    const missing = typeof v.params?.missingProperty === 'string' ? `/${v.params.missingProperty}` : '';
    const extra = typeof v.params?.additionalProperty === 'string' ? `/${v.params.additionalProperty}` : '';
    const pointer = `${v.instancePath ?? ''}${missing}${extra}`;
    const field = pointer === '' ? context : pointer.slice(1).replaceAll('/', '.');
    return { field, message: missing ? 'is required' : extra ? 'is not a known field' : v.message ?? 'is invalid' };
  });
}

/** Requests for HTML pages get a small HTML error page; everything else gets the JSON shape. */
export type HtmlErrorRenderer = (req: FastifyRequest, status: number, body: ErrorBody) => string | undefined;

export function installErrorHandling(app: FastifyInstance, renderHtml: HtmlErrorRenderer): void {
  const send = (req: FastifyRequest, reply: FastifyReply, status: number, body: ErrorBody) => {
    const html = renderHtml(req, status, body);
    if (html !== undefined) return reply.status(status).type('text/html; charset=utf-8').send(html);
    return reply.status(status).type('application/json; charset=utf-8').send(body);
  };

  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof AppError) return send(req, reply, err.status, errorBody(err.code, err.message, err.details));
    if (err.validation) {
      const details = validationDetails(err);
      const first = details[0];
      return send(req, reply, 400, errorBody('invalid_request', first ? `"${first.field}" ${first.message}.` : 'The request is invalid.', details));
    }
    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const codes: Record<string, string> = {
        FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
        FST_REQ_FILE_TOO_LARGE: 'payload_too_large', // @fastify/multipart: a file part over its size limit
        FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
        FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid_request',
        FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_json',
        FST_ERR_RATE_LIMIT_EXCEEDED: 'rate_limited',
      };
      const code = codes[err.code] ?? (status === 429 ? 'rate_limited' : 'bad_request');
      return send(req, reply, status, errorBody(code, err.message));
    }
    req.log.error({ err }, 'unhandled error');
    return send(req, reply, 500, errorBody('internal_error', 'Something went wrong on our side. The error has been logged.'));
  });

  app.setNotFoundHandler((req, reply) =>
    send(req, reply, 404, errorBody('not_found', `No route for ${req.method} ${req.url.split('?')[0]}.`)));
}
