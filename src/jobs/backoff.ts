// When a failed job runs again: exponential backoff with "equal jitter" (half the step fixed, half
// random), so retries of many jobs that failed together spread out, yet each wait is at least half of
// the exponential step and never shorter than the previous attempt's shortest wait.

/** Milliseconds to wait after the `attempt`-th failed attempt (1-based), at most `capMs`. */
export function backoffMs(attempt: number, baseMs: number, capMs = 60 * 60_000, random: () => number = Math.random): number {
  const step = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(step / 2 + random() * (step / 2));
}
