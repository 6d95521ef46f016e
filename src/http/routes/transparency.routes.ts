// The public transparency figures (src/transparency/transparency-report.ts) as JSON and as CSV. Public,
// cached briefly per query: the figures of past days do not change, today's are at most CACHE_MS old.
import { Type } from 'typebox';
import type { RouteModule } from '../types.ts';
import { errorResponses, OneOf } from '../schemas.ts';
import { badRequest, fieldProblem } from '../../shared/errors.ts';
import { REPORT_SOURCES } from '../../cases/case-values.ts';
import { AUTHORITY_OUTCOMES } from '../../transparency/transparency-days.ts';
import { daysBetween, GRANULARITIES, type Granularity } from '../../transparency/transparency-figures.ts';
import { type TransparencyReport, transparencyReport } from '../../transparency/transparency-report.ts';
import { transparencyCsv } from '../../transparency/transparency-csv.ts';

const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'A UTC day, YYYY-MM-DD' });
/** The longest period asked at once: two years of days, five years of weeks or months. */
const MAX_DAYS: Record<Granularity, number> = { day: 731, week: 1827, month: 1827 };
const CACHE_MS = 60_000;
const CACHE_ENTRIES = 200;

const Count = Type.Integer({ minimum: 0 });
const PeriodSchema = Type.Object({
  from: Day,
  to: Day,
  actioned: Type.Array(
    Type.Object({
      subjectKind: Type.String(),
      category: Type.String({ description: 'Policy category id' }),
      language: Type.String({ description: "BCP 47 tag of the subject's language, 'und' when unknown" }),
      count: Count,
    }),
    { description: 'Subjects actioned (decisions that actioned one), by kind, category and language' },
  ),
  reports: Type.Array(Type.Object({ source: Type.String({ description: REPORT_SOURCES.join(', ') }), outcome: Type.String(), count: Count }), {
    description: 'Reports answered by a decision in the period, by source and the outcome of that decision',
  }),
  declinedOutOfScope: Type.Array(Type.Object({ source: Type.String({ description: REPORT_SOURCES.join(', ') }), count: Count }), {
    description: 'Reports declined on arrival because their subject is out of scope (e.g. a private group)',
  }),
  timeToDecision: Type.Array(
    Type.Object({
      category: Type.String({ description: "Policy category id ('' when the decision named none)" }),
      decisions: Count,
      medianSeconds: Type.Number({ description: "Median time from the case's first report to the decision (nearest rank, exact to the second)" }),
      p90Seconds: Type.Number({ description: '90th percentile (nearest rank)' }),
      deadlineSeconds: Type.Union([Type.Number(), Type.Null()], { description: "The category's review deadline" }),
      withinDeadline: Count,
      withinDeadlineShare: Type.Number({ description: "Share of decisions taken by the case's review deadline, 0..1" }),
    }),
  ),
  authorityRequests: Type.Array(Type.Object({ country: Type.String(), outcome: Type.String({ description: AUTHORITY_OUTCOMES.join(', ') }), count: Count }), {
    description: 'Authority requests answered, by country: complied, restricted in the country, declined as protected expression, or declined',
  }),
  appeals: Type.Object({ filed: Count, upheld: Count, reversed: Count }),
  reversals: Type.Integer({ description: 'Decisions reversed (on appeal or by a senior)' }),
  automatedDetection: Type.Object({
    decisions: Count,
    actioned: Count,
    actionedFoundByAutomation: Type.Integer({ description: 'Actioned cases whose first report came from automated detection' }),
    share: Type.Union([Type.Number(), Type.Null()], { description: 'actionedFoundByAutomation / actioned; null without actioned cases' }),
  }),
});

const Query = Type.Object({
  from: Day,
  to: Day,
  granularity: Type.Optional(OneOf(GRANULARITIES, { default: 'week' })),
});

export const transparencyRoutes: RouteModule = (app, ctx) => {
  const cache = new Map<string, { at: number; report: TransparencyReport }>();
  const report = async (from: string, to: string, granularity: Granularity) => {
    const span = daysBetween(from, to);
    if (!Number.isFinite(span) || Number.isNaN(Date.parse(`${from}T00:00:00Z`)) || Number.isNaN(Date.parse(`${to}T00:00:00Z`)))
      throw badRequest('invalid_period', '"from" and "to" must be real days (YYYY-MM-DD).', [fieldProblem('from', 'bad_format', 'not a day')]);
    if (span < 1) throw badRequest('invalid_period', '"from" must be a day on or before "to".', [fieldProblem('from', 'out_of_order', 'after to')]);
    if (span > MAX_DAYS[granularity])
      throw badRequest('invalid_period', `Ask for at most ${MAX_DAYS[granularity]} days at a time with granularity "${granularity}".`, [
        fieldProblem('to', 'out_of_range', 'too far'),
      ]);
    const key = `${from}|${to}|${granularity}`;
    const hit = cache.get(key);
    if (hit && Date.now() - hit.at < CACHE_MS) return hit.report;
    const fresh = await transparencyReport(ctx.db, from, to, granularity);
    if (cache.size >= CACHE_ENTRIES) cache.delete(cache.keys().next().value ?? '');
    cache.set(key, { at: Date.now(), report: fresh });
    return fresh;
  };

  app.get(
    '/api/v1/transparency',
    {
      config: { access: 'public' },
      schema: {
        tags: ['transparency'],
        summary: 'Public transparency figures per day, week (Monday–Sunday, UTC) or month, and for the whole period',
        description:
          'Computed from case events, per UTC day: any past period recomputes the same. Cached for a minute. At most 731 days with granularity "day", 1827 otherwise.',
        querystring: Query,
        response: {
          200: Type.Object({
            from: Day,
            to: Day,
            granularity: OneOf(GRANULARITIES),
            computedAt: Type.String(),
            total: PeriodSchema,
            periods: Type.Array(PeriodSchema),
          }),
          ...errorResponses(400),
        },
      },
    },
    async (req, reply) => {
      const r = await report(req.query.from, req.query.to, req.query.granularity ?? 'week');
      reply.header('cache-control', 'public, max-age=60');
      return r;
    },
  );

  app.get(
    '/api/v1/transparency.csv',
    {
      config: { access: 'public' },
      schema: {
        tags: ['transparency'],
        summary: 'The same figures as CSV, one line per period, figure and dimension',
        querystring: Query,
        response: { 200: { description: 'CSV', content: { 'text/csv': { schema: Type.String() } } }, ...errorResponses(400) },
      },
    },
    async (req, reply) => {
      const { from, to } = req.query;
      const r = await report(from, to, req.query.granularity ?? 'week');
      return reply
        .type('text/csv; charset=utf-8')
        .header('cache-control', 'public, max-age=60')
        .header('content-disposition', `attachment; filename="transparency-${from}-${to}.csv"`)
        .send(transparencyCsv(r.periods));
    },
  );
};
