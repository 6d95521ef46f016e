// The HTTP application, built as a plugin tree separate from listen() so tests drive it with inject().
// Order: infrastructure (errors, auth, docs, metrics) → routes.
import Fastify, { type FastifyBaseLogger } from 'fastify';
import swagger from '@fastify/swagger';
import cookie from '@fastify/cookie';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppContext } from '../context.ts';
import { ping } from '../db/database.ts';
import { installErrorHandling, type HtmlErrorRenderer } from './errors.ts';
import { answerClientError, installServerEdgeErrors, routerErrorHandler } from './framework-errors.ts';
import { installTextIntegrity } from './text-integrity.ts';
import { installPrincipal } from './principal.ts';
import { enforceAccess } from './access.ts';
import { peopleTokenResolvers, sessionResolver } from './people-auth.ts';
import { installMetrics } from './metrics.ts';
import { trustProxyOption } from './proxy.ts';
import { installSecurityHeaders } from './security-headers.ts';
import { installRateLimitStore } from './rate-limits.ts';
import { openRateLimitStore, rateLimitStoreMetric } from './rate-limit-store.ts';
import { apiDocs } from './api-docs.ts';
import { Type } from 'typebox';
import { ErrorSchema, errorResponses, FieldProblemSchema } from './schemas.ts';
import type { App } from './types.ts';
import { accountsRoutes } from './routes/accounts.routes.ts';
import { mediaRoutes } from './routes/media.routes.ts';
import { channelsRoutes } from './routes/channels.routes.ts';
import { botsAndStickersRoutes } from './routes/bots-stickers.routes.ts';
import { conversationsRoutes } from './routes/conversations.routes.ts';
import { publicPagesRoutes } from './routes/public-pages.routes.ts';
import { peopleRoutes } from './routes/people.routes.ts';
import { reportsRoutes } from './routes/reports.routes.ts';
import { casesRoutes } from './routes/cases.routes.ts';
import { appealsRoutes } from './routes/appeals.routes.ts';
import { credibilityRoutes } from './routes/credibility.routes.ts';
import { webAppRoutes } from './routes/web-app.routes.ts';
import { banksRoutes } from './routes/banks.routes.ts';
import { protectRoutes } from './routes/protect.routes.ts';
import { jobsRoutes } from './routes/jobs.routes.ts';
import { mailRoutes } from './routes/mail.routes.ts';
import { rulesRoutes } from './routes/rules.routes.ts';
import { webhooksRoutes } from './routes/webhooks.routes.ts';
import { statisticsRoutes } from './routes/statistics.routes.ts';
import { transparencyRoutes } from './routes/transparency.routes.ts';
import { contentRoutes } from './routes/content.routes.ts';
import { errorPage, noticePage } from '../platform/preview/layout.ts';
import { localNotice } from '../policy/policy-text.ts';
import { pageContext } from './language.ts';
import { AppError } from '../shared/errors.ts';
import { propertyOf } from '../shared/property-of.ts';

const HTML_PAGE = /^\/(c|bot|stickers|media)\//;

const renderHtmlError: HtmlErrorRenderer = (req, status, body) => {
  if (!HTML_PAGE.test(req.url)) return undefined;
  const ctx = pageContext(req);
  const notice = propertyOf(body.error.details, 'notice');
  const [text, code, category, kind] = ['text', 'code', 'category', 'kind'].map((k) => propertyOf(k === 'kind' ? body.error.details : notice, k));
  if (status === 451 && typeof text === 'string') {
    const said =
      typeof code === 'string' && typeof kind === 'string'
        ? localNotice({ code, category: typeof category === 'string' ? category : null, text }, kind, ctx.lang)
        : text;
    return noticePage(ctx, { text: said }, status);
  }
  return errorPage(ctx, status, body.error.message);
};

export async function buildApp(ctx: AppContext): Promise<App> {
  const app = Fastify({
    loggerInstance: ctx.logger as FastifyBaseLogger, // a pino logger; Fastify's type asks for more than it uses
    trustProxy: trustProxyOption(ctx.config.trustProxy),
    bodyLimit: 1024 * 1024,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: false } },
    frameworkErrors: routerErrorHandler(renderHtmlError), // errors from the router, before any route
    clientErrorHandler: answerClientError, // what Node's HTTP parser refuses
    http: { requireHostHeader: false }, // checked in installServerEdgeErrors, so the answer has our shape
  }).withTypeProvider<TypeBoxTypeProvider>();

  const limits = await openRateLimitStore(ctx.config, ctx.logger);
  installRateLimitStore(app, limits); // closed with the app
  installErrorHandling(app, renderHtmlError);
  await installSecurityHeaders(app); // first, so errors from any later hook carry the headers too
  installServerEdgeErrors(app);
  installTextIntegrity(app);
  app.addSchema(FieldProblemSchema);
  app.addSchema(ErrorSchema);
  await app.register(cookie); // before the principal hook, which reads the session cookie
  installPrincipal(
    app,
    {
      vga: async (token) => {
        const a = await ctx.accounts.authenticate(token);
        return a ? { kind: 'account', accountId: a.id, displayName: a.displayName, createdAt: a.createdAt } : undefined;
      },
      ...peopleTokenResolvers(ctx.people),
    },
    sessionResolver(ctx.people),
  );
  // Registered after the principal hook: every route's declared access is enforced here, in one place.
  app.addHook('onRequest', async (req) => enforceAccess(req));

  await app.register(swagger, {
    // Shared schemas (app.addSchema) become components named by their $id: `Error`, not `def-0`.
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Vigil API', version: '0.1.0', description: 'Reports, cases, decisions and the reference channels platform.' },
      components: {
        securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' }, sessionCookie: { type: 'apiKey', in: 'cookie', name: 'vigil_session' } },
      },
    },
  });
  await app.register(apiDocs); // Swagger UI at /api/docs, under its own policy
  rateLimitStoreMetric(
    installMetrics(app, {
      token: ctx.config.metricsToken,
      jobs: ctx.jobsAdmin,
      cases: ctx.review,
      matcher: ctx.matcher,
      scans: ctx.scanner,
    }),
    limits,
  );

  app.get('/healthz', { schema: { hide: true, response: { 200: Type.Object({ status: Type.Literal('ok') }) } } }, async () => ({ status: 'ok' as const }));
  app.get('/readyz', { schema: { hide: true, response: { 200: Type.Object({ status: Type.Literal('ready') }), ...errorResponses(503) } } }, async () => {
    try {
      await ping(ctx.db);
    } catch {
      throw new AppError(503, 'not_ready', 'The database is not reachable.');
    }
    return { status: 'ready' as const };
  });

  for (const routes of [
    accountsRoutes,
    mediaRoutes,
    channelsRoutes,
    botsAndStickersRoutes,
    conversationsRoutes,
    publicPagesRoutes,
    peopleRoutes,
    reportsRoutes,
    casesRoutes,
    credibilityRoutes,
    appealsRoutes,
    banksRoutes,
    protectRoutes,
    jobsRoutes,
    mailRoutes,
    rulesRoutes,
    webhooksRoutes,
    contentRoutes,
    statisticsRoutes,
    transparencyRoutes,
    webAppRoutes,
  ]) {
    await routes(app, ctx);
  }
  return app;
}
