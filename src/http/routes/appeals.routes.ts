// Appeals against decisions (DSA Art. 20): filing and following one (owners with their account token,
// reporters with their report's receipt), and the seniors' queue. Logic in cases/appeals.service.ts.
import { Type } from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { RouteModule } from '../types.ts';
import { ActionKindSchema, bearer, errorResponses, Nullable, OneOf, OutcomeSchema } from '../schemas.ts';
import { hasPermission, requireStaff } from '../access.ts';
import { reporterOf } from '../../intake/reporter.ts';
import { APPEAL_OUTCOMES, APPEAL_STATES, APPELLANTS } from '../../cases/case-values.ts';
import { reportLimit, useRateLimits } from '../rate-limits.ts';
import { CaseDetailSchema } from './cases.schemas.ts';

const IdParam = Type.Object({ id: Type.String({ maxLength: 64 }) });
const headerValue = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

const FileBody = Type.Object(
  {
    noticeId: Type.Optional(Type.String({ maxLength: 64, description: "An owner notice's id (GET /api/v1/notices); needs the owning account's token" })),
    reportId: Type.Optional(Type.String({ maxLength: 64, description: 'Your report, which ended without action' })),
    receipt: Type.Optional(Type.String({ maxLength: 200, description: "The report's receipt (or send the account or key that filed it)" })),
    reason: Type.String({ maxLength: 5000, description: 'Why the decision is wrong: 10–5000 characters' }),
    evidence: Type.Optional(Type.String({ maxLength: 5000 })),
  },
  { additionalProperties: false },
);

const FiledSchema = Type.Object({
  id: Type.String(),
  state: Type.Literal('open'),
  receipt: Type.String({ description: "Keep it: it opens the appeal's status page" }),
  statusUrl: Type.String(),
  dueAt: Type.String({ description: 'When a senior should have decided it' }),
});

const AppealDecisionSchema = Type.Object({
  id: Type.String(),
  outcome: OutcomeSchema,
  category: Nullable(Type.String()),
  categoryTitle: Nullable(Type.String()),
  actions: Type.Array(ActionKindSchema),
  statement: Type.String(),
  decidedAt: Type.String(),
});
const AppealOutcomeSchema = Nullable(Type.Object({ state: OneOf(APPEAL_OUTCOMES), statement: Type.String(), decidedAt: Type.String() }));

/** What the appellant sees (cases/appeals.service.ts `#view`). */
const AppealStatusSchema = Type.Object({
  id: Type.String(),
  state: OneOf(APPEAL_STATES),
  appellant: OneOf(APPELLANTS),
  reason: Type.String(),
  evidence: Nullable(Type.String()),
  createdAt: Type.String(),
  dueAt: Type.String(),
  decision: AppealDecisionSchema,
  outcome: AppealOutcomeSchema,
});

const AppealSummarySchema = Type.Object({
  id: Type.String(),
  caseId: Type.String(),
  decisionId: Type.String(),
  appellant: OneOf(APPELLANTS),
  state: OneOf(APPEAL_STATES),
  reason: Type.String(),
  createdAt: Type.String(),
  dueAt: Type.String(),
  overdue: Type.Boolean(),
  decidedAt: Nullable(Type.String()),
});

const AppealDetailSchema = Type.Object({
  ...AppealSummarySchema.properties,
  evidence: Nullable(Type.String()),
  decision: Type.Object({ ...AppealDecisionSchema.properties, decidedBy: Type.String(), reversedAt: Nullable(Type.String()) }),
  outcome: AppealOutcomeSchema,
  decidedBy: Nullable(Type.String()),
  mayDecide: Type.Boolean({ description: 'Open, and the caller did not take the decision under appeal' }),
  case: CaseDetailSchema,
});

/** The caller's account and reporter key, whatever credentials they sent. */
function callerOf(req: FastifyRequest, secret: Parameters<typeof reporterOf>[2]) {
  const p = req.principal;
  return {
    accountId: p.kind === 'account' ? p.accountId : undefined,
    reporterKey: p.kind === 'anonymous' ? undefined : reporterOf(p, req.ip, secret).key,
  };
}

export const appealsRoutes: RouteModule = async (app, ctx) => {
  const staff = { tags: ['appeals'], security: bearer };

  await app.register(async (plain) => {
    const scope = plain.withTypeProvider<TypeBoxTypeProvider>();
    await useRateLimits(scope);
    scope.post(
      '/api/v1/appeals',
      {
        config: { rateLimit: reportLimit(ctx.config) },
        schema: {
          tags: ['appeals'],
          summary: 'Appeal a decision: the owner with a notice id, or a reporter with a report id and receipt',
          description:
            'Within six months of the decision; once per decision and appellant. 401 without the owning account for a notice, 403 `not_your_notice`, 404 for an unknown notice or a report whose receipt does not match, 409 `already_appealed` / `not_appealable` / `not_decided` / `decision_reversed`, 410 `appeal_window_closed`.',
          body: FileBody,
          response: { 201: FiledSchema, ...errorResponses(400, 401, 403, 404, 409, 410, 429) },
        },
      },
      async (req, reply) => reply.status(201).send(await ctx.appeals.file(req.body, callerOf(req, ctx.secret))),
    );
  });

  app.get(
    '/api/v1/appeals',
    {
      config: { access: 'appeals.read' },
      schema: {
        ...staff,
        summary: 'The appeals queue, earliest deadline first (senior)',
        querystring: Type.Object({
          state: Type.Optional(OneOf(APPEAL_STATES)),
          overdue: Type.Optional(Type.Boolean({ description: 'Only open appeals past their deadline' })),
          limit: Type.Integer({ minimum: 1, maximum: 100, default: 25 }),
          cursor: Type.Optional(Type.String({ maxLength: 300 })),
        }),
        response: { 200: Type.Object({ appeals: Type.Array(AppealSummarySchema), nextCursor: Nullable(Type.String()) }), ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => {
      requireStaff(req, 'appeals.read');
      return ctx.appeals.list({ state: req.query.state, overdue: req.query.overdue }, req.query.limit, req.query.cursor);
    },
  );

  app.get(
    '/api/v1/appeals/counts',
    {
      config: { access: 'appeals.read' },
      schema: {
        ...staff,
        summary: 'Appeals: open, overdue, upheld, reversed',
        response: {
          200: Type.Object({ open: Type.Integer(), overdue: Type.Integer(), upheld: Type.Integer(), reversed: Type.Integer() }),
          ...errorResponses(401, 403),
        },
      },
    },
    async (req) => {
      requireStaff(req, 'appeals.read');
      return ctx.appeals.counts();
    },
  );

  app.get(
    '/api/v1/appeals/:id',
    {
      schema: {
        tags: ['appeals'],
        summary: "An appeal's state and outcome (with its receipt, or as the account or reporter that filed it)",
        params: IdParam,
        querystring: Type.Object({ receipt: Type.Optional(Type.String({ maxLength: 200 })) }),
        headers: Type.Object({ 'x-receipt': Type.Optional(Type.String({ maxLength: 200 })) }),
        response: { 200: AppealStatusSchema, ...errorResponses(404) },
      },
    },
    async (req) => ctx.appeals.status(req.params.id, { receipt: headerValue(req.headers['x-receipt']) ?? req.query.receipt, ...callerOf(req, ctx.secret) }),
  );

  app.get(
    '/api/v1/appeals/:id/review',
    {
      config: { access: 'appeals.read' },
      schema: {
        ...staff,
        summary: 'An appeal with the original case and decision (senior)',
        params: IdParam,
        response: { 200: AppealDetailSchema, ...errorResponses(401, 403, 404) },
      },
    },
    async (req) => {
      const p = requireStaff(req, 'appeals.read');
      return ctx.appeals.detail(req.params.id, { id: p.userId, label: p.email, seesReporterIdentity: hasPermission(p.role, 'reports.reporter_identity') });
    },
  );

  app.post(
    '/api/v1/appeals/:id/decision',
    {
      config: { access: 'appeals.decide' },
      schema: {
        ...staff,
        summary: 'Uphold or reverse a decision on appeal (a senior who did not take it)',
        description:
          'A reversal restores the subject, releases holds, withdraws the media the decision banked, and gives the owner a new notice and every reporter a new answer; a reversed no-action decision sends the case back to review. 403 `own_decision` for the senior who took the decision.',
        params: IdParam,
        body: Type.Object({ outcome: OneOf(APPEAL_OUTCOMES), statement: Type.String({ minLength: 1, maxLength: 5000 }) }, { additionalProperties: false }),
        response: { 200: AppealStatusSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => {
      const p = requireStaff(req, 'appeals.decide');
      return ctx.appeals.decide(req.params.id, { id: p.userId, senior: true }, req.body);
    },
  );
};
