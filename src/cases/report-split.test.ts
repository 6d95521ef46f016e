import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reportSplit, type SplitReport } from './report-split.ts';
import type { ReporterRecord } from './priority.ts';

const none = new Map<string, ReporterRecord>();
const inApp = (key: string, category: string): SplitReport => ({ reporterKey: key, source: 'in_app', category });
const anon = (key: string, category: string): SplitReport => ({ reporterKey: key, source: 'anonymous', category });

test('thirteen fraud reports and one extortion report: fraud is suggested, the raw counts are kept', () => {
  const reports = [...Array.from({ length: 12 }, (_, i) => inApp(`acct:${i}`, 'fraud')), anon('anon:a', 'fraud'), anon('anon:b', 'extortion')];
  const split = reportSplit(reports, none);
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

test('one trusted flagger outweighs three anonymous reporters', () => {
  const split = reportSplit(
    [anon('a', 'spam'), anon('b', 'spam'), anon('c', 'spam'), { reporterKey: 'key:1', source: 'trusted_flagger', category: 'copyright' }],
    none,
  );
  assert.equal(split.suggestedCategory, 'copyright');
  assert.deepEqual(
    split.byCategory.map((c) => [c.category, c.weight]),
    [
      ['copyright', 4],
      ['spam', 3],
    ],
  );
});

test('a reporter counts once per category however often they report', () => {
  const split = reportSplit([...Array.from({ length: 20 }, () => inApp('acct:loud', 'violence')), inApp('acct:x', 'spam'), inApp('acct:y', 'spam')], none);
  assert.equal(split.suggestedCategory, 'spam');
  assert.deepEqual(
    split.byCategory.find((c) => c.category === 'violence'),
    { category: 'violence', reports: 20, reporters: 1, weight: 1.2 },
  );
});

test('track records weigh in: habitual false reporters count for little, reliable ones for more', () => {
  const records = new Map<string, ReporterRecord>([
    ['acct:liar1', { agreed: 0, disagreed: 30 }],
    ['acct:liar2', { agreed: 0, disagreed: 30 }],
    ['acct:liar3', { agreed: 0, disagreed: 30 }],
    ['acct:good', { agreed: 10, disagreed: 0 }],
  ]);
  const split = reportSplit(
    [inApp('acct:liar1', 'terrorism'), inApp('acct:liar2', 'terrorism'), inApp('acct:liar3', 'terrorism'), inApp('acct:good', 'spam')],
    records,
  );
  assert.equal(split.suggestedCategory, 'spam');
});

test('equal weights: the more severe category wins, and the tie is reported', () => {
  const split = reportSplit([inApp('a', 'fraud'), inApp('b', 'extortion')], none);
  assert.equal(split.suggestedCategory, 'extortion');
  assert.equal(split.tie, true);
  // 1.2 × 3 and 1.2 + 2.4 style sums: float noise does not break the tie.
  const sums = reportSplit(
    [
      inApp('a', 'spam'),
      inApp('b', 'spam'),
      inApp('c', 'spam'),
      { reporterKey: 'p', source: 'platform', category: 'other' },
      anon('q', 'other'),
      inApp('r', 'other'),
    ],
    new Map([['r', { agreed: 0, disagreed: 2 }]]),
  );
  assert.notEqual(1.2 + 1.2 + 1.2, 2 + 1 + 1.2 * 0.5, 'the raw sums differ in the last bit');
  assert.equal(sums.byCategory[0].weight, sums.byCategory[1].weight);
  assert.equal(sums.suggestedCategory, 'spam');
  assert.equal(sums.tie, true);
});

test('equal severity falls back to the policy order (extortion before violence)', () => {
  assert.equal(reportSplit([inApp('a', 'violence'), inApp('b', 'extortion')], none).suggestedCategory, 'extortion');
});

test('no reports: nothing to suggest', () => {
  assert.deepEqual(reportSplit([], none), { byCategory: [], bySource: [], suggestedCategory: null, tie: false });
});
