// The API reference at /api/docs: Swagger UI, which (unlike our own pages) runs scripts, so it gets its
// own policy, for its HTML only. Registered as its own plugin so the hook sees nothing but its answers.
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { FAVICON } from './routes/public-pages.routes.ts';

/** The one inline style Swagger UI needs: the <style> inside its top bar's SVG logo (swagger-ui-standalone-preset.js). */
const LOGO_STYLE = "'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='";

/** Swagger UI's own files only; data: images for its logo and icons; requests to us for "Try it out". */
export const DOCS_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  `style-src 'self' ${LOGO_STYLE}`,
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const VIEWPORT = '<meta name="viewport" content="width=device-width, initial-scale=1">';

export async function apiDocs(docs: FastifyInstance): Promise<void> {
  docs.addHook('onSend', async (_req, reply, payload) => {
    if (!String(reply.getHeader('content-type') ?? '').startsWith('text/html')) return payload;
    reply.header('content-security-policy', DOCS_CSP);
    // @fastify/swagger-ui has no option for head tags; its page is fixed text, so add ours after the charset.
    return typeof payload === 'string' ? payload.replace(/<meta charset="UTF-8">/i, (m) => `${m}\n${VIEWPORT}`) : payload;
  });
  await docs.register(swaggerUi, {
    routePrefix: '/api/docs',
    theme: { title: 'Vigil API', favicon: [{ filename: 'favicon.svg', rel: 'icon', sizes: 'any', type: 'image/svg+xml', content: FAVICON }] },
  });
}
