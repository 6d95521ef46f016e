import { Type } from 'typebox';
import type { RouteModule } from '../types.ts';
import { bearer, errorResponses, OneOf } from '../schemas.ts';
import { ACTION_KINDS, CASE_LANES, CASE_STATES, OUTCOMES, REPORT_SOURCES } from '../../cases/case-values.ts';
import {
  OwnerHistorySchema,
  BulkDecidedSchema,
  CaseCountsSchema,
  CaseDetailSchema,
  CaseListSchema,
  CaseSummarySchema,
  DecidedSchema,
  PolicySchema,
  ReversedSchema,
} from './cases.schemas.ts';
import { hasPermission, requireStaff } from '../access.ts';
import { CATEGORY_IDS } from '../../policy/policy.ts';
import type { StaffPrincipal } from '../principal.ts';
import { BULK_DECISION_LIMIT, decideMany } from '../../cases/bulk-decisions.ts';
import { OWNER_HISTORY_LIMIT, ownerHistory } from '../../cases/owner-history.ts';

const IdParam = Type.Object({ id: Type.String({ maxLength: 64 }) });
const Note = Type.Object({ text: Type.String({ minLength: 1, maxLength: 5000 }) }, { additionalProperties: false });
const actor = (p: StaffPrincipal) => ({ id: p.userId, label: p.email, seesReporterIdentity: hasPermission(p.role, 'reports.reporter_identity') });
const decider = (p: StaffPrincipal) => ({ id: p.userId, senior: hasPermission(p.role, 'cases.decide_senior') });

export const casesRoutes: RouteModule = (app, ctx) => {
  const staff = { tags: ['cases'], security: bearer };

  app.get(
    '/api/v1/cases',
    {
      config: { access: 'cases.read' },
      schema: {
        ...staff,
        summary: 'The review queue',
        querystring: Type.Object({
          state: Type.Optional(OneOf(CASE_STATES)),
          category: Type.Optional(Type.String({ maxLength: 64 })),
          language: Type.Optional(
            Type.String({ pattern: '^([a-z]{2,3}(-[A-Za-z0-9]{2,8})?|unknown)$', description: "A detected language (ar, ckb, fa, en, …), or 'unknown'" }),
          ),
          source: Type.Optional(OneOf(REPORT_SOURCES)),
          breached: Type.Optional(Type.Boolean({ description: 'Only cases past their review deadline' })),
          lane: Type.Optional(OneOf(CASE_LANES, { description: 'triage: severe claims no credible reporter backs' })),
          assignee: Type.Optional(Type.String({ maxLength: 64, description: 'A staff user id, or "me"' })),
          sort: Type.Union([Type.Literal('priority'), Type.Literal('age')], { default: 'priority' }),
          limit: Type.Integer({ minimum: 1, maximum: 100, default: 25 }),
          cursor: Type.Optional(Type.String({ maxLength: 300 })),
        }),
        response: { 200: CaseListSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => {
      const p = requireStaff(req, 'cases.read');
      const q = req.query;
      return ctx.review.list(
        {
          state: q.state,
          category: q.category,
          language: q.language,
          source: q.source,
          breached: q.breached,
          lane: q.lane,
          assignee: q.assignee === 'me' ? p.userId : q.assignee,
        },
        q.sort,
        q.limit,
        q.cursor,
      );
    },
  );

  app.get(
    '/api/v1/cases/counts',
    {
      config: { access: 'cases.read' },
      schema: { ...staff, summary: 'Open cases by state, with overdue counts', response: { 200: CaseCountsSchema, ...errorResponses(401, 403) } },
    },
    async (req) => {
      requireStaff(req, 'cases.read');
      return { counts: await ctx.review.counts() };
    },
  );

  app.get(
    '/api/v1/cases/:id',
    {
      config: { access: 'cases.read' },
      schema: {
        ...staff,
        summary: 'A case: the subject as it is, reports and how they split, signals, history',
        params: IdParam,
        response: { 200: CaseDetailSchema, ...errorResponses(401, 403, 404) },
      },
    },
    async (req) => ctx.review.get(req.params.id, actor(requireStaff(req, 'cases.read'))),
  );

  app.get(
    '/api/v1/cases/:id/owner-history',
    {
      config: { access: 'cases.read' },
      schema: {
        ...staff,
        summary: `The owner's record: the ${OWNER_HISTORY_LIMIT} latest decisions about the owner's subjects and the owner's other channels, bots and sticker sets`,
        params: IdParam,
        response: { 200: OwnerHistorySchema, ...errorResponses(401, 403, 404) },
      },
    },
    async (req) => {
      requireStaff(req, 'cases.read');
      return ownerHistory(ctx.db, ctx.subjects, await ctx.review.require(req.params.id));
    },
  );

  app.post(
    '/api/v1/cases/:id/claim',
    {
      config: { access: 'cases.claim' },
      schema: { ...staff, summary: 'Claim a case for review', params: IdParam, response: { 200: CaseSummarySchema, ...errorResponses(401, 403, 404, 409) } },
    },
    async (req) => ctx.review.claim(req.params.id, actor(requireStaff(req, 'cases.claim'))),
  );
  app.post(
    '/api/v1/cases/:id/release',
    {
      config: { access: 'cases.claim' },
      schema: { ...staff, summary: 'Release a claimed case', params: IdParam, response: { 200: CaseSummarySchema, ...errorResponses(401, 403, 404, 409) } },
    },
    async (req) => ctx.review.release(req.params.id, actor(requireStaff(req, 'cases.claim'))),
  );
  app.post(
    '/api/v1/cases/:id/comment',
    {
      config: { access: 'cases.comment' },
      schema: {
        ...staff,
        summary: 'Comment on a case',
        params: IdParam,
        body: Note,
        response: { 200: CaseSummarySchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => ctx.review.comment(req.params.id, actor(requireStaff(req, 'cases.comment')), req.body.text),
  );
  app.post(
    '/api/v1/cases/:id/escalate',
    {
      config: { access: 'cases.escalate' },
      schema: {
        ...staff,
        summary: 'Escalate for senior review, with a note',
        params: IdParam,
        body: Note,
        response: { 200: CaseSummarySchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => ctx.review.escalate(req.params.id, actor(requireStaff(req, 'cases.escalate')), req.body.text),
  );

  app.post(
    '/api/v1/cases/:id/decide',
    {
      config: { access: 'cases.decide' },
      schema: {
        ...staff,
        summary: 'Decide a case; enforcement, answers to reporters and the owner notice follow at once',
        params: IdParam,
        body: Type.Object(
          {
            outcome: OneOf(OUTCOMES),
            actions: Type.Array(OneOf(ACTION_KINDS), { maxItems: 4 }),
            category: Type.Optional(Type.String({ maxLength: 64, description: `One of ${CATEGORY_IDS.join(', ')}` })),
            statement: Type.String({ minLength: 1, maxLength: 5000 }),
            postIds: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 100 })),
            alsoLinked: Type.Optional(
              Type.Boolean({
                description: 'Also decide every open case linked by a mirror or near-duplicate signal alike (post removal excepted), each its own decision',
              }),
            ),
            linkedCaseIds: Type.Optional(
              Type.Array(Type.String({ maxLength: 64 }), { maxItems: 50, description: 'Instead of alsoLinked: only these linked open cases, decided alike' }),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: DecidedSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => {
      const p = requireStaff(req, 'cases.decide');
      await ctx.review.require(req.params.id);
      return ctx.decisions.decide(req.params.id, decider(p), req.body);
    },
  );

  app.post(
    '/api/v1/cases/bulk-decisions',
    {
      config: { access: 'cases.decide' },
      schema: {
        ...staff,
        summary: `Decide up to ${BULK_DECISION_LIMIT} cases with one outcome, category and statement; each is its own decision`,
        description:
          'Every case is decided on its own, as by /cases/{id}/decide: its own decision, case event, answers to its own reporters and owner notice. A case that cannot be decided (already decided, claimed by another moderator, an action its subject does not allow) gets its own failure; the others go ahead. Removing posts is not a bulk action.',
        body: Type.Object(
          {
            caseIds: Type.Array(Type.String({ maxLength: 64 }), { minItems: 1, maxItems: BULK_DECISION_LIMIT, uniqueItems: true }),
            outcome: OneOf(OUTCOMES),
            actions: Type.Array(OneOf(ACTION_KINDS), { maxItems: 4 }),
            category: Type.Optional(Type.String({ maxLength: 64, description: `One of ${CATEGORY_IDS.join(', ')}` })),
            statement: Type.String({ minLength: 1, maxLength: 5000 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: BulkDecidedSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => {
      const p = requireStaff(req, 'cases.decide');
      const { caseIds, ...input } = req.body;
      return decideMany(ctx.decisions, caseIds, decider(p), input, (err, caseId) => req.log.error({ err, caseId }, 'bulk decision: a case failed'));
    },
  );

  app.post(
    '/api/v1/cases/:id/reverse',
    {
      config: { access: 'cases.decide_senior' },
      schema: {
        ...staff,
        summary: 'Reverse a decision (senior)',
        params: IdParam,
        body: Type.Object({ reason: Type.String({ minLength: 1, maxLength: 5000 }) }, { additionalProperties: false }),
        response: { 200: ReversedSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => {
      const p = requireStaff(req, 'cases.decide_senior');
      await ctx.review.require(req.params.id);
      return ctx.decisions.reverse(req.params.id, decider(p), req.body.reason);
    },
  );

  app.get(
    '/api/v1/policy',
    { schema: { tags: ['policy'], summary: 'The publishing policy as data: categories, deadlines, templates', response: { 200: PolicySchema } } },
    async () => ctx.policy,
  );
};
