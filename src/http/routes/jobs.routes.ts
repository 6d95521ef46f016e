// The durable job queue for admins: how deep and how late it is, what failed, and a retry.
import { Type } from 'typebox';
import { requireStaff } from '../access.ts';
import { actorOf } from '../actor.ts';
import { JOB_STATES } from '../../jobs/job-states.ts';
import { errorResponses, OneOf, PageQuery } from '../schemas.ts';
import type { RouteModule } from '../types.ts';
import { staffAuth } from './people.routes.ts';

const StateSchema = OneOf(JOB_STATES);
const JobSchema = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  state: StateSchema,
  attempts: Type.Integer(),
  maxAttempts: Type.Integer(),
  runAt: Type.String({ description: 'When it is due (for a failed job: its next attempt)' }),
  lastError: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  finishedAt: Type.Union([Type.String(), Type.Null()]),
});
const OverviewSchema = Type.Object({
  counts: Type.Array(Type.Object({ kind: Type.String(), state: StateSchema, count: Type.Integer() })),
  oldestQueuedAgeSeconds: Type.Number({ description: 'How long the oldest due queued job has waited to start' }),
  dead: Type.Integer({ description: 'Jobs out of attempts, waiting for a person' }),
  failed: Type.Array(JobSchema, { description: 'Failed (waiting to retry) and dead jobs, newest first' }),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

export const jobsRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/api/v1/jobs',
    {
      config: { access: 'admin.jobs' },
      schema: {
        tags: ['admin'],
        summary: 'The job queue: counts by kind and state, lag, and a page of failed and dead jobs',
        security: staffAuth,
        querystring: PageQuery,
        response: { 200: OverviewSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => {
      requireStaff(req, 'admin.jobs');
      const [overview, page] = await Promise.all([ctx.jobsAdmin.overview(), ctx.jobsAdmin.troubled(req.query.limit, req.query.cursor)]);
      return { ...overview, failed: page.jobs, nextCursor: page.nextCursor };
    },
  );

  app.post(
    '/api/v1/jobs/:id/retry',
    {
      config: { access: 'admin.jobs' },
      schema: {
        tags: ['admin'],
        summary: 'Send a failed or dead job back to the queue, due now, with a fresh set of attempts',
        security: staffAuth,
        params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
        response: { 200: JobSchema, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (req) => {
      const admin = requireStaff(req, 'admin.jobs');
      return ctx.jobsAdmin.retry(req.params.id, actorOf(admin));
    },
  );
};
