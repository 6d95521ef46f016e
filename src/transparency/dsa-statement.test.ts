// The policy's DSA mapping uses only keys the Transparency Database accepts, every category and kind of
// subject makes a valid statement, and a refusal is read as "already held" only when it says so of puids.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CATEGORIES, DSA_MAPPING } from '../policy/policy.ts';
import { BLOCKABLE_KINDS } from '../subjects/kinds.ts';
import schema from './dsa-statement.schema.json' with { type: 'json' };
import { contentLanguage, type DecisionForExport, statementFaults, statementOf } from './dsa-statement.ts';
import { duplicateIndexes, submitTarget } from './dsa-submit.ts';

const p = schema.properties;
const decision = (over: Partial<DecisionForExport> = {}): DecisionForExport => ({
  id: 'dec_0123456789abcdef',
  outcome: 'actioned',
  category: 'terrorism',
  actions: ['block'],
  postIds: [],
  jurisdiction: null,
  automated: false,
  createdAt: '2026-12-01T10:00:00.000Z',
  reversedAt: null,
  caseCreatedAt: '2026-11-30T09:00:00.000Z',
  subjectKind: 'channel',
  platform: 'reference',
  sources: ['in_app'],
  ...over,
});

test("the policy's DSA keys are the database's enum keys", () => {
  for (const c of CATEGORIES) {
    assert.ok(p.category.enum.includes(c.dsa.category), c.id);
    assert.ok(p.category_specification.items.enum.includes(c.dsa.keyword), c.id);
  }
  for (const v of Object.values(DSA_MAPPING.actions)) assert.ok(p.decision_visibility.items.enum.includes(v), v);
  for (const s of DSA_MAPPING.sources) assert.ok(p.source_type.enum.includes(s.dsa), s.dsa);
  for (const kind of BLOCKABLE_KINDS) {
    const types = DSA_MAPPING.contentTypes[kind];
    assert.ok(types && types.length > 0 && types.every((t) => p.content_type.items.enum.includes(t)), kind);
  }
});

test('every category, kind and action makes a statement that passes the schema', () => {
  for (const c of CATEGORIES)
    for (const subjectKind of BLOCKABLE_KINDS)
      for (const actions of [['block'], ['restrict_in_jurisdiction'], ['block', 'warn_owner']] as const) {
        const made = statementOf(decision({ category: c.id, subjectKind, actions: [...actions], jurisdiction: 'FR', sources: ['automated', 'platform'] }));
        assert.ok('statement' in made);
        assert.deepEqual(statementFaults(made.statement), [], `${c.id} ${subjectKind} ${actions}`);
      }
  const removed = statementOf(decision({ actions: ['remove_posts'], postIds: ['p1', 'p2'], reversedAt: '2026-12-03T00:00:00.000Z' }));
  assert.ok('statement' in removed);
  assert.equal(removed.statement.end_date_visibility_restriction, '2026-12-03');
  assert.match(removed.statement.decision_facts, /2 posts were removed\..*reversed on 2026-12-03/);
});

test('decisions that restrict nothing in the EU/EEA have no statement', () => {
  assert.deepEqual(statementOf(decision({ outcome: 'no_violation', actions: [], category: null })), { skipped: 'no_restriction' });
  assert.deepEqual(statementOf(decision({ actions: ['warn_owner'] })), { skipped: 'no_restriction' });
  assert.deepEqual(statementOf(decision({ actions: ['restrict_in_jurisdiction'], jurisdiction: 'TR' })), { skipped: 'outside_eea' });
  const gr = statementOf(decision({ actions: ['restrict_in_jurisdiction'], jurisdiction: 'GR' }));
  assert.ok('statement' in gr && gr.statement.territorial_scope.join() === 'GR');
});

test('the schema refuses what the database refuses', () => {
  const made = statementOf(decision());
  assert.ok('statement' in made);
  const s = made.statement;
  const without = (key: keyof typeof s) => Object.fromEntries(Object.entries(s).filter(([k]) => k !== key));
  assert.notDeepEqual(statementFaults({ ...s, puid: 'dec 1' }), []);
  assert.notDeepEqual(statementFaults(without('decision_visibility')), [], 'no decision at all');
  assert.notDeepEqual(statementFaults(without('illegal_content_legal_ground')), [], 'illegal content needs its legal ground');
  assert.notDeepEqual(statementFaults({ ...s, decision_facts: 'x'.repeat(5001) }), []);
  assert.notDeepEqual(statementFaults({ ...s, territorial_scope: ['US'] }), []);
  assert.notDeepEqual(statementFaults({ ...s, reporter_email: 'a@b.c' }), [], 'no field the database does not know');
});

test('a refusal counts as "already held" only when every error is a duplicate puid', () => {
  const dup = ['The identifier given is not unique within this platform.'];
  assert.deepEqual(duplicateIndexes({ errors: { 'statements.2.puid': dup, 'statements.0.puid': dup } }, 3), [2, 0]);
  assert.deepEqual(duplicateIndexes({ errors: { puid: dup } }, 1), [0]);
  assert.equal(duplicateIndexes({ errors: { 'statements.2.puid': dup, 'statements.1.category': ['invalid'] } }, 3), undefined);
  assert.equal(duplicateIndexes({ errors: { 'statements.0.puid': ['The puid format is invalid.'] } }, 1), undefined);
  assert.equal(duplicateIndexes({ errors: { 'statements.7.puid': dup } }, 3), undefined);
  assert.equal(duplicateIndexes('Bad gateway', 3), undefined);
});

test('--submit takes a base URL or the statements endpoint; acceptances are kept per origin', () => {
  assert.deepEqual(submitTarget('https://transparency.dsa.ec.europa.eu'), {
    endpoint: 'https://transparency.dsa.ec.europa.eu/api/v1/statements',
    target: 'https://transparency.dsa.ec.europa.eu',
  });
  assert.deepEqual(submitTarget('http://127.0.0.1:8080/api/v1/statements/'), {
    endpoint: 'http://127.0.0.1:8080/api/v1/statements',
    target: 'http://127.0.0.1:8080',
  });
  assert.throws(() => submitTarget('ftp://x'), /http/);
});

test('the content language is ISO 639-1 in upper case, Kurdish as KU, and absent when unknown', () => {
  assert.equal(contentLanguage('ar'), 'AR');
  assert.equal(contentLanguage('ckb'), 'KU');
  assert.equal(contentLanguage('fa'), 'FA');
  assert.equal(contentLanguage(null), undefined);
  assert.equal(contentLanguage('und'), undefined);
});
