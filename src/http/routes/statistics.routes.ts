// Daily decision figures for staff, as the statistics job rolled them up (src/transparency/daily-statistics.ts).
import { Type } from 'typebox';
import type { RouteModule } from '../types.ts';
import { bearer, errorResponses, OneOf, OutcomeSchema } from '../schemas.ts';
import { requireStaff } from '../access.ts';
import { badRequest } from '../../shared/errors.ts';
import { SUBJECT_KINDS } from '../../subjects/kinds.ts';

const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'A UTC day, YYYY-MM-DD' });
const MAX_DAYS = 366;

export const statisticsRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/api/v1/statistics/daily',
    {
      config: { access: 'cases.read' },
      schema: {
        tags: ['transparency'],
        security: bearer,
        summary: 'Decisions and reversals per UTC day, by platform, subject kind, category and outcome',
        description: 'Rolled up by a recurring job (VIGIL_STATISTICS_MS) that recomputes yesterday and today, so today is at most that old.',
        querystring: Type.Object({ from: Day, to: Day }),
        response: {
          200: Type.Object({
            days: Type.Array(
              Type.Object({
                day: Day,
                platform: Type.String(),
                subjectKind: OneOf(SUBJECT_KINDS),
                category: Type.String({ description: "'' when the decision named no category" }),
                outcome: OutcomeSchema,
                decisions: Type.Integer(),
                reversals: Type.Integer({ description: 'Decisions reversed on this day (whenever they were taken)' }),
                computedAt: Type.String(),
              }),
            ),
          }),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (req) => {
      requireStaff(req, 'cases.read');
      const { from, to } = req.query;
      const span = (Date.parse(to) - Date.parse(from)) / 86_400_000;
      if (!Number.isFinite(span) || span < 0)
        throw badRequest('invalid_period', '"from" must be a day on or before "to".', [{ field: 'from', message: 'after to' }]);
      if (span >= MAX_DAYS) throw badRequest('invalid_period', `Ask for at most ${MAX_DAYS} days at a time.`, [{ field: 'to', message: 'too far' }]);
      const rows = await ctx.dailyStatistics.between(from, to);
      return {
        days: rows.map((r) => ({
          day: r.day,
          platform: r.platform,
          subjectKind: r.subject_kind,
          category: r.category,
          outcome: r.outcome,
          decisions: Number(r.decisions),
          reversals: Number(r.reversals),
          computedAt: r.computed_at,
        })),
      };
    },
  );
};
