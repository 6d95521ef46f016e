// `vigil export dsa` as an operator runs it (a real process on the test app's database): statements of
// reasons for the EU DSA Transparency Database from a seeded history, checked against the schema, in
// batches of at most 100, naming no person; and `--submit` to a fake database on loopback that fails
// once, then accepts, and never receives an accepted statement twice.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import { apiClient, type Api } from '../helpers/api.ts';
import { apiKey, staffTokenFor } from '../helpers/people.ts';
import { runVigil } from '../helpers/cli-process.ts';
import { statementFaults, type DsaStatement } from '../../src/transparency/dsa-statement.ts';
import { utcDay } from '../../src/transparency/daily-statistics.ts';
import { exportDsa } from '../../src/transparency/dsa-export.ts';

const today = utcDay(Date.now());

async function caseOfReport(t: TestApp, reportId: string): Promise<string> {
  const row = await t.ctx.db.selectFrom('reports').select('case_id').where('id', '=', reportId).executeTakeFirstOrThrow();
  assert.ok(row.case_id);
  return row.case_id;
}

function batchesOf(text: string): Array<{ statements: DsaStatement[] }> {
  return text
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
}

describe('vigil export dsa over a seeded history', () => {
  let t: TestApp;
  let api: Api;
  let dir: string;
  const persons: string[] = [];
  const decisions: Record<string, string> = {};
  // Each run is a new process (start-up and migration check): generous on a loaded machine.
  const vigil = (...args: string[]) => runVigil({ dataDir: t.config.dataDir, databaseUrl: t.config.databaseUrl }, args, { timeout: 180_000 });

  before(async () => {
    t = await startTestApp();
    api = apiClient(t.app);
    dir = await mkdtemp(path.join(os.tmpdir(), 'vigil-dsa-'));
    const moderator = await staffTokenFor(t, 'moderator');
    const senior = await staffTokenFor(t, 'senior');
    persons.push(moderator.user.email, senior.user.email);

    const decide = async (caseId: string, body: Record<string, unknown>, token = moderator.token) => {
      const r = await api.post(`/api/v1/cases/${caseId}/decide`, body, { token });
      assert.equal(r.status, 200, r.text);
      return r.body.decisionId as string;
    };
    const channel = async (handle: string, owner: string) => {
      persons.push(owner, handle);
      const account = await api.account(owner);
      persons.push(account.id);
      const c = await api.post('/api/v1/channels', { handle, title: `${owner}'s channel` }, { token: account.token });
      assert.equal(c.status, 201, c.text);
      persons.push(c.body.id);
      const post = await api.post(`/api/v1/channels/${handle}/posts`, { text: `Write to ${owner} at ${handle}@example.org` }, { token: account.token });
      return { token: account.token, postId: post.body.id as string };
    };
    const report = async (body: Record<string, unknown>, token?: string) => {
      const r = await api.post('/api/v1/reports', body, token ? { token } : {});
      assert.equal(r.status, 202, r.text);
      return caseOfReport(t, r.body.id);
    };

    // Blocked for fraud on a user's in-app report; the moderator's statement names people.
    const reporter = await api.account('Boris Weber');
    persons.push('Boris Weber', reporter.id);
    await channel('ana_petrova_shop', 'Ana Petrova');
    decisions.block = await decide(
      await report({ subject: '/c/ana_petrova_shop', category: 'fraud', explanation: 'Ana Petrova stole my money' }, reporter.token),
      {
        outcome: 'actioned',
        actions: ['block'],
        category: 'fraud',
        statement: 'Sells hacked accounts; called Ana Petrova at ana.petrova@example.org, she admitted it.',
      },
    );
    persons.push('ana.petrova@example.org');

    // Posts removed as spam on an anonymous web-form report that left a name and an e-mail address.
    const spam = await channel('chloe_deals', 'Chloé Martin');
    persons.push('Dmitri Sokolov', 'dmitri.sokolov@example.net');
    decisions.remove = await decide(
      await report({
        subject: '/c/chloe_deals',
        category: 'spam',
        explanation: 'Dmitri here: this channel floods me with ads',
        contact: { name: 'Dmitri Sokolov', email: 'dmitri.sokolov@example.net' },
        bonaFide: true,
      }),
      {
        outcome: 'actioned',
        actions: ['remove_posts'],
        category: 'spam',
        postIds: [spam.postId],
        statement: 'Repeated promotion, reported by Dmitri Sokolov.',
      },
    );

    // Blocked for violence on a trusted flagger's notice, then reversed by a senior.
    await channel('emil_fight_club', 'Emil Novak');
    persons.push('SafeNet Helpline');
    const flagger = await apiKey(t, 'trusted_flagger', 'SafeNet Helpline');
    const reversedCase = await report({ subject: '/c/emil_fight_club', category: 'violence' }, flagger);
    decisions.reversed = await decide(reversedCase, {
      outcome: 'actioned',
      actions: ['block'],
      category: 'violence',
      statement: 'Calls for attacks on Emil Novak.',
    });
    assert.equal(
      (await api.post(`/api/v1/cases/${reversedCase}/reverse`, { reason: 'Emil Novak showed it was a film scene.' }, { token: senior.token })).status,
      200,
    );

    // Withheld in Germany only, on an authority's order (a senior decides).
    await channel('frieda_news', 'Frieda Braun');
    persons.push('Landeskriminalamt Berlin');
    const lka = await apiKey(t, 'authority', 'Landeskriminalamt Berlin', 'DE');
    decisions.restricted = await decide(
      await report({ subject: '/c/frieda_news', category: 'violence', explanation: 'Volksverhetzung by Frieda Braun', legalBasis: '§ 130 StGB' }, lka),
      { outcome: 'actioned', actions: ['restrict_in_jurisdiction'], category: 'violence', statement: 'Incitement under German law, says the LKA.' },
      senior.token,
    );

    // Withheld in Türkiye only: outside the EU/EEA, so no statement for the Union's database.
    await channel('gul_casino', 'Gül Yilmaz');
    const board = await apiKey(t, 'authority', 'Gaming Board', 'TR');
    decisions.outside = await decide(
      await report({ subject: '/c/gul_casino', category: 'illegal_goods', legalBasis: 'Gaming Act s.4' }, board),
      { outcome: 'actioned', actions: ['restrict_in_jurisdiction'], category: 'illegal_goods', statement: 'Unlicensed gambling in TR.' },
      senior.token,
    );

    // A warning restricts nothing; no violation and protected expression carry no action.
    await channel('hana_memes', 'Hana Kim');
    decisions.warned = await decide(await report({ subject: '/c/hana_memes', category: 'spam' }, reporter.token), {
      outcome: 'actioned',
      actions: ['warn_owner'],
      category: 'spam',
      statement: 'Borderline promotion; Hana Kim is warned.',
    });
    await channel('ivan_recipes', 'Ivan Horvat');
    await decide(await report({ subject: '/c/ivan_recipes', category: 'spam' }, reporter.token), {
      outcome: 'no_violation',
      actions: [],
      statement: 'Ivan Horvat posts recipes; nothing wrong.',
    });
    await channel('jana_politics', 'Jana Dvořák');
    await decide(await report({ subject: '/c/jana_politics', category: 'other', legalBasis: 'Insulting the state' }, board), {
      outcome: 'protected_expression',
      actions: [],
      statement: 'Jana Dvořák criticises a government peacefully.',
    });
  });
  after(async () => {
    await t.close();
    await rm(dir, { recursive: true, force: true });
  });

  test('writes valid statements of the restrictions inside the EU/EEA, names no person, and prints a summary', async () => {
    const out = path.join(dir, 'dsa.jsonl');
    const run = await vigil('export', 'dsa', '--from', today, '--to', today, '--out', out);
    assert.equal(run.code, 0, run.stderr);
    const text = await readFile(out, 'utf8');
    const batches = batchesOf(text);
    assert.equal(batches.length, 1);
    for (const b of batches) {
      assert.deepEqual(Object.keys(b), ['statements']);
      assert.ok(b.statements.length >= 1 && b.statements.length <= 100);
      for (const s of b.statements) assert.deepEqual(statementFaults(s), [], s.puid);
    }
    const byPuid = new Map(batches.flatMap((b) => b.statements).map((s) => [s.puid, s]));
    assert.deepEqual([...byPuid.keys()].sort(), [decisions.block, decisions.remove, decisions.reversed, decisions.restricted].sort());

    const block = byPuid.get(decisions.block)!;
    assert.deepEqual(block.decision_visibility, ['DECISION_VISIBILITY_CONTENT_DISABLED']);
    assert.equal(block.decision_ground, 'DECISION_GROUND_ILLEGAL_CONTENT');
    assert.equal(block.category, 'STATEMENT_CATEGORY_SCAMS_AND_FRAUD');
    assert.equal(block.source_type, 'SOURCE_ARTICLE_16');
    assert.equal(block.territorial_scope.length, 30);
    assert.equal(block.application_date, today);
    assert.equal(block.end_date_visibility_restriction, undefined);

    const removed = byPuid.get(decisions.remove)!;
    assert.deepEqual(removed.decision_visibility, ['DECISION_VISIBILITY_CONTENT_REMOVED']);
    assert.equal(removed.decision_ground, 'DECISION_GROUND_INCOMPATIBLE_CONTENT');
    assert.equal(removed.category, 'STATEMENT_CATEGORY_OTHER_VIOLATION_TC');

    const reversed = byPuid.get(decisions.reversed)!;
    assert.equal(reversed.source_type, 'SOURCE_TRUSTED_FLAGGER');
    assert.equal(reversed.end_date_visibility_restriction, today, 'the restriction ended with the reversal');
    assert.deepEqual(reversed.category_specification, ['KEYWORD_INCITEMENT_VIOLENCE_HATRED']);

    const restricted = byPuid.get(decisions.restricted)!;
    assert.deepEqual(restricted.territorial_scope, ['DE']);
    assert.equal(restricted.source_type, 'SOURCE_TYPE_OTHER_NOTIFICATION');

    for (const p of persons) assert.ok(!text.toLowerCase().includes(p.toLowerCase()), `the export names "${p}"`);
    assert.ok(!text.includes('@'), 'no e-mail address');
    assert.ok(!/StGB|Gaming Act/.test(text), "no authority's free text");

    assert.match(run.stdout, /statements: 4 in 1 batch\b/);
    assert.match(run.stdout, /decisions by outcome: actioned 6, no_violation 1, protected_expression 1/);
    assert.match(run.stdout, /by category: fraud 1, spam 1, violence 2/);
    assert.match(run.stdout, /DECISION_VISIBILITY_CONTENT_DISABLED 3, DECISION_VISIBILITY_CONTENT_REMOVED 1/);
    assert.match(run.stdout, /1 restricting nothing \(warnings\), 1 restricted only outside the EU\/EEA/);
    assert.match(run.stdout, new RegExp(`period ${today} to ${today}`));
  });

  test('a re-export gives the same statements; another period has none; bad days are refused', async () => {
    const collect = async (from: string, to: string) => {
      const lines: string[] = [];
      const summary = await exportDsa(t.ctx.db, { from, to, write: async (b) => void lines.push(JSON.stringify(b)) });
      return { lines, summary };
    };
    const run = await vigil('export', 'dsa', '--from', today, '--to', today);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /statements: 4 in 1 batch/, 'the summary goes to standard error when the batches go to standard output');
    const again = await collect(today, today);
    assert.deepEqual(again.lines, run.stdout.split('\n').filter(Boolean), 'stable puids and contents');
    const old = await collect('2021-01-01', '2021-12-31');
    assert.deepEqual([old.lines.length, old.summary.statements, old.summary.batches], [0, 0, 0]);
    await assert.rejects(collect(today, '2021-02-30'), /--to: "2021-02-30" is not a day/);
    await assert.rejects(collect(today, '2021-02-01'), /--to is before --from/);
  });

  test('a statement that fails the schema, or cannot be mapped, stops the export naming its decision, and leaves no file', async () => {
    const out = path.join(dir, 'broken.jsonl');
    const caseId = (await t.ctx.db.selectFrom('decisions').select('case_id').where('id', '=', decisions.block).executeTakeFirstOrThrow()).case_id;
    const { created_at } = await t.ctx.db.selectFrom('cases').select('created_at').where('id', '=', caseId).executeTakeFirstOrThrow();
    // Content dated before 2000 is refused by the database's rules (content_date).
    await t.ctx.db.updateTable('cases').set({ created_at: '1999-12-31T23:00:00.000Z' }).where('id', '=', caseId).execute();
    try {
      const run = await vigil('export', 'dsa', '--from', today, '--to', today, '--out', out);
      assert.equal(run.code, 1);
      assert.match(run.stderr, new RegExp(`error: decision ${decisions.block}: its statement does not pass the Transparency Database's schema: /content_date`));
      await assert.rejects(readFile(out), { code: 'ENOENT' });
      await assert.rejects(readFile(`${out}.partial`), { code: 'ENOENT' });
    } finally {
      await t.ctx.db.updateTable('cases').set({ created_at }).where('id', '=', caseId).execute();
    }
    // A category policy.json no longer has cannot be mapped.
    await t.ctx.db.updateTable('decisions').set({ category: 'gone_category' }).where('id', '=', decisions.remove).execute();
    try {
      await assert.rejects(exportDsa(t.ctx.db, { from: today, to: today }), {
        name: 'Error',
        message: `decision ${decisions.remove}: unknown policy category "gone_category"`,
      });
    } finally {
      await t.ctx.db.updateTable('decisions').set({ category: 'spam' }).where('id', '=', decisions.remove).execute();
    }
  });
});

/** A fake Transparency Database: checks the token and the schema, refuses known puids, can fail on demand. */
async function fakeDatabase(token: string) {
  const held = new Map<string, number>();
  const state = { posts: 0, statementsPosted: 0, failNext: 0, refuseWith: undefined as undefined | { status: number; body: unknown } };
  const app: FastifyInstance = Fastify({ bodyLimit: 10 * 1024 * 1024 });
  app.post('/api/v1/statements', async (req, reply) => {
    state.posts++;
    if (req.headers.authorization !== `Bearer ${token}`) return reply.status(401).send({ message: 'Unauthenticated.' });
    const { statements } = req.body as { statements: DsaStatement[] };
    state.statementsPosted += statements.length;
    if (state.failNext > 0) {
      state.failNext--;
      return reply.status(503).send({ message: 'Service Unavailable' });
    }
    if (state.refuseWith) return reply.status(state.refuseWith.status).send(state.refuseWith.body);
    if (statements.length < 1 || statements.length > 100) return reply.status(422).send({ message: 'statements: 1 to 100' });
    const errors: Record<string, string[]> = {};
    statements.forEach((s, i) => {
      const faults = statementFaults(s);
      if (faults.length > 0) errors[`statements.${i}`] = faults;
      if (held.has(s.puid)) errors[`statements.${i}.puid`] = ['The identifier given is not unique within this platform.'];
    });
    if (Object.keys(errors).length > 0) return reply.status(422).send({ message: 'The given data was invalid.', errors });
    for (const s of statements) held.set(s.puid, (held.get(s.puid) ?? 0) + 1);
    return reply.status(201).send({ statements });
  });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return { url, held, state, close: () => app.close() };
}

describe('vigil export dsa: 230 decisions, batches and --submit', () => {
  let t: TestApp;
  let api: Api;
  let dir: string;
  let ids: string[] = [];
  // Each run is a new process (start-up and migration check): generous on a loaded machine.
  const vigil = (...args: string[]) => runVigil({ dataDir: t.config.dataDir, databaseUrl: t.config.databaseUrl }, args, { timeout: 180_000 });

  before(async () => {
    t = await startTestApp();
    api = apiClient(t.app);
    dir = await mkdtemp(path.join(os.tmpdir(), 'vigil-dsa-'));
    const moderator = await staffTokenFor(t, 'moderator');
    const owner = await api.account('Owner of many');
    const reporter = await api.account('Busy reporter');
    for (let i = 0; i < 230; i++) {
      const handle = `bulk_${String(i).padStart(3, '0')}`;
      assert.equal((await api.post('/api/v1/channels', { handle, title: handle }, { token: owner.token })).status, 201);
      const r = await api.post('/api/v1/reports', { subject: `/c/${handle}`, category: 'fraud' }, { token: reporter.token });
      assert.equal(r.status, 202, r.text);
      const d = await api.post(
        `/api/v1/cases/${await caseOfReport(t, r.body.id)}/decide`,
        { outcome: 'actioned', actions: ['block'], category: 'fraud', statement: 'Sells stolen accounts.' },
        { token: moderator.token },
      );
      assert.equal(d.status, 200, d.text);
      ids.push(d.body.decisionId);
    }
    ids = ids.sort();
  });
  after(async () => {
    await t.close();
    await rm(dir, { recursive: true, force: true });
  });

  test('230 decisions make batches of 100, 100 and 30, in the order they were taken', async () => {
    const out = path.join(dir, 'bulk.jsonl');
    const run = await vigil('export', 'dsa', '--from', today, '--to', today, '--out', out);
    assert.equal(run.code, 0, run.stderr);
    const batches = batchesOf(await readFile(out, 'utf8'));
    assert.deepEqual(
      batches.map((b) => b.statements.length),
      [100, 100, 30],
    );
    const puids = batches.flatMap((b) => b.statements.map((s) => s.puid));
    assert.equal(new Set(puids).size, 230);
    assert.deepEqual([...puids].sort(), ids);
    for (const s of batches.flatMap((b) => b.statements)) assert.deepEqual(statementFaults(s), []);
    assert.match(run.stdout, /statements: 230 in 3 batches/);
  });

  test('--submit retries a 503, records what was accepted, and a re-run sends nothing twice', async () => {
    const fake = await fakeDatabase('secret-token');
    try {
      fake.state.failNext = 1;
      const first = await vigil('export', 'dsa', '--from', today, '--to', today, '--submit', fake.url, '--token', 'secret-token', '--retry-base-ms', '50');
      assert.equal(first.code, 0, first.stderr);
      assert.match(first.stderr, /batch 1: HTTP 503; retrying/);
      assert.equal(fake.state.posts, 4, 'three batches and one retry');
      assert.equal(fake.held.size, 230);
      assert.ok([...fake.held.values()].every((n) => n === 1));
      assert.match(first.stdout, /230 accepted now, 0 already held by the database, 0 accepted by an earlier run \(not sent\), 1 retries/);
      const recorded = await t.ctx.db.selectFrom('dsa_submissions').select(['puid', 'decision_id', 'answer']).execute();
      assert.equal(recorded.length, 230);

      const again = await vigil('export', 'dsa', '--from', today, '--to', today, '--submit', fake.url, '--token', 'secret-token');
      assert.equal(again.code, 0, again.stderr);
      assert.equal(fake.state.posts, 4, 'the re-run posts nothing');
      assert.match(again.stdout, /0 accepted now, 0 already held by the database, 230 accepted by an earlier run/);

      // An answer lost in transit: the database holds these 30, Vigil did not record them.
      const lost = ids.slice(0, 30);
      await t.ctx.db.deleteFrom('dsa_submissions').where('puid', 'in', lost).execute();
      const resumed = await vigil('export', 'dsa', '--from', today, '--to', today, '--submit', fake.url, '--token', 'secret-token');
      assert.equal(resumed.code, 0, resumed.stderr);
      assert.ok(
        [...fake.held.values()].every((n) => n === 1),
        'no statement accepted twice',
      );
      assert.match(resumed.stdout, /0 accepted now, 30 already held by the database, 200 accepted by an earlier run/);
      const duplicates = await t.ctx.db.selectFrom('dsa_submissions').select('puid').where('answer', '=', 'duplicate').execute();
      assert.deepEqual(duplicates.map((r) => r.puid).sort(), lost);
    } finally {
      await fake.close();
    }
  });

  test("a refusal stops the export with the server's message; nothing is recorded for it", async () => {
    const fake = await fakeDatabase('other-token');
    try {
      const denied = await vigil('export', 'dsa', '--from', today, '--to', today, '--submit', fake.url, '--token', 'wrong');
      assert.equal(denied.code, 1);
      assert.match(denied.stderr, /batch 1: the database refused it \(HTTP 401\): Unauthenticated\./);
      assert.equal(fake.state.posts, 1, 'no retry of a 4xx');

      fake.state.refuseWith = {
        status: 422,
        body: { message: 'The decision facts field is required.', errors: { 'statements.0.decision_facts': ['required'] } },
      };
      const refused = await vigil('export', 'dsa', '--from', today, '--to', today, '--submit', `${fake.url}/api/v1/statements`, '--token', 'other-token');
      assert.equal(refused.code, 1);
      assert.match(refused.stderr, /HTTP 422\): The decision facts field is required\. — statements\.0\.decision_facts: required/);
      const target = new URL(fake.url).origin;
      const recorded = await t.ctx.db.selectFrom('dsa_submissions').select('puid').where('target', '=', target).execute();
      assert.equal(recorded.length, 0);
    } finally {
      await fake.close();
    }
  });
});
