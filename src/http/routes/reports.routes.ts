import { langParam, requestLanguage } from '../language.ts';
import { LANGUAGES, matchLanguage } from '../../shared/i18n/languages.ts';
import { Type } from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { RouteModule } from '../types.ts';
import { ActionKindSchema, AnswerSchema, bearer, errorResponses, Nullable, OutcomeSchema, SubjectRefSchema } from '../schemas.ts';
import { requireAccount } from '../access.ts';
import { reporterOf } from '../../intake/reporter.ts';
import { CATEGORY_IDS, IN_APP_REASONS } from '../../policy/policy.ts';
import { reportLimit, useRateLimits } from '../rate-limits.ts';

const ReportBody = Type.Object(
  {
    subject: Type.Union([
      Type.String({
        maxLength: 2048,
        description:
          "Public link: /c/<handle>, /c/<handle>/<post>, /bot/<handle>, /stickers/<name>, with or without scheme and host; or the full URL of a connected platform's registered content",
      }),
      Type.Object(
        {
          platform: Type.Optional(
            Type.String({ maxLength: 64, description: "A connected platform's name; the id is then the platform's own id. Omitted: the reference platform" }),
          ),
          kind: Type.String({ maxLength: 32 }),
          id: Type.String({ maxLength: 64 }),
        },
        { additionalProperties: false },
      ),
    ]),
    category: Type.String({
      maxLength: 64,
      description: `A policy category (${CATEGORY_IDS.join(', ')}) or an in-app reason (${Object.keys(IN_APP_REASONS).join(', ')})`,
    }),
    explanation: Type.Optional(Type.String({ maxLength: 5000 })),
    evidence: Type.Optional(Type.String({ maxLength: 5000 })),
    postIds: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 100 })),
    contact: Type.Optional(
      Type.Object(
        {
          name: Type.Optional(Type.String({ maxLength: 200 })),
          email: Type.Optional(Type.String({ maxLength: 254, format: 'email' })),
        },
        { additionalProperties: false },
      ),
    ),
    bonaFide: Type.Optional(Type.Boolean()),
    lifeAtRisk: Type.Optional(Type.Boolean({ description: 'Someone may be in danger: shortens the review clock' })),
    jurisdiction: Type.Optional(Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2; required for authorities' })),
    legalBasis: Type.Optional(Type.String({ maxLength: 500 })),
    orderReference: Type.Optional(Type.String({ maxLength: 200 })),
    language: Type.Optional(
      Type.Enum([...LANGUAGES], {
        description:
          "The reporter's language (the web form sends its page's): the report's status and answer are said in it unless the reader names another with `lang`",
      }),
    ),
  },
  { additionalProperties: false },
);

const headerValue = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

const Ack = Type.Object({
  id: Type.String(),
  status: Type.String(),
  receipt: Type.String(),
  statusUrl: Type.String(),
  reporterNotice: Type.Optional(
    Type.Object(
      {
        kind: Type.Union([Type.Literal('warning'), Type.Literal('set_aside')]),
        statement: Type.String(),
        until: Nullable(Type.String({ description: 'When the set-aside ends' })),
      },
      { description: "To a reporter a senior warned, or whose reports are set aside (DSA Art. 23): the policy's statement" },
    ),
  ),
});

/** What a reporter sees of their report (src/intake/report-status.service.ts). */
const ReportStatusSchema = Type.Object({
  id: Type.String(),
  status: Type.String({ description: 'received, in_review, decided or declined_out_of_scope' }),
  createdAt: Type.String(),
  subject: Type.Object({ kind: Type.String(), link: Nullable(Type.String()) }),
  category: Type.String(),
  categoryTitle: Type.String(),
  timeline: Type.Array(Type.Object({ at: Type.String(), event: Type.String(), text: Type.String() })),
  answer: Nullable(AnswerSchema),
});

/** A statement of reasons sent to the owner; a reversal carries only its outcome, statement, date and subject. */
const OwnerNoticeSchema = Type.Object({
  id: Type.String(),
  createdAt: Type.String(),
  subject: SubjectRefSchema,
  outcome: Type.Union([OutcomeSchema, Type.Literal('reversed')]),
  statement: Type.String(),
  decidedAt: Type.String(),
  category: Type.Optional(Nullable(Type.String())),
  categoryTitle: Type.Optional(Nullable(Type.String())),
  actions: Type.Optional(Type.Array(ActionKindSchema)),
  territorialScope: Type.Optional(Nullable(Type.String())),
  automatedDetection: Type.Optional(Type.Boolean()),
  automatedDecision: Type.Optional(Type.Boolean()),
  appeal: Type.Optional(Type.String()),
  postIds: Type.Optional(Type.Array(Type.String())),
  basis: Type.Optional(Type.Enum(['notice', 'own_initiative'], { description: 'Acted on reports, or on our own initiative' })),
  policyStatement: Type.Optional(
    Type.String({ description: "The policy's sentence for the decision's ground, in the reader's language, said above the moderator's statement" }),
  ),
  language: Type.Optional(Type.String({ description: 'The language the policy texts are in' })),
});

export const reportsRoutes: RouteModule = async (app, ctx) => {
  await app.register(async (plain) => {
    const scope = plain.withTypeProvider<TypeBoxTypeProvider>();
    // Limited per account, API key or staff user, and per address for anonymous reporters (rate-limits.ts).
    await useRateLimits(scope);
    scope.post(
      '/api/v1/reports',
      {
        config: { rateLimit: reportLimit(ctx.config) },
        schema: {
          tags: ['reports'],
          summary: 'Report public content (anonymous web form, in-app, trusted flagger or authority)',
          description:
            'Acknowledged at once with a receipt that lets the reporter follow the report. `Idempotency-Key` makes retries safe: the same key with the same body returns the first acknowledgement; with a different body, 422 `idempotency_key_reused`.',
          headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String({ maxLength: 128 })) }),
          body: ReportBody,
          response: { 202: Ack, ...errorResponses(400, 401, 404, 422, 429) },
        },
      },
      async (req, reply) => {
        const ack = await ctx.reports.submit(req.body, reporterOf(req.principal, req.ip, ctx.secret), headerValue(req.headers['idempotency-key']));
        return reply.status(202).send(ack);
      },
    );
  });

  app.get(
    '/api/v1/reports/:id',
    {
      schema: {
        tags: ['reports'],
        summary: "A report's timeline and answer (with its receipt, or as the account or key that filed it)",
        params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
        querystring: Type.Object({
          receipt: Type.Optional(Type.String({ maxLength: 200 })),
          lang: Type.Optional(
            Type.String({
              maxLength: 35,
              description:
                'The language of the statuses and policy texts (else the language the report was filed in, then the vigil_lang cookie, then Accept-Language; English by default)',
            }),
          ),
        }),
        headers: Type.Object({ 'x-receipt': Type.Optional(Type.String({ maxLength: 200 })) }),
        response: { 200: ReportStatusSchema, ...errorResponses(404) },
      },
    },
    async (req) => {
      const p = req.principal;
      const reporterKey = p.kind === 'anonymous' ? undefined : reporterOf(p, req.ip, ctx.secret).key;
      const lang = { explicit: matchLanguage(langParam(req)), negotiated: requestLanguage(req) };
      return ctx.reportStatus.get(req.params.id, { receipt: headerValue(req.headers['x-receipt']) ?? req.query.receipt, reporterKey }, lang);
    },
  );

  app.get(
    '/api/v1/notices',
    {
      config: { access: 'account' },
      schema: {
        tags: ['reports'],
        summary: 'Statements of reasons for actions on your channels, bots and sticker sets',
        description:
          "The policy's texts (ground, appeal instructions) in the reader's language: `lang`, else the vigil_lang cookie, then Accept-Language; English by default.",
        security: bearer,
        querystring: Type.Object({ lang: Type.Optional(Type.String({ maxLength: 35, description: 'The language of the policy texts' })) }),
        response: { 200: Type.Object({ notices: Type.Array(OwnerNoticeSchema) }), ...errorResponses(401) },
      },
    },
    async (req) => ({ notices: await ctx.reportStatus.noticesOf(requireAccount(req).accountId, requestLanguage(req)) }),
  );

  app.get(
    '/api/v1/transparency/protected-expression',
    {
      schema: {
        tags: ['transparency'],
        summary: 'Authority requests refused because they targeted protected expression, by country',
        response: {
          200: Type.Object({
            refusals: Type.Array(
              Type.Object({ country: Type.String({ description: 'ISO 3166-1 alpha-2, or "unknown"' }), requests: Type.Integer(), cases: Type.Integer() }),
            ),
          }),
        },
      },
    },
    async () => ({ refusals: await ctx.transparency.refusedAuthorityRequestsByCountry() }),
  );
};
