// Reporters' credibility (DSA Art. 23): why a case has its priority and who reported it (the console's
// case view), and the seniors' misuse controls. Thin: src/cases/credibility.service.ts does the work.
import { Type } from 'typebox';
import type { RouteModule } from '../types.ts';
import { bearer, errorResponses, Nullable, OneOf } from '../schemas.ts';
import { hasPermission, requireStaff } from '../access.ts';
import { CASE_LANES, REPORT_SOURCES } from '../../cases/case-values.ts';
import type { StaffPrincipal } from '../principal.ts';

const Standing = Type.Union([Type.Literal('good'), Type.Literal('warned'), Type.Literal('set_aside')]);

const CaseCredibilitySchema = Type.Object({
  caseId: Type.String(),
  category: Type.String(),
  confirmed: Nullable(Type.Boolean({ description: 'Whether credible reporters back the category (null once decided)' })),
  lane: OneOf(CASE_LANES),
  triageDueAt: Nullable(Type.String()),
  slaDueAt: Type.String(),
  priority: Type.Object({
    severity: Type.Number(),
    credibility: Type.Number({ description: 'The best credibility among the reporters' }),
    crowd: Type.Number(),
    reach: Type.Number(),
    lifeAtRisk: Type.Number({ description: '3 when a reporter says a life may be at risk, else 1' }),
    score: Type.Number({ description: 'severity² × credibility × crowd × reach × lifeAtRisk' }),
    stored: Type.Number({ description: 'The priority the queue sorts by (the score when the case was last reported)' }),
    weighedReporters: Type.Integer(),
  }),
  categoryWeights: Type.Array(
    Type.Object({
      category: Type.String(),
      established: Type.Number(),
      unproven: Type.Number(),
      effective: Type.Number({ description: 'established + unproven, the latter capped' }),
      confirmed: Type.Boolean(),
    }),
  ),
  coordination: Type.Object({
    reporters: Type.Integer(),
    reports: Type.Integer(),
    freshReporters: Type.Integer(),
    sameTextReports: Type.Integer(),
    windowMinutes: Type.Integer(),
  }),
  reporters: Type.Array(
    Type.Object({
      key: Nullable(Type.String({ description: 'Shown to seniors only' })),
      source: Nullable(OneOf(REPORT_SOURCES)),
      since: Nullable(Type.String({ description: 'Account created or address first seen' })),
      ageDays: Nullable(Type.Integer()),
      reports: Type.Integer(),
      credibility: Type.Number(),
      agreed: Type.Integer(),
      disagreed: Type.Integer(),
      upheldRate: Nullable(Type.Number()),
      standing: Standing,
      setAsideUntil: Nullable(Type.String()),
      misuseSuspected: Type.Boolean(),
    }),
    { description: 'The 50 most credible reporters' },
  ),
});

const ReporterStandingSchema = Type.Object({
  reporterKey: Type.String(),
  agreed: Type.Integer(),
  disagreed: Type.Integer(),
  standing: Standing,
  warnedAt: Nullable(Type.String()),
  setAsideUntil: Nullable(Type.String()),
  misuseSuspected: Type.Boolean(),
});

const Key = Type.String({ minLength: 3, maxLength: 80, description: 'A reporter key as the case view shows seniors (acc:…, anon:…, key:…)' });
const Reason = Type.String({ minLength: 1, maxLength: 2000 });

const actor = (p: StaffPrincipal) => ({ id: p.userId, label: p.email, seesReporterIdentity: hasPermission(p.role, 'reports.reporter_identity') });

export const credibilityRoutes: RouteModule = (app, ctx) => {
  const staff = { tags: ['cases'], security: bearer };

  app.get(
    '/api/v1/cases/:id/credibility',
    {
      config: { access: 'cases.read' },
      schema: {
        ...staff,
        summary: "Why a case has its priority, category and clock, its coordination figures, and its reporters' records",
        params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
        response: { 200: CaseCredibilitySchema, ...errorResponses(401, 403, 404) },
      },
    },
    async (req) => ctx.credibility.ofCase(req.params.id, actor(requireStaff(req, 'cases.read'))),
  );

  app.get(
    '/api/v1/reporters/standing',
    {
      config: { access: 'reporters.manage' },
      schema: {
        ...staff,
        summary: "A reporter's record and standing (senior)",
        querystring: Type.Object({ key: Key }),
        response: { 200: ReporterStandingSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => {
      requireStaff(req, 'reporters.manage');
      return ctx.credibility.reporter(req.query.key);
    },
  );

  app.post(
    '/api/v1/reporters/warn',
    {
      config: { access: 'reporters.manage' },
      schema: {
        ...staff,
        summary: 'Warn a reporter for manifestly unfounded reports (senior; audited)',
        body: Type.Object({ key: Key, reason: Reason }, { additionalProperties: false }),
        response: { 200: ReporterStandingSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => ctx.credibility.warn(req.body.key, req.body.reason, actor(requireStaff(req, 'reporters.manage'))),
  );

  app.post(
    '/api/v1/reporters/set-aside',
    {
      config: { access: 'reporters.manage' },
      schema: {
        ...staff,
        summary: "Set a warned reporter's reports aside for a period: stored, answered and counted, not weighed (senior; audited)",
        body: Type.Object({ key: Key, reason: Reason, days: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })) }, { additionalProperties: false }),
        response: { 200: ReporterStandingSchema, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (req) => ctx.credibility.setAside(req.body.key, req.body.reason, req.body.days, actor(requireStaff(req, 'reporters.manage'))),
  );

  app.post(
    '/api/v1/reporters/restore',
    {
      config: { access: 'reporters.manage' },
      schema: {
        ...staff,
        summary: "Reverse a reporter's warning and set-aside (senior; audited)",
        body: Type.Object({ key: Key, reason: Reason }, { additionalProperties: false }),
        response: { 200: ReporterStandingSchema, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (req) => ctx.credibility.restore(req.body.key, req.body.reason, actor(requireStaff(req, 'reporters.manage'))),
  );
};
