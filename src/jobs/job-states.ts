// A job's states, written once (table type, API schema, service, console), in the order the console
// lists them: queued → running → done, or failed (retried with backoff) → dead (out of attempts).
export const JOB_STATES = ['queued', 'running', 'failed', 'dead', 'done'] as const;
export type JobState = (typeof JOB_STATES)[number];
