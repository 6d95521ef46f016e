// Public, server-rendered pages and media bytes. No JavaScript; strict CSP; every user string escaped.
import { readFileSync } from 'node:fs';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { RouteModule } from '../types.ts';
import { htmlPage } from '../schemas.ts';
import type { MediaTable } from '../../db/schema.ts';
import { viewerOf } from '../viewer.ts';
import { isStaffWith } from '../access.ts';
import { AppError, notFound } from '../../shared/errors.ts';
import { botView } from '../../platform/bots.service.ts';
import { botPage, channelPage, postPage, stickerSetPage } from '../../platform/preview/pages.ts';
import { homePage } from '../../platform/preview/layout.ts';
import { MediaAccess } from '../../platform/media-access.ts';
import { PageCache } from '../../platform/preview/page-cache.ts';
import { pageContext, rememberLanguage, requestLanguage } from '../language.ts';

const PAGE_PATH = /^\/(c|bot|stickers)\/|^\/(\?|$)/;

const css = readFileSync(new URL('../../platform/preview/preview.css', import.meta.url));
/** The one icon, for these pages, the web app (Vite copies web/public) and /api/docs. */
export const FAVICON = readFileSync(new URL('../../../web/public/favicon.svg', import.meta.url));

export const publicPagesRoutes: RouteModule = (app, ctx) => {
  const mediaAccess = new MediaAccess(ctx.db, ctx.visibility);
  // Pages, not API: left out of the OpenAPI document, but each still declares what it answers.
  const hidden = { hide: true, response: htmlPage };
  const file = (type: string) => ({
    hide: true,
    response: { 200: { description: 'A file', content: { [type]: { schema: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }) } } } },
  });
  // Channel and post pages as last rendered, valid until the next commit to the database (page-cache.ts).
  // Nothing is cached when visibility has another source than the database (tests replace it).
  const pages = new PageCache(() => (ctx.visibility.fromDatabase ? ctx.reads.dataVersion() : undefined));
  const pageKey = (req: FastifyRequest, ...parts: Array<string | number | undefined>) =>
    [viewerOf(req).country ?? '', requestLanguage(req), ...parts.map((p) => p ?? '')].join('\u0000');
  // Every page is in its reader's language; one chosen with ?lang= is remembered in the cookie.
  app.addHook('onRequest', async (req, reply) => {
    if (PAGE_PATH.test(req.url)) rememberLanguage(req, reply);
  });

  app.get('/static/preview.css', { schema: file('text/css') }, async (_req, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=300').send(css),
  );

  // Browsers that ignore the pages' <link rel="icon"> still ask for /favicon.ico: the same SVG serves.
  for (const url of ['/favicon.svg', '/favicon.ico']) {
    app.get(url, { schema: file('image/svg+xml') }, async (_req, reply) =>
      reply.type('image/svg+xml').header('cache-control', 'public, max-age=86400').send(FAVICON),
    );
  }

  app.get(
    '/c/:handle',
    {
      schema: {
        ...hidden,
        params: Type.Object({ handle: Type.String({ maxLength: 64 }) }),
        querystring: Type.Object({ before: Type.Optional(Type.String({ maxLength: 200 })) }),
      },
    },
    async (req, reply) => {
      const html = await pages.get(pageKey(req, 'c', req.params.handle, req.query.before), async () => {
        const r = await ctx.channels.listPosts(req.params.handle, viewerOf(req), { limit: 20, cursor: req.query.before });
        return channelPage(pageContext(req), r.channel, r.posts, r.nextCursor);
      });
      return reply.type('text/html; charset=utf-8').send(html);
    },
  );

  app.get(
    '/c/:handle/:number',
    {
      schema: { ...hidden, params: Type.Object({ handle: Type.String({ maxLength: 64 }), number: Type.Integer({ minimum: 1 }) }) },
    },
    async (req, reply) => {
      const html = await pages.get(pageKey(req, 'p', req.params.handle, req.params.number), async () => {
        const r = await ctx.channels.getPost(req.params.handle, req.params.number, viewerOf(req));
        return postPage(pageContext(req), r.channel, r.post);
      });
      return reply.type('text/html; charset=utf-8').send(html);
    },
  );

  app.get('/bot/:handle', { schema: { ...hidden, params: Type.Object({ handle: Type.String({ maxLength: 64 }) }) } }, async (req, reply) => {
    const bot = botView(await ctx.bots.getVisible(req.params.handle, viewerOf(req)));
    return reply.type('text/html; charset=utf-8').send(botPage(pageContext(req), bot, await ctx.bots.messages(req.params.handle, viewerOf(req))));
  });

  app.get('/stickers/:name', { schema: { ...hidden, params: Type.Object({ name: Type.String({ maxLength: 64 }) }) } }, async (req, reply) =>
    reply.type('text/html; charset=utf-8').send(stickerSetPage(pageContext(req), await ctx.stickerSets.getVisible(req.params.name, viewerOf(req)))),
  );

  app.get(
    '/media/:id',
    { schema: { ...file('application/octet-stream'), params: Type.Object({ id: Type.String({ maxLength: 64 }) }) } },
    async (req, reply) => {
      let m: MediaTable;
      try {
        m = await ctx.media.get(req.params.id);
      } catch (err) {
        if (err instanceof AppError) throw notFound('Media');
        throw err;
      }
      const accountId = req.principal.kind === 'account' ? req.principal.accountId : undefined;
      // Reviewers must see what they decide on, including content held or blocked from the public
      // (the console blurs it until they choose to look), but never media of private groups and chats.
      // Nobody else gets more than the public does.
      const reviewer = isStaffWith(req.principal, 'cases.read');
      if (!(await mediaAccess.canView(m, accountId, viewerOf(req), { reviewer }))) throw notFound('Media');
      const bytes = await ctx.media.content(m);
      // nosniff, like every response (security-headers.ts): the bytes are only ever their sniffed type.
      reply.header('content-security-policy', "default-src 'none'; sandbox; frame-ancestors 'none'").header('cache-control', 'private, max-age=60');
      if (!m.mime.startsWith('image/')) reply.header('content-disposition', 'attachment');
      return reply.type(m.mime).send(bytes);
    },
  );

  app.get('/', { schema: hidden }, async (req, reply) => reply.type('text/html; charset=utf-8').send(homePage(pageContext(req))));
};
