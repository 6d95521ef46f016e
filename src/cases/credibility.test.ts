import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addWeight, betterWeight, clockOf, credibilityOf, isFreshForCase, isUnproven, leadOf, textHash, TRIAGE_MS, weightUnits } from './credibility.ts';

const at = '2026-06-01T12:00:00.000Z';
const hoursBefore = (h: number) => new Date(Date.parse(at) - h * 3_600_000).toISOString();

test('a new account or address without a record counts for little; keys, old accounts and a record count in full', () => {
  assert.equal(isUnproven('in_app', undefined, hoursBefore(1), at), true);
  assert.equal(isUnproven('anonymous', undefined, hoursBefore(24 * 6), at), true);
  assert.equal(isUnproven('in_app', undefined, hoursBefore(24 * 8), at), false);
  assert.equal(isUnproven('in_app', { agreed: 1, disagreed: 0 }, hoursBefore(1), at), false, 'a record decides');
  assert.equal(isUnproven('trusted_flagger', undefined, null, at), false);
  assert.ok(Math.abs(credibilityOf('in_app', undefined, { since: hoursBefore(1), setAside: false }, at) - 0.12) < 1e-9);
  assert.equal(credibilityOf('trusted_flagger', undefined, { since: null, setAside: false }, at), 4);
  assert.equal(credibilityOf('trusted_flagger', undefined, { since: null, setAside: true }, at), 0, 'set aside weighs nothing');
});

test('the weighted majority leads; unproven weight is capped, so a crowd of new accounts confirms nothing', () => {
  let w = {};
  for (let i = 0; i < 60; i++) w = addWeight(w, 'terrorism', undefined, { weight: weightUnits(0.12), unproven: true });
  assert.deepEqual(leadOf(w), { category: 'terrorism', confirmed: false });
  const clock = clockOf(at, leadOf(w), w, false);
  assert.equal(Date.parse(clock.slaDueAt) - Date.parse(at), TRIAGE_MS, 'the triage clock, not one hour');
  assert.equal(clock.triageDueAt, clock.slaDueAt);
  const flagged = addWeight({}, 'terrorism', undefined, { weight: 4000, unproven: false });
  assert.deepEqual(leadOf(flagged), { category: 'terrorism', confirmed: true });
  assert.equal(Date.parse(clockOf(at, leadOf(flagged), flagged, false).slaDueAt) - Date.parse(at), 3_600_000);
  assert.equal(clockOf(at, leadOf(flagged), flagged, false).triageDueAt, null);
  const mixed = addWeight(addWeight({}, 'fraud', undefined, { weight: 3600, unproven: false }), 'terrorism', undefined, { weight: 120, unproven: true });
  assert.deepEqual(leadOf(mixed), { category: 'fraud', confirmed: true });
  assert.notEqual(clockOf(at, leadOf(mixed), mixed, false).triageDueAt, null, 'the lone severe claim waits in triage');
  const setAside = addWeight({}, 'terrorism', undefined, { weight: 0, unproven: false });
  assert.deepEqual(leadOf(setAside), { category: 'other', confirmed: false });
  assert.equal(clockOf(at, leadOf(setAside), setAside, false).triageDueAt, null);
});

test("a reporter's best weight per category replaces its earlier one, whatever the order", () => {
  const a = { weight: 120, unproven: true };
  const b = { weight: 1200, unproven: false };
  assert.equal(betterWeight(a, b), b);
  assert.equal(betterWeight(b, a), b);
  const w1 = addWeight(addWeight({}, 'spam', undefined, a), 'spam', a, b);
  const w2 = addWeight({}, 'spam', undefined, b);
  assert.deepEqual(w1, w2);
});

test('coordination: fresh for the case, shared text', () => {
  assert.equal(isFreshForCase(hoursBefore(0.5), at), true);
  assert.equal(isFreshForCase(hoursBefore(2), at), false);
  assert.equal(isFreshForCase(null, at), false);
  assert.equal(textHash('  Remove   THIS channel '), textHash('remove this channel'));
  assert.equal(textHash('   '), null);
});
