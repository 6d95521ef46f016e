// The job queue as the API returns it (types generated from the OpenAPI document), and its list of
// states (the server's own, an import-free module bundled as it is).
import type { ResponseBody } from 'vigil/client';

/** `GET /api/v1/jobs`: the counts, and a page of failed and dead jobs. */
export type JobsOverview = ResponseBody<'/api/v1/jobs', 'get'>;
export type JobView = JobsOverview['failed'][number];
export { JOB_STATES, type JobState } from '../../../src/jobs/job-states.ts';

export const JOB_STATE_LABEL: Record<string, string> = {
  queued: 'Queued',
  running: 'Running',
  failed: 'Failed (will retry)',
  dead: 'Dead (out of attempts)',
  done: 'Done',
};
