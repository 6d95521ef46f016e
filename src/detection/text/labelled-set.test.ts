// The labelled set (test/fixtures/signals/labelled.jsonl) and the starter rules held to the goals:
// precision ≥ 0.9 and recall ≥ 0.8 per harm category with every starter rule live, so a rule edit that
// costs precision on news and help-seeking posts, or recall on harms, fails here. Each line is read both
// in its own language (`lang`) and in the language detected from its text, as publishing reads it, so a
// detection error that costs a rule its list fails here too. `npm run bench -- signals` prints the same
// figures per language and the throughput.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import policy from '../../../policy/policy.json' with { type: 'json' };
import { categoriesOf, parseLabelled, scoreLabelled } from './evaluation.ts';
import { loadRuleFolder } from './rule-set.ts';

const ROOT = join(import.meta.dirname, '../../..');
const lines = parseLabelled(readFileSync(join(ROOT, 'test/fixtures/signals/labelled.jsonl'), 'utf8'));
const CATEGORIES = new Set(policy.categories.map((c) => c.id));
const live = loadRuleFolder(join(ROOT, 'rules'), CATEGORIES).rules.map((c) => ({ ...c, rule: { ...c.rule, state: 'live' as const } }));

/** The starter harms of issue 13 and the policy category each is filed in. */
const HARMS = ['fraud', 'extortion', 'personal_data', 'terrorism'];
const LANGUAGES = ['ar', 'ckb', 'fa', 'en', 'fr', 'ru'];

test('the labelled set has at least 300 items, unique ids, known labels, and every language has each harm and negatives', () => {
  assert.ok(lines.length >= 300, `${lines.length} items`);
  assert.equal(new Set(lines.map((l) => l.id)).size, lines.length, 'ids are unique');
  assert.equal(new Set(lines.map((l) => l.text)).size, lines.length, 'no text is repeated');
  for (const l of lines) assert.ok(l.label === 'none' || CATEGORIES.has(l.label), `${l.id}: ${l.label}`);
  for (const lang of LANGUAGES) {
    for (const label of [...HARMS, 'none']) {
      const n = lines.filter((l) => l.lang === lang && l.label === label).length;
      assert.ok(n >= (label === 'none' ? 10 : 3), `${lang} × ${label}: ${n} items`);
    }
  }
});

test('every starter rule is in shadow: the set shows precision, a person makes a rule live', () => {
  const states = loadRuleFolder(join(ROOT, 'rules'), CATEGORIES).rules.map((c) => [c.rule.id, c.rule.state]);
  assert.ok(states.length >= 6);
  for (const [id, state] of states) assert.equal(state, 'shadow', id);
});

for (const languages of ['given', 'detected'] as const) {
  test(`with every starter rule live, ${languages} languages: precision ≥ 0.9 and recall ≥ 0.8 for each harm category of the labelled set`, () => {
    const { byCategory, mistakes, detection } = scoreLabelled(live, lines, { languages });
    for (const harm of HARMS) {
      const s = byCategory.get(harm);
      assert.ok(s, harm);
      const detail = `${harm}: precision ${s.precision.toFixed(3)}, recall ${s.recall.toFixed(3)}; mistakes ${JSON.stringify(mistakes)}; detection ${JSON.stringify(detection)}`;
      assert.ok(s.precision >= 0.9, detail);
      assert.ok(s.recall >= 0.8, detail);
    }
  });

  test(`hard negatives, ${languages} languages: news about terrorism, victims asking for help, shops, investment news and leak advice raise nothing`, () => {
    const negatives = lines.filter((l) => l.label === 'none');
    const flagged = negatives.filter((l) => categoriesOf(live, l, { languages }).size > 0).map((l) => l.id);
    // The goals allow a few; more than one in twenty negatives flagged means a rule lost its pairing.
    assert.ok(flagged.length <= negatives.length / 20, `flagged: ${flagged.join(', ')}`);
  });
}

test('detection reads most of the labelled set in its own language, and no harm in a wrong one', () => {
  const { detection } = scoreLabelled(live, lines, { languages: 'detected' });
  assert.ok(detection);
  // Too short or unclear gives none (every keyword list applies); a wrong language would read the wrong list.
  assert.ok(detection.same >= lines.length * 0.9, JSON.stringify(detection));
  const harmsMisread = detection.other.filter((o) => lines.find((l) => l.id === o.id)?.label !== 'none');
  assert.deepEqual(harmsMisread, []);
});
