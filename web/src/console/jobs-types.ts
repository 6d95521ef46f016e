// The job queue as the API returns it (src/http/routes/jobs.routes.ts): the server's own types, imported
// as types only (nothing of the server is bundled).
import type { JobState } from '../../../src/db/schema-jobs.ts';
import type { JobView, JobsOverview as Counts } from '../../../src/jobs/jobs.service.ts';

export type { JobState, JobView };

/** The states in the order the console lists them. */
export const JOB_STATES: JobState[] = ['queued', 'running', 'failed', 'dead', 'done'];

export const JOB_STATE_LABEL: Record<string, string> = {
  queued: 'Queued',
  running: 'Running',
  failed: 'Failed (will retry)',
  dead: 'Dead (out of attempts)',
  done: 'Done',
};

/** `GET /api/v1/jobs`: the counts, and a page of failed and dead jobs. */
export type JobsOverview = Counts & { failed: JobView[]; nextCursor: string | null };
