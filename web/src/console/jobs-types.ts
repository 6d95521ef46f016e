// The job queue as the API returns it (src/http/routes/jobs.routes.ts): the server's own types, imported
// as types only, and its list of states (an import-free module, bundled as it is).
import type { JobView, JobsOverview as Counts } from '../../../src/jobs/jobs.service.ts';

export { JOB_STATES, type JobState } from '../../../src/jobs/job-states.ts';
export type { JobView };

export const JOB_STATE_LABEL: Record<string, string> = {
  queued: 'Queued',
  running: 'Running',
  failed: 'Failed (will retry)',
  dead: 'Dead (out of attempts)',
  done: 'Done',
};

/** `GET /api/v1/jobs`: the counts, and a page of failed and dead jobs. */
export type JobsOverview = Counts & { failed: JobView[]; nextCursor: string | null };
