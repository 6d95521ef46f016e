import { test } from 'node:test';
import assert from 'node:assert/strict';
import { backoffMs } from './backoff.ts';

test('each wait lies between half and all of a doubling step, capped', () => {
  for (let attempt = 1; attempt <= 6; attempt++) {
    const step = 1000 * 2 ** (attempt - 1);
    assert.equal(
      backoffMs(attempt, 1000, Infinity, () => 0),
      step / 2,
    );
    assert.equal(
      backoffMs(attempt, 1000, Infinity, () => 1),
      step,
    );
  }
  assert.equal(
    backoffMs(30, 1000, 60_000, () => 1),
    60_000,
  );
  assert.equal(
    backoffMs(30, 1000, 60_000, () => 0),
    30_000,
  );
});

test('the shortest next wait is never shorter than the longest previous one', () => {
  for (let attempt = 1; attempt < 10; attempt++) assert.ok(backoffMs(attempt + 1, 500, Infinity, () => 0) >= backoffMs(attempt, 500, Infinity, () => 1));
});
