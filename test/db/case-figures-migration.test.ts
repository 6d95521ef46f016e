// The case-figures migration on a database that already holds cases and reports (SQLite, or PostgreSQL
// when VIGIL_DATABASE_URL is set): reports get the credibility of their reporter's record, each case its
// reporter rows and best credibility, and the recount then agrees with what intake keeps.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Db } from '../../src/db/database.ts';
import { migrateToLatest, migrateUpTo } from '../../src/db/migrate.ts';
import { recountCase } from '../../src/cases/case-aggregate.ts';
import { reportCredibility } from '../../src/cases/priority.ts';
import { freshDatabase } from '../helpers/fresh-database.ts';

let db: Db;
let close: () => Promise<void>;
before(async () => {
  ({ db, close } = await freshDatabase());
});
after(async () => {
  await close();
});

test('existing reports and cases get credibility and reporter rows; the recount then changes only the priority it recomputes', async () => {
  await migrateUpTo(db, '2026-11-29-02-name-skeletons');
  const at = '2026-11-01T00:00:00.000Z';
  const old = db as any;
  await old
    .insertInto('cases')
    .values({
      id: 'case_1',
      subject_kind: 'channel',
      subject_id: 'ch_1',
      open_key: 'channel:ch_1',
      owner_account_id: null,
      state: 'open',
      category: 'fraud',
      priority: 1,
      sla_due_at: '2026-11-02T00:00:00.000Z',
      report_count: 3,
      reporter_count: 2,
      sources: '["in_app","trusted_flagger"]',
      categories: '["fraud"]',
      reach: 10,
      life_at_risk: 0,
      assignee_id: null,
      last_event_seq: 0,
      outcome: null,
      decision_id: null,
      created_at: at,
      updated_at: at,
      decided_at: null,
    })
    .execute();
  await old.insertInto('reporter_records').values({ reporter_key: 'acc:a', agreed: 3, disagreed: 1 }).execute();
  const report = (id: string, source: string, key: string) => ({
    id,
    case_id: 'case_1',
    subject_kind: 'channel',
    subject_id: 'ch_1',
    subject_link: null,
    source,
    reporter_key: key,
    reporter_account_id: null,
    reporter_label: null,
    contact_name: null,
    contact_email: null,
    category: 'fraud',
    claimed: 'fraud',
    explanation: null,
    evidence: null,
    post_ids: '[]',
    life_at_risk: 0,
    bona_fide: 0,
    jurisdiction: null,
    legal_basis: null,
    order_reference: null,
    status: 'received',
    receipt_hash: id.padEnd(64, '0'),
    idempotency_key: null,
    request_fingerprint: null,
    answer: null,
    created_at: at,
    answered_at: null,
  });
  await old
    .insertInto('reports')
    .values([report('rep_1', 'in_app', 'acc:a'), report('rep_2', 'in_app', 'acc:a'), report('rep_3', 'trusted_flagger', 'key:f')])
    .execute();

  await migrateToLatest(db);
  const a = reportCredibility('in_app', { agreed: 3, disagreed: 1 });
  const f = reportCredibility('trusted_flagger', undefined);
  const reports = await db.selectFrom('reports').select(['id', 'credibility']).orderBy('id').execute();
  assert.deepEqual(reports, [
    { id: 'rep_1', credibility: a },
    { id: 'rep_2', credibility: a },
    { id: 'rep_3', credibility: f },
  ]);
  // The columns this migration fills (later migrations add others).
  assert.deepEqual(await db.selectFrom('case_reporters').select(['case_id', 'reporter_key', 'best_credibility', 'reports']).orderBy('reporter_key').execute(), [
    { case_id: 'case_1', reporter_key: 'acc:a', best_credibility: a, reports: 2 },
    { case_id: 'case_1', reporter_key: 'key:f', best_credibility: f, reports: 1 },
  ]);
  assert.equal((await db.selectFrom('cases').select('best_credibility').executeTakeFirstOrThrow()).best_credibility, f);
  // The counts were right; the made-up priority is recomputed, and the credibility figures and report split
  // later migrations added (left for the recount to fill on cases older than them) are filled.
  assert.deepEqual((await recountCase(db, 'case_1')).sort(), ['case_reporter_categories', 'category_weights', 'priority', 'report_split', 'weighed_reporters']);
  const split = (await db.selectFrom('cases').select('report_split').executeTakeFirstOrThrow()).report_split;
  assert.deepEqual(JSON.parse(split ?? ''), { fraud: { in_app: [2, 1], trusted_flagger: [1, 1] } });
});
