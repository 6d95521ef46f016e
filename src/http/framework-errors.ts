// Errors raised below our routes, in the one error shape: by Fastify's router before any route or hook
// runs (a bad percent-encoding, an over-long parameter), and by Node's HTTP server itself (what its
// parser refuses, a missing Host, an Expect it cannot meet, CONNECT). Without this they answer with
// Fastify's or Node's own bodies, or with none.
import http from 'node:http';
import type { Socket } from 'node:net';
import type { ConnectionError, FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { errorBody, errorSender, frameworkError, type ErrorBody, type HtmlErrorRenderer } from './errors.ts';
import { edgeHeaders } from './security-headers.ts';
import { propertyOf } from '../shared/property-of.ts';

/** Fastify's `frameworkErrors` option: router errors go through the same table and renderer as the rest. */
export function routerErrorHandler(renderHtml: HtmlErrorRenderer) {
  const send = errorSender(renderHtml);
  return (err: FastifyError, req: FastifyRequest, reply: FastifyReply): void => {
    const known = frameworkError(err);
    if (known) {
      send(req, reply, known.status, known.body);
      return;
    }
    req.log.error({ err }, 'unhandled router error');
    send(req, reply, 500, errorBody('internal_error', 'Something went wrong on our side. The error has been logged.'));
  };
}

/** A request line whose method is a token but one the parser does not know (RFC 9110 token chars). */
const REQUEST_LINE = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+ \S+ HTTP\/\d\.\d\r?\n/;

/** What Node's HTTP parser refuses, as status and body. The request never reached Fastify. */
export function clientErrorAnswer(err: ConnectionError): { status: number; body: ErrorBody } {
  switch (err.code) {
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return { status: 408, body: errorBody('request_timeout', 'The request took too long to arrive.') };
    case 'HPE_HEADER_OVERFLOW':
      return { status: 431, body: errorBody('headers_too_large', 'The request headers are too large.') };
    case 'HPE_INVALID_METHOD':
      // RFC 9110 §9.1: an unrecognised method is a 501. Garbage that is not even a request line is a 400.
      // (Fastify types rawPacket as a JSON-ed Buffer; Node gives the Buffer itself.)
      if (Buffer.isBuffer(err.rawPacket) && REQUEST_LINE.test(err.rawPacket.subarray(0, 8192).toString('latin1'))) {
        return { status: 501, body: errorBody('method_not_implemented', 'This request method is not supported.') };
      }
      break;
  }
  return { status: 400, body: errorBody('malformed_request', 'The request is not valid HTTP/1.1.') };
}

/** Writes a complete HTTP/1.1 answer on a socket no Fastify reply owns, then closes it. */
function writeRaw(socket: Socket, status: number, body: ErrorBody): void {
  const json = JSON.stringify(body);
  socket.end(
    `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\n` +
      'Content-Type: application/json; charset=utf-8\r\n' +
      Object.entries(edgeHeaders(false))
        .map(([name, value]) => `${name}: ${value}\r\n`)
        .join('') +
      `Content-Length: ${Buffer.byteLength(json)}\r\nConnection: close\r\n\r\n${json}`,
  );
}

/** Fastify's `clientErrorHandler` option (bound to the instance), replacing its {"error":"Bad Request",…} answer. */
export function answerClientError(this: FastifyInstance, err: ConnectionError, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const { status, body } = clientErrorAnswer(err);
  this.log.debug({ code: err.code, status }, 'refused before parsing');
  // As Node does: never write into a response already under way on this connection (pipelining; Node's
  // own, undocumented `_httpMessage`).
  const headersSent = propertyOf(propertyOf(socket, '_httpMessage'), 'headersSent');
  if (socket.writable && !headersSent) writeRaw(socket, status, body);
  socket.destroy();
}

/**
 * What Node's server would answer with an empty body. Needs `http: { requireHostHeader: false }` so the
 * missing-Host check happens here (onRequest, before the other hooks) rather than inside Node.
 */
export function installServerEdgeErrors(app: FastifyInstance): void {
  app.addHook('onRequest', async (req, reply) => {
    if (req.raw.httpVersionMajor === 1 && req.raw.httpVersionMinor >= 1 && req.headers.host === undefined) {
      return reply
        .status(400)
        .type('application/json; charset=utf-8')
        .header('connection', 'close')
        .send(errorBody('missing_host', 'HTTP/1.1 requests need a Host header.'));
    }
  });
  app.server.on('checkExpectation', (_req: http.IncomingMessage, res: http.ServerResponse) => {
    const json = JSON.stringify(errorBody('expectation_failed', 'Only "Expect: 100-continue" is supported.'));
    res.writeHead(417, {
      ...edgeHeaders(false),
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(json),
      connection: 'close',
    });
    res.end(json);
  });
  app.server.on('connect', (_req: http.IncomingMessage, socket: Socket) => {
    writeRaw(socket, 501, errorBody('method_not_implemented', 'This request method is not supported.'));
  });
}
