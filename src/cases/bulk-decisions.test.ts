// decideMany: every case gets its own result, and an unexpected error on one case (not a refusal) is that
// case's 500 and is logged, while the cases before and after it are still decided and listed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { conflict } from '../shared/errors.ts';
import { decideMany } from './bulk-decisions.ts';

test('an unexpected error on one case is its own failure; the others are decided and listed', async () => {
  const decided: string[] = [];
  // A stand-in for the decisions service (the API test covers the real one): one case refused, one broken.
  const decisions = {
    decide: async (caseId: string) => {
      if (caseId === 'case_claimed') throw conflict('claimed_by_other', 'Another moderator has claimed this case.');
      if (caseId === 'case_broken') throw new TypeError('cannot read properties of undefined');
      decided.push(caseId);
      return { decisionId: `dec_${caseId}` };
    },
  };
  const logged: Array<{ err: unknown; caseId: string }> = [];
  const { results } = await decideMany(
    decisions,
    ['case_a', 'case_broken', 'case_claimed', 'case_b'],
    { id: 'usr_1', senior: false },
    { outcome: 'actioned', actions: ['block'], category: 'fraud', statement: 'Reviewed against the policy.' },
    (err, caseId) => logged.push({ err, caseId }),
  );
  assert.deepEqual(decided, ['case_a', 'case_b']);
  assert.deepEqual(
    results.map((r) => [r.caseId, r.ok ? 'ok' : `${r.status} ${r.code}`]),
    [
      ['case_a', 'ok'],
      ['case_broken', '500 internal_error'],
      ['case_claimed', '409 claimed_by_other'],
      ['case_b', 'ok'],
    ],
  );
  assert.equal(logged.length, 1);
  assert.equal(logged[0]?.caseId, 'case_broken');
  assert.ok(logged[0]?.err instanceof TypeError);
  const broken = results[1];
  assert.ok(broken && !broken.ok && !/undefined/.test(broken.message), 'the internal error is not shown to the moderator');
});
