// The job queue as the API returns it (types generated from the OpenAPI document).
import type { ResponseBody } from 'vigil/client';

/** `GET /api/v1/jobs`: the counts, and a page of failed and dead jobs. */
export type JobsOverview = ResponseBody<'/api/v1/jobs', 'get'>;
export type JobView = JobsOverview['failed'][number];
export type JobState = JobView['state'];

/** The states in the order the console lists them. */
export const JOB_STATES: JobState[] = ['queued', 'running', 'failed', 'dead', 'done'];

export const JOB_STATE_LABEL: Record<string, string> = {
  queued: 'Queued',
  running: 'Running',
  failed: 'Failed (will retry)',
  dead: 'Dead (out of attempts)',
  done: 'Done',
};
