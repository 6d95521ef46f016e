import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reportSplit, type SplitCount } from './report-split.ts';
import type { CategoryWeights } from './credibility.ts';

const inApp = (category: string, reports: number, reporters = reports): SplitCount => ({ category, source: 'in_app', reports, reporters });
const anon = (category: string, reports: number, reporters = reports): SplitCount => ({ category, source: 'anonymous', reports, reporters });

test('thirteen fraud reports and one extortion report: fraud is suggested, the raw counts are kept', () => {
  // Weights in thousandths as the case keeps them: [established, unproven].
  const weights: CategoryWeights = { fraud: [15_400, 0], extortion: [1_000, 0] };
  const split = reportSplit([inApp('fraud', 12), anon('fraud', 1), anon('extortion', 1)], weights);
  assert.equal(split.suggestedCategory, 'fraud');
  assert.equal(split.tie, false);
  assert.deepEqual(split.byCategory, [
    { category: 'fraud', reports: 13, reporters: 13, weight: 15.4 },
    { category: 'extortion', reports: 1, reporters: 1, weight: 1 },
  ]);
  assert.deepEqual(split.bySource, [
    { source: 'in_app', reports: 12 },
    { source: 'anonymous', reports: 2 },
  ]);
});

test("the weights are the case's: unproven reporters together weigh at most the cap, so a crowd of new accounts suggests nothing severe", () => {
  // Thirty fresh accounts claim terrorism (0.12 each, capped at 0.5 together); one established reporter says spam.
  const split = reportSplit([inApp('terrorism', 30), inApp('spam', 1)], { terrorism: [0, 3_600], spam: [1_200, 0] });
  assert.equal(split.suggestedCategory, 'spam');
  assert.deepEqual(
    split.byCategory.map((c) => [c.category, c.reports, c.weight]),
    [
      ['spam', 1, 1.2],
      ['terrorism', 30, 0.5],
    ],
  );
});

test('a reporter counts once per category however often they report', () => {
  const split = reportSplit([inApp('violence', 20, 1), inApp('spam', 2)], { violence: [1_200, 0], spam: [2_400, 0] });
  assert.equal(split.suggestedCategory, 'spam');
  assert.deepEqual(
    split.byCategory.find((c) => c.category === 'violence'),
    { category: 'violence', reports: 20, reporters: 1, weight: 1.2 },
  );
});

test('distinct reporters of a category add up over its sources', () => {
  const split = reportSplit([inApp('fraud', 5, 3), anon('fraud', 2, 2)], { fraud: [3_000, 500] });
  assert.deepEqual(split.byCategory, [{ category: 'fraud', reports: 7, reporters: 5, weight: 3.5 }]);
});

test('equal weights: the more severe category wins, and the tie is reported', () => {
  const split = reportSplit([inApp('fraud', 1), inApp('extortion', 1)], { fraud: [1_200, 0], extortion: [1_200, 0] });
  assert.equal(split.suggestedCategory, 'extortion');
  assert.equal(split.tie, true);
});

test('equal severity falls back to the policy order (extortion before violence)', () => {
  assert.equal(reportSplit([inApp('violence', 1), inApp('extortion', 1)], { violence: [1_200, 0], extortion: [1_200, 0] }).suggestedCategory, 'extortion');
});

test('reporters who all weigh nothing (set aside) suggest no claim of theirs, and tie on nothing', () => {
  const split = reportSplit([inApp('terrorism', 3), inApp('spam', 1)], { terrorism: [0, 0], spam: [0, 0] });
  assert.equal(split.suggestedCategory, 'other');
  assert.equal(split.tie, false);
});

test('no reports: nothing to suggest', () => {
  assert.deepEqual(reportSplit([], {}), { byCategory: [], bySource: [], suggestedCategory: null, tie: false });
});
