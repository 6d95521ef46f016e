// The job queue as the API returns it (src/http/routes/jobs.routes.ts, src/jobs/jobs.service.ts).
export type JobState = 'queued' | 'running' | 'done' | 'failed' | 'dead';

export const JOB_STATES: JobState[] = ['queued', 'running', 'failed', 'dead', 'done'];

export const JOB_STATE_LABEL: Record<string, string> = {
  queued: 'Queued',
  running: 'Running',
  failed: 'Failed (will retry)',
  dead: 'Dead (out of attempts)',
  done: 'Done',
};

export interface JobView {
  id: string;
  kind: string;
  state: JobState;
  attempts: number;
  maxAttempts: number;
  /** When it is due; for a failed job, its next attempt. */
  runAt: string;
  lastError: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export interface JobsOverview {
  counts: Array<{ kind: string; state: JobState; count: number }>;
  oldestQueuedAgeSeconds: number;
  dead: number;
  failed: JobView[];
  nextCursor: string | null;
}
