// Serves the React application (moderator console and public pages) built by Vite into dist/web.
// The index page is answered for every client-side route; hashed assets are cached for long.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { RouteModule } from '../types.ts';
import { AppError } from '../../shared/errors.ts';

export const WEB_DIST = fileURLToPath(new URL('../../../dist/web/', import.meta.url));

/** Scripts and styles from our origin only; images also from blob: (client-side previews and hashing). */
export const APP_CSP = [
  "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' blob: data:", "connect-src 'self'",
  "object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'",
].join('; ');

const APP_ROUTES = ['/console', '/console/*', '/report', '/report/status/:id', '/protect', '/protect/*'];

export const webAppRoutes: RouteModule = async (app) => {
  const index = path.join(WEB_DIST, 'index.html');
  const built = existsSync(index);
  if (built) {
    await app.register(fastifyStatic, {
      root: path.join(WEB_DIST, 'assets'), prefix: '/assets/', decorateReply: false, immutable: true, maxAge: '365d',
    });
  }
  const html = built ? readFileSync(index) : undefined;
  for (const url of APP_ROUTES) {
    app.get(url, { schema: { hide: true } }, async (_req, reply) => {
      if (!html) throw new AppError(503, 'web_app_not_built', 'The web application has not been built: run `npm run build:web` (npm start does it for you).');
      return reply.type('text/html; charset=utf-8').header('content-security-policy', APP_CSP).header('cache-control', 'no-cache').send(html);
    });
  }
};
