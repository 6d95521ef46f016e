// Table types for the durable job queue (migration 2026-12-01-01).
import type { JobState } from '../jobs/job-states.ts';

export interface JobsTable {
  id: string;
  kind: string;
  /** JSON text: what the handler of `kind` needs. */
  payload: string;
  state: JobState;
  /** Claims so far (a claim whose worker died counts too). */
  attempts: number;
  max_attempts: number;
  /** When a queued or failed job is due. */
  run_at: string;
  /** The worker holding a running job, and when its lease ends. */
  locked_by: string | null;
  locked_until: string | null;
  last_error: string | null;
  dedupe_key: string | null;
  created_at: string;
  finished_at: string | null;
}

export interface JobTables {
  jobs: JobsTable;
}
