import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nextWebhookAttemptMs, RETRY_WINDOW_MS, STANDARD_RETRY_SCHEDULE_MS } from './webhook-schedule.ts';

test('a receiver that keeps failing is tried at 0, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and at the end of 24 h, then no more', () => {
  const times = [0];
  for (let attempt = 1; ; attempt++) {
    const wait = nextWebhookAttemptMs(attempt, times.at(-1) as number, STANDARD_RETRY_SCHEDULE_MS, RETRY_WINDOW_MS);
    if (wait === null) break;
    times.push((times.at(-1) as number) + wait);
  }
  const s = 1000;
  const m = 60 * s;
  const h = 60 * m;
  assert.deepEqual(times, [0, 5 * s, 5 * s + 5 * m, 5 * s + 35 * m, 5 * s + 2 * h + 35 * m, 5 * s + 7 * h + 35 * m, 5 * s + 17 * h + 35 * m, 24 * h]);
});

test('the last wait repeats within the window, and nothing is tried after it', () => {
  assert.equal(nextWebhookAttemptMs(9, 1000, [10, 20], 10_000), 20);
  assert.equal(nextWebhookAttemptMs(1, 9_995, [10, 20], 10_000), 5);
  assert.equal(nextWebhookAttemptMs(1, 10_000, [10, 20], 10_000), null);
  assert.equal(nextWebhookAttemptMs(1, 0, [], 10_000), null);
});
