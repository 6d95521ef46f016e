// Serves the React application (moderator console and public pages) built by Vite into dist/web.
// The index page is answered for every client-side route; hashed assets are cached for long. Both were
// compressed at build time (brotli, gzip) and are sent so when the browser accepts it.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { RouteModule } from '../types.ts';
import { htmlPage } from '../schemas.ts';
import { AppError } from '../../shared/errors.ts';

export const WEB_DIST = fileURLToPath(new URL('../../../dist/web/', import.meta.url));

/** Scripts and styles from our origin only; images also from blob: (client-side previews and hashing). */
export const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob: data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const APP_ROUTES = [
  '/console',
  '/console/*',
  '/report',
  '/report/status/:id',
  '/report/appeal',
  '/report/appeal/:id',
  '/protect',
  '/protect/*',
  '/transparency',
];

export const webAppRoutes: RouteModule = async (app) => {
  const built = existsSync(path.join(WEB_DIST, 'index.html'));
  if (built) {
    // Vite writes brotli and gzip copies beside each file; preCompressed picks one by Accept-Encoding
    // and answers Vary: Accept-Encoding.
    await app.register(fastifyStatic, {
      root: path.join(WEB_DIST, 'assets'),
      prefix: '/assets/',
      decorateReply: false,
      immutable: true,
      maxAge: '365d',
      preCompressed: true,
    });
  }
  // The index page, for every client-side route: its own scope, so sendFile serves dist/web only here.
  await app.register(async (scope) => {
    if (built) await scope.register(fastifyStatic, { root: WEB_DIST, serve: false, preCompressed: true, cacheControl: false });
    for (const url of APP_ROUTES) {
      scope.get(url, { schema: { hide: true, response: htmlPage } }, async (_req, reply) => {
        if (!built)
          throw new AppError(503, 'web_app_not_built', 'The web application has not been built: run `npm run build:web` (npm start does it for you).');
        return reply.header('content-security-policy', APP_CSP).header('cache-control', 'no-cache').sendFile('index.html');
      });
    }
  });
};
