// docs/POLICY.md and policy/policy.json must say the same thing.
import { CONFIRMED_WEIGHT, COORDINATION_WINDOW_MS, FRESH_MS, TRIAGE_MS, UNPROVEN_CAP, UNPROVEN_FACTOR } from '../cases/credibility.ts';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  APPEAL_REVIEW_DAYS,
  APPEAL_TEXT,
  APPEAL_WINDOW_MONTHS,
  CATEGORIES,
  COOLDOWN_MS,
  DSA_MAPPING,
  IN_APP_REASONS,
  PROTECTED_EXPRESSION,
  REPORTER_MISUSE,
  SCOPE,
} from './policy.ts';

const doc = readFileSync(new URL('../../docs/POLICY.md', import.meta.url), 'utf8');

function tableRows(firstHeader: string): string[][] {
  const lines = doc.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`| ${firstHeader} |`));
  assert.ok(start >= 0, `table "${firstHeader}" in POLICY.md`);
  const rows: string[][] = [];
  for (const l of lines.slice(start + 2)) {
    if (!l.startsWith('|')) break;
    rows.push(
      l
        .split('|')
        .slice(1, -1)
        .map((c) => c.trim().replace(/^`|`$/g, '')),
    );
  }
  return rows;
}

test('every category, with its title, severity, deadline and DSA mapping, appears exactly as in the data', () => {
  const rows = tableRows('id');
  assert.deepEqual(
    rows.map((r) => r[0]),
    CATEGORIES.map((c) => c.id),
  );
  for (const c of CATEGORIES) {
    const r = rows.find((x) => x[0] === c.id)!;
    const deadline = c.reviewWithin + (c.reviewWithinIfLifeAtRisk ? ` (${c.reviewWithinIfLifeAtRisk} if a life may be at risk)` : '');
    assert.deepEqual(r, [c.id, c.title, String(c.severity), deadline, c.dsa.category, c.dsa.keyword], c.id);
  }
});

test('in-app reasons map onto the same categories', () => {
  assert.deepEqual(Object.fromEntries(tableRows('in-app reason').map((r) => [r[0], r[1]])), IN_APP_REASONS);
});

test('protected expression, scope, appeals and the cool-down are stated as in the data', () => {
  assert.ok(doc.includes(PROTECTED_EXPRESSION.rule), 'protected-expression rule');
  assert.ok(doc.includes(SCOPE.outOfScopeStatement), 'out-of-scope statement');
  assert.ok(doc.includes(SCOPE.accountStatement), 'statement for reports about accounts');
  assert.ok(doc.includes(`at most ${SCOPE.privateGroupMemberLimit} members`), 'group size');
  assert.ok(doc.includes(APPEAL_TEXT), 'appeal text');
  assert.ok(doc.includes(`in the last ${COOLDOWN_MS / 86_400_000} days`), 'cool-down');
  assert.ok(doc.includes(`within ${APPEAL_WINDOW_MONTHS} months of the decision`), 'appeal window');
  assert.ok(doc.includes(`within ${APPEAL_REVIEW_DAYS} days of filing`), 'appeal review deadline');
});

test('the DSA statement-of-reasons mapping is stated as in the data', () => {
  assert.deepEqual(Object.fromEntries(tableRows('Vigil action').map((r) => [r[0], r[1]])), DSA_MAPPING.actions);
  assert.deepEqual(
    tableRows('report source').map((r) => ({ source: r[0], dsa: r[1] })),
    DSA_MAPPING.sources,
  );
  const contentTypes = Object.fromEntries(tableRows('subject kind').map((r) => [r[0], r[1].split(/`?, `?/)]));
  assert.deepEqual(contentTypes, DSA_MAPPING.contentTypes);
  assert.ok(doc.includes(`"${DSA_MAPPING.legalGround}"`), 'legal ground');
  assert.ok(doc.includes(`"${DSA_MAPPING.incompatibleGround}"`), 'incompatible-content ground');
});

test("reporters' credibility: the misuse statements and the numbers are stated as in the data and the code", () => {
  assert.ok(doc.includes(REPORTER_MISUSE.warningStatement), 'warning statement');
  assert.ok(doc.includes(REPORTER_MISUSE.setAsideStatement), 'set-aside statement');
  assert.ok(doc.includes(`for ${REPORTER_MISUSE.setAsideDays} days unless the senior chooses another period`), 'set-aside period');
  assert.ok(doc.includes(`younger than ${FRESH_MS / 86_400_000} days`), 'fresh age');
  assert.ok(doc.includes(`× ${UNPROVEN_FACTOR}`), 'unproven factor');
  assert.ok(doc.includes(`at most ${UNPROVEN_CAP} together`), 'unproven cap');
  assert.ok(doc.includes(`at least ${CONFIRMED_WEIGHT}`), 'confirmed weight');
  assert.ok(doc.includes(`a ${TRIAGE_MS / 3_600_000}-hour triage clock`), 'triage clock');
  assert.ok(doc.includes(`${COORDINATION_WINDOW_MS / 60_000} minutes`), 'coordination window');
});
