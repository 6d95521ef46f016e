// When a failed webhook delivery is tried again: the schedule Standard Webhooks recommends (immediately,
// then 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h …) for 24 hours from the first attempt. The attempt that
// would fall after the window is moved to its end, so the last try is made 24 hours after the first;
// after that the delivery is dead (kept for an admin to re-send).

/** Waits after the 1st, 2nd, … failed attempt; the last repeats. */
export const STANDARD_RETRY_SCHEDULE_MS = [5_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 5 * 3_600_000, 10 * 3_600_000];
export const RETRY_WINDOW_MS = 24 * 3_600_000;

/**
 * Milliseconds to wait after the `attempt`-th failed attempt (1-based), or null when the window is over.
 * `sinceFirstMs`: how long ago the first attempt was made.
 */
export function nextWebhookAttemptMs(attempt: number, sinceFirstMs: number, schedule: readonly number[], windowMs: number): number | null {
  if (schedule.length === 0 || sinceFirstMs >= windowMs) return null;
  const wait = schedule[Math.min(Math.max(attempt, 1), schedule.length) - 1] ?? 0;
  return Math.min(wait, windowMs - sinceFirstMs);
}
