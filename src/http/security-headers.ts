// Protective headers on every response, whoever answers it (routes, errors, 404s, static files).
// @fastify/helmet sets the usual ones; the Content-Security-Policy is chosen here by kind of response,
// unless the route already set its own (web app, media, API docs): one policy per kind, one place.
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import { PAGE_CSP } from '../platform/preview/layout.ts';

/** JSON and everything else that is not a page: nothing may load in it, nobody may frame it. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/**
 * The headers for answers written where no hook runs (router errors, what Node's parser refuses):
 * the same protection helmet gives every other response, with the policy for JSON or for a page.
 */
export function edgeHeaders(html: boolean): Record<string, string> {
  return {
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'content-security-policy': html ? PAGE_CSP : API_CSP,
  };
}

/** One year, as helmet's default; sent only over HTTPS, where browsers honour it anyway. */
const HSTS = 'max-age=31536000; includeSubDomains';

export async function installSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: false, // per kind of response, below
    strictTransportSecurity: false, // over HTTPS only, below
    frameguard: { action: 'deny' },
    // Status links carry a receipt: no page of ours tells another site where a visitor came from.
    referrerPolicy: { policy: 'no-referrer' },
  });
  app.addHook('onSend', async (req, reply) => {
    if (!reply.hasHeader('content-security-policy')) {
      const html = String(reply.getHeader('content-type') ?? '').startsWith('text/html');
      reply.header('content-security-policy', html ? PAGE_CSP : API_CSP);
    }
    // req.protocol is https for TLS sockets, and for X-Forwarded-Proto from a proxy once proxies are trusted.
    if (req.protocol === 'https') reply.header('strict-transport-security', HSTS);
  });
}
