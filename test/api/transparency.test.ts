// Public transparency figures (issue 12): over a seeded history — a dozen channels in Arabic, Sorani,
// Persian, English, French and Russian; reports from the public, accounts, a trusted flagger, authorities
// and automated detection; out-of-scope group reports; decisions, a reversal, an appeal upheld and one
// reversed — the figures equal the values counted by hand here; the stored per-day rollup equals a
// recomputation from the events; the period is checked; the CSV is safe for spreadsheets.
// Runs on SQLite, and on PostgreSQL with VIGIL_DATABASE_URL.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type Api, apiClient } from '../helpers/api.ts';
import { apiKey, staffToken } from '../helpers/people.ts';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import { computeDay, recomputeTransparencyDay } from '../../src/transparency/transparency-days.ts';
import { transparencyReport } from '../../src/transparency/transparency-report.ts';
import { csvCell } from '../../src/transparency/transparency-csv.ts';
import { percentile } from '../../src/transparency/transparency-figures.ts';

const CHANNELS: Record<string, { title: string; description: string; language: string }> = {
  ar_one: { title: 'أخبار المدينة', description: 'قناة إخبارية تنشر الأخبار اليومية من المدينة والمناطق المجاورة لكل الناس', language: 'ar' },
  ar_two: { title: 'صوت الشباب', description: 'نشرة يومية عن الرياضة والثقافة والفنون في العالم العربي كله', language: 'ar' },
  ar_three: { title: 'سوق المدينة', description: 'إعلانات البيع والشراء في المدينة كل يوم مع الأسعار والعناوين', language: 'ar' },
  ckb_one: { title: 'هەواڵی هەولێر', description: 'هەواڵ و ڕاپۆرتی ڕۆژانە لە هەولێرەوە بۆ هەموو خەڵکی کوردستان', language: 'ckb' },
  ckb_two: { title: 'دەنگی سلێمانی', description: 'هەواڵی وەرزش و کولتوور و هونەر لە سلێمانییەوە بۆ هەمووان', language: 'ckb' },
  fa_one: { title: 'اخبار تهران', description: 'آخرین اخبار روز از تهران و سراسر ایران برای همه مردم کشور', language: 'fa' },
  en_one: { title: 'City news', description: 'Daily news from the city and the surrounding towns, for everyone who lives here', language: 'en' },
  en_two: { title: 'Free voices', description: 'The ministry wasted the budget again; we demand accountability from the government', language: 'en' },
  fr_one: { title: 'Nouvelles du jour', description: 'Les nouvelles de la ville et de la région, chaque jour pour tous les habitants', language: 'fr' },
  fr_two: { title: 'La voix du peuple', description: 'Une chaîne qui publie des messages politiques et des appels pour toute la population', language: 'fr' },
  ru_one: { title: 'Новости города', description: 'Ежедневные новости города и области для всех жителей нашего региона', language: 'ru' },
  ru_two: { title: 'Казино онлайн', description: 'Лучшие игры и ставки каждый день для всех наших игроков и друзей', language: 'ru' },
};

describe('transparency figures', () => {
  let t: TestApp;
  let api: Api;
  let moderator: string;
  let senior: string;
  let otherSenior: string;
  const owners: Record<string, { id: string; token: string }> = {};
  const today = new Date().toISOString().slice(0, 10);

  before(async () => {
    t = await startTestApp();
    api = apiClient(t.app);
    moderator = await staffToken(t, 'moderator');
    senior = await staffToken(t, 'senior');
    otherSenior = await staffToken(t, 'senior');
    for (const [handle, c] of Object.entries(CHANNELS)) {
      owners[handle] = await api.account(`owner of ${handle}`);
      const r = await api.post('/api/v1/channels', { handle, title: c.title, description: c.description }, { token: owners[handle].token });
      assert.equal(r.status, 201, r.text);
    }
    await seed();
  });
  after(() => t.close());

  const report = async (handle: string, body: Record<string, unknown>, token?: string) => {
    const r = await api.post(
      '/api/v1/reports',
      { subject: `/c/${handle}`, explanation: 'This channel breaks the rules, please look at it.', bonaFide: true, ...body },
      token ? { token } : {},
    );
    assert.equal(r.status, 202, r.text);
    return r.body;
  };
  const caseOf = async (handle: string) => {
    const ch = await t.ctx.db.selectFrom('channels').select('id').where('handle', '=', handle).executeTakeFirstOrThrow();
    return t.ctx.db.selectFrom('cases').selectAll().where('subject_id', '=', ch.id).orderBy('created_at', 'desc').executeTakeFirstOrThrow();
  };
  const decide = async (handle: string, body: Record<string, unknown>, token = moderator) => {
    const kase = await caseOf(handle);
    const r = await api.post(`/api/v1/cases/${kase.id}/decide`, { actions: [], ...body }, { token });
    assert.equal(r.status, 200, r.text);
  };
  const block = (category: string) => ({ outcome: 'actioned', actions: ['block'], category, statement: 'Breaks the publishing policy.' });
  const ownerAppeal = async (handle: string) => {
    const notices = await api.get('/api/v1/notices', { token: owners[handle].token });
    const notice = notices.body.notices.find((n: any) => n.outcome === 'actioned');
    const r = await api.post(
      '/api/v1/appeals',
      { noticeId: notice.id, reason: 'This channel does not break the policy at all.' },
      { token: owners[handle].token },
    );
    assert.equal(r.status, 201, r.text);
    return r.body.id as string;
  };
  const automated = { source: 'automated' as const, key: 'auto:text-rules', accountId: null, label: 'text rules', country: null };

  async function seed() {
    const flagger = await apiKey(t, 'trusted_flagger', 'SafeNet');
    const iq = await apiKey(t, 'authority', 'Ministry of Information', 'IQ');
    const tr = await apiKey(t, 'authority', 'Gaming Board', 'TR');
    const de = await apiKey(t, 'authority', 'Federal Police', 'DE');
    const reader = await api.account('reader');
    const late = await api.account('late reader');

    // Terrorism, Arabic: a member of the public and an account; then a late report answered with the block.
    await report('ar_one', { category: 'terrorism' });
    await report('ar_one', { category: 'terrorism' }, reader.token);
    await decide('ar_one', block('terrorism'));
    await report('ar_one', { category: 'terrorism' }, late.token);
    // Found by automated detection (Arabic, Sorani), blocked.
    await t.ctx.reports.submit({ subject: '/c/ar_two', category: 'terrorism' }, automated);
    await decide('ar_two', block('terrorism'));
    await t.ctx.reports.submit({ subject: '/c/ckb_one', category: 'terrorism' }, automated);
    await decide('ckb_one', block('terrorism'));
    // Fraud blocks appealed by their owners: one reversed on appeal, one upheld.
    await report('fa_one', { category: 'fraud' });
    await decide('fa_one', block('fraud'), senior);
    await report('en_one', { category: 'fraud' });
    await decide('en_one', block('fraud'), senior);
    const reversedAppeal = await ownerAppeal('fa_one');
    const upheldAppeal = await ownerAppeal('en_one');
    const decideAppeal = async (id: string, outcome: string) =>
      assert.equal(
        (await api.post(`/api/v1/appeals/${id}/decision`, { outcome, statement: 'Looked at the channel again carefully.' }, { token: otherSenior })).status,
        200,
      );
    await decideAppeal(reversedAppeal, 'reversed');
    await decideAppeal(upheldAppeal, 'upheld');
    // A trusted flagger, French, violence.
    await report('fr_one', { category: 'violence', explanation: 'Calls for attacks on a named person.' }, flagger);
    await decide('fr_one', block('violence'));
    // Nothing wrong.
    await report('ru_one', { category: 'fraud' });
    await decide('ru_one', { outcome: 'no_violation', statement: 'An ordinary local news channel.' });
    // Authorities: declined as protected expression (IQ), restricted in the country (TR), complied with (DE).
    await report('en_two', { category: 'other', explanation: 'Insults the government', jurisdiction: 'IQ', legalBasis: 'Media Law art. 12' }, iq);
    await decide('en_two', { outcome: 'protected_expression', statement: 'Peaceful criticism of the government is protected expression.' });
    await report('ru_two', { category: 'illegal_goods', explanation: 'Unlicensed gambling', legalBasis: 'Gaming Act s.4' }, tr);
    await decide(
      'ru_two',
      { outcome: 'actioned', actions: ['restrict_in_jurisdiction'], category: 'illegal_goods', statement: 'Unlicensed gambling, restricted in TR.' },
      senior,
    );
    await report('fr_two', { category: 'terrorism', explanation: 'Recruitment for a terrorist group', legalBasis: 'StGB 129a' }, de);
    await decide('fr_two', block('terrorism'));
    // Blocked, then reversed by a senior.
    await report('ar_three', { category: 'terrorism' });
    await decide('ar_three', block('terrorism'));
    const ar3 = await caseOf('ar_three');
    assert.equal((await api.post(`/api/v1/cases/${ar3.id}/reverse`, { reason: 'A market channel, reported by mistake.' }, { token: senior })).status, 200);
    // Still open: not in the figures of decisions.
    await report('ckb_two', { category: 'fraud' });
    // Private groups: declined on arrival as out of scope.
    for (const title of ['Family', 'Friends']) {
      const group = await api.post('/api/v1/groups', { title }, { token: reader.token });
      assert.equal(group.status, 201, group.text);
      const r = await api.post('/api/v1/reports', {
        subject: { kind: 'group', id: group.body.id },
        category: 'violence',
        explanation: 'Threats against a member of the family.',
        bonaFide: true,
      });
      assert.equal(r.status, 202, r.text);
      assert.equal(r.body.status, 'declined_out_of_scope');
    }
  }

  const figures = async (query: string) => {
    const r = await api.get(`/api/v1/transparency?${query}`);
    assert.equal(r.status, 200, r.text);
    return r.body;
  };
  const sortBy = <T>(rows: T[], key: (r: T) => string) => [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

  test('the languages were detected when the channels were written', async () => {
    for (const [handle, c] of Object.entries(CHANNELS)) assert.equal((await caseOf(handle)).language, c.language, handle);
  });

  test('the figures of the day equal those counted by hand', async () => {
    const body = await figures(`from=${today}&to=${today}&granularity=day`);
    assert.equal(body.periods.length, 1);
    const day = body.periods[0];
    assert.deepEqual(body.total, day, 'one day: the total is that day');
    const actioned = (kind: string, category: string, language: string, count: number) => ({ subjectKind: kind, category, language, count });
    assert.deepEqual(
      sortBy(day.actioned, (r: any) => `${r.category}|${r.language}`),
      sortBy(
        [
          actioned('channel', 'terrorism', 'ar', 3), // ar_one, ar_two, ar_three (reversed later: still a decision taken)
          actioned('channel', 'terrorism', 'ckb', 1),
          actioned('channel', 'terrorism', 'fr', 1),
          actioned('channel', 'fraud', 'fa', 1),
          actioned('channel', 'fraud', 'en', 1),
          actioned('channel', 'violence', 'fr', 1),
          actioned('channel', 'illegal_goods', 'ru', 1),
        ],
        (r) => `${r.category}|${r.language}`,
      ),
    );
    assert.deepEqual(
      sortBy(day.reports, (r: any) => `${r.source}|${r.outcome}`),
      [
        // ar_one (public), fa_one, en_one, ar_three
        { source: 'anonymous', outcome: 'actioned', count: 4 },
        { source: 'anonymous', outcome: 'no_violation', count: 1 },
        { source: 'authority', outcome: 'actioned', count: 2 },
        { source: 'authority', outcome: 'protected_expression', count: 1 },
        { source: 'automated', outcome: 'actioned', count: 2 },
        // ar_one's account report, and the late one answered with the standing block
        { source: 'in_app', outcome: 'actioned', count: 2 },
        { source: 'trusted_flagger', outcome: 'actioned', count: 1 },
      ],
    );
    assert.deepEqual(day.declinedOutOfScope, [{ source: 'anonymous', count: 2 }], 'two group reports declined');
    assert.deepEqual(
      sortBy(day.authorityRequests, (r: any) => r.country),
      [
        { country: 'DE', outcome: 'complied', count: 1 },
        { country: 'IQ', outcome: 'protected_expression', count: 1 },
        { country: 'TR', outcome: 'restricted', count: 1 },
      ],
    );
    assert.deepEqual(day.appeals, { filed: 2, upheld: 1, reversed: 1 });
    assert.equal(day.reversals, 2, 'fa_one on appeal, ar_three by a senior');
    assert.deepEqual(day.automatedDetection, { decisions: 11, actioned: 9, actionedFoundByAutomation: 2, share: 2 / 9 });

    // Times to decision, by hand from the rows: each decision's time since its case's first report.
    const rows = await t.ctx.db
      .selectFrom('decisions')
      .innerJoin('cases', 'cases.id', 'decisions.case_id')
      .select(['decisions.category', 'cases.category as caseCategory', 'decisions.created_at as decidedAt', 'cases.created_at as openedAt'])
      .execute();
    const byCategory = new Map<string, number[]>();
    for (const r of rows) {
      const c = r.category ?? r.caseCategory;
      byCategory.set(c, [...(byCategory.get(c) ?? []), Math.round((Date.parse(r.decidedAt) - Date.parse(r.openedAt)) / 1000)]);
    }
    assert.deepEqual(
      day.timeToDecision.map((r: any) => r.category),
      ['fraud', 'illegal_goods', 'other', 'terrorism', 'violence'],
    );
    for (const r of day.timeToDecision) {
      const secs = (byCategory.get(r.category) ?? []).sort((a, b) => a - b);
      assert.equal(r.decisions, secs.length, r.category);
      assert.equal(r.medianSeconds, secs[Math.ceil(secs.length * 0.5) - 1], `${r.category} median (nearest rank)`);
      assert.equal(r.p90Seconds, secs[Math.ceil(secs.length * 0.9) - 1], `${r.category} p90`);
      assert.equal(r.withinDeadline, secs.length, 'decided within minutes: all by the deadline');
      assert.equal(r.withinDeadlineShare, 1);
    }
    assert.deepEqual(Object.fromEntries(day.timeToDecision.map((r: any) => [r.category, r.decisions])), {
      fraud: 3,
      illegal_goods: 1,
      other: 1,
      terrorism: 5,
      violence: 1,
    });
    assert.equal(day.timeToDecision.find((r: any) => r.category === 'terrorism').deadlineSeconds, 3600);
  });

  test('the stored rollup equals a recomputation from the events, and a past period recomputes the same', async () => {
    const live = await transparencyReport(t.ctx.db, today, today, 'day');
    // As seen tomorrow, today is a past day: read from the rollup, which is computed and stored first.
    const tomorrow = Date.now() + 86_400_000;
    const stored = await transparencyReport(t.ctx.db, today, today, 'day', tomorrow);
    assert.deepEqual(stored.periods, live.periods);
    const kept = await t.ctx.db
      .selectFrom('transparency_figures')
      .select(['figure', 'key', 'n'])
      .where('day', '=', today)
      .orderBy('figure')
      .orderBy('key')
      .execute();
    const fromEvents = sortBy(await computeDay(t.ctx.db, today), (r) => `${r.figure}\u0000${r.key}`);
    assert.deepEqual(
      kept.map((r) => ({ ...r, n: Number(r.n) })),
      fromEvents,
    );
    await recomputeTransparencyDay(t.ctx.db, today);
    assert.deepEqual((await transparencyReport(t.ctx.db, today, today, 'day', tomorrow)).periods, live.periods, 'recomputing changes nothing');
    // A longer period by week and month: the seeded day counts once, empty days add nothing.
    const from = new Date(Date.now() - 40 * 86_400_000).toISOString().slice(0, 10);
    for (const granularity of ['week', 'month']) {
      const body = await figures(`from=${from}&to=${today}&granularity=${granularity}`);
      assert.deepEqual(body.total.appeals, { filed: 2, upheld: 1, reversed: 1 });
      assert.equal(body.periods.at(-1).to, today);
      assert.equal(body.periods[0].from, from);
      assert.equal(
        body.periods.reduce((s: number, p: any) => s + p.actioned.reduce((n: number, a: any) => n + a.count, 0), 0),
        9,
        granularity,
      );
    }
  });

  test('periods are checked with clear errors', async () => {
    const bad = async (query: string) => {
      const r = await api.get(`/api/v1/transparency?${query}`);
      assert.equal(r.status, 400, `${query}: ${r.text}`);
      return r.body.error;
    };
    assert.equal((await bad(`from=${today}&to=2000-01-01`)).code, 'invalid_period');
    assert.match((await bad('from=2020-01-01&to=2023-01-01&granularity=day')).message, /at most 731 days/);
    assert.equal((await bad('from=2026-02-30&to=2026-03-01')).code, 'invalid_period');
    await bad('from=yesterday&to=today');
    await bad(`from=${today}&to=${today}&granularity=year`);
    await bad(`to=${today}`);
  });

  test('the CSV has the same figures, and no cell can be read as a formula', async () => {
    const r = await api.get(`/api/v1/transparency.csv?from=${today}&to=${today}&granularity=day`);
    assert.equal(r.status, 200);
    assert.match(String(r.headers['content-type']), /^text\/csv/);
    assert.match(String(r.headers['content-disposition']), /attachment; filename="transparency-/);
    const lines = r.text.trim().split('\r\n');
    assert.equal(lines[0], 'period_from,period_to,figure,dimension_1,dimension_2,dimension_3,value');
    assert.ok(lines.includes(`${today},${today},actioned,channel,terrorism,ar,3`));
    assert.ok(lines.includes(`${today},${today},authority_requests,IQ,protected_expression,,1`));
    assert.equal(csvCell('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
    assert.equal(csvCell('+1'), "'+1");
    assert.equal(csvCell('-1'), "'-1");
    assert.equal(csvCell('@SUM(A1)'), "'@SUM(A1)");
    assert.equal(csvCell('a,b'), '"a,b"');
    assert.equal(csvCell(3), '3');
  });

  test('nearest-rank percentiles', () => {
    assert.equal(percentile([[10, 1]], 0.9), 10);
    assert.equal(
      percentile(
        [
          [1, 1],
          [2, 1],
          [3, 1],
          [4, 1],
        ],
        0.5,
      ),
      2,
    );
    assert.equal(
      percentile(
        [
          [1, 9],
          [100, 1],
        ],
        0.9,
      ),
      1,
    );
    assert.equal(
      percentile(
        [
          [1, 8],
          [100, 2],
        ],
        0.9,
      ),
      100,
    );
    assert.equal(percentile([], 0.5), 0);
  });
});
