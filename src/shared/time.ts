/** Timestamps are stored as ISO-8601 UTC text: portable across SQLite and PostgreSQL and sortable. */
export const nowIso = (): string => new Date().toISOString();

let lastMonotonicMs = 0;
/**
 * Like nowIso(), but strictly increasing within this process: two events recorded in the same
 * millisecond still sort in the order they happened (e.g. chat messages, listed by created_at).
 */
export const monotonicNowIso = (): string => {
  lastMonotonicMs = Math.max(Date.now(), lastMonotonicMs + 1);
  return new Date(lastMonotonicMs).toISOString();
};
