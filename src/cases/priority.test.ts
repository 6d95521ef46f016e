import { test } from 'node:test';
import assert from 'node:assert/strict';
import { priorityOf, priorityScore, SOURCE_WEIGHT, trackRecordFactor, crowdFactor, leadingCategory, slaDueAt } from './priority.ts';

test('a crowd of fresh anonymous reporters cannot outrank one trusted flagger report of the same category, whatever the reach', () => {
  const crowd = priorityScore({
    categoryId: 'terrorism',
    lifeAtRisk: false,
    reach: 10_000_000,
    reporterCredibility: Array(10_000).fill(SOURCE_WEIGHT.anonymous),
  });
  const flagger = priorityScore({ categoryId: 'terrorism', lifeAtRisk: false, reach: 0, reporterCredibility: [SOURCE_WEIGHT.trusted_flagger] });
  assert.ok(flagger > crowd, `${flagger} > ${crowd}`);
});

test('one anonymous terrorism report outranks any spam case reported by the public, however large or well-reported', () => {
  const terror = priorityScore({ categoryId: 'terrorism', lifeAtRisk: false, reach: 0, reporterCredibility: [SOURCE_WEIGHT.anonymous] });
  const spam = priorityScore({ categoryId: 'spam', lifeAtRisk: false, reach: 10_000_000, reporterCredibility: Array(1000).fill(SOURCE_WEIGHT.in_app * 2) });
  assert.ok(terror > spam, `${terror} > ${spam}`);
});

test('a threat to life raises priority threefold', () => {
  const base = { categoryId: 'ncii', reach: 100, reporterCredibility: [1] };
  assert.equal(priorityScore({ ...base, lifeAtRisk: true }), Math.round(priorityScore({ ...base, lifeAtRisk: false }) * 3 * 100) / 100);
});

test('track record: new reporters weigh 1, habitual false reporters fall towards 0, reliable ones towards 2', () => {
  assert.equal(trackRecordFactor(undefined), 1);
  assert.equal(trackRecordFactor({ agreed: 0, disagreed: 0 }), 1);
  assert.ok(trackRecordFactor({ agreed: 0, disagreed: 50 }) < 0.05);
  assert.ok(trackRecordFactor({ agreed: 50, disagreed: 0 }) > 1.9);
});

test('crowd factor grows with distinct reporters and is capped', () => {
  assert.equal(crowdFactor(1), 1);
  assert.ok(crowdFactor(4) > crowdFactor(2));
  assert.equal(crowdFactor(1_000_000), 1.75);
});

test('the most severe claimed category leads and sets the clock', () => {
  assert.equal(leadingCategory(['spam', 'terrorism', 'fraud']), 'terrorism');
  const at = new Date('2026-01-01T00:00:00Z');
  assert.equal(slaDueAt(at, 'terrorism', false).toISOString(), '2026-01-01T01:00:00.000Z');
  assert.equal(slaDueAt(at, 'ncii', false).toISOString(), '2026-01-01T04:00:00.000Z');
  assert.equal(slaDueAt(at, 'ncii', true).toISOString(), '2026-01-01T01:00:00.000Z');
  assert.equal(slaDueAt(at, 'spam', false).toISOString(), '2026-01-08T00:00:00.000Z');
});

test('priorityOf from the best credibility and the reporter count equals priorityScore over all reporters', () => {
  const creds = [1, 1.2, 0.37, 4 * (2 / 3), 2.5];
  for (let n = 0; n <= creds.length; n++) {
    const some = creds.slice(0, n);
    for (const lifeAtRisk of [false, true]) {
      const p = { categoryId: 'fraud', lifeAtRisk, reach: 1234 };
      assert.equal(priorityOf({ ...p, bestCredibility: n ? Math.max(...some) : 0, reporters: n }), priorityScore({ ...p, reporterCredibility: some }));
    }
  }
});

test('between equally severe categories the first by id leads, whatever the order they came in', () => {
  assert.equal(leadingCategory(['violence', 'extortion', 'spam']), 'extortion');
  assert.equal(leadingCategory(['extortion', 'violence']), 'extortion');
  assert.equal(leadingCategory(['terrorism', 'csam']), 'csam');
});
