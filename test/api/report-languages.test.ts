// Every reporter in their own language: how a request's language is chosen, the 451 notice in each
// language, and a report's status and answer in the reader's language (the policy's sentence above the
// moderator's own words, which go out as written).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import { apiClient, type Api } from '../helpers/api.ts';
import { staffToken } from '../helpers/people.ts';
import { fromAcceptLanguage, LANGUAGES, matchLanguage, negotiateLanguage } from '../../src/shared/i18n/languages.ts';
import { MESSAGES, POLICY_TEXTS } from '../../src/shared/i18n/catalogues.ts';
import { policyT } from '../../src/shared/i18n/format.ts';

test('language negotiation: lang parameter, then cookie, then Accept-Language, else English', () => {
  assert.equal(negotiateLanguage({ param: 'ar', cookie: 'fr', acceptLanguage: 'ru' }), 'ar');
  assert.equal(negotiateLanguage({ param: 'xx', cookie: 'fr', acceptLanguage: 'ru' }), 'fr', 'an unknown parameter is ignored');
  assert.equal(negotiateLanguage({ cookie: 'nonsense', acceptLanguage: 'ru-RU,ru;q=0.9' }), 'ru');
  assert.equal(negotiateLanguage({ acceptLanguage: 'de-DE, de;q=0.9' }), 'en');
  assert.equal(negotiateLanguage({}), 'en');
  assert.equal(fromAcceptLanguage('de;q=1, fa;q=0.5, tr;q=0.8'), 'tr', 'by q-value, skipping languages we lack');
  assert.equal(fromAcceptLanguage('ar;q=0, fr'), 'fr', 'q=0 means not wanted');
  assert.equal(matchLanguage('ar-IQ'), 'ar');
  assert.equal(matchLanguage('ckb-IQ'), 'ckb');
  assert.equal(matchLanguage('ku-Arab'), 'ckb', 'Kurdish in Arabic script is Sorani');
  assert.equal(matchLanguage('ku'), undefined, 'Kurdish alone is usually Kurmanji, which we do not have');
  assert.equal(matchLanguage('FA_ir'), 'fa');
  assert.equal(fromAcceptLanguage(`${'x,'.repeat(5000)}fr`), undefined, 'a huge header is read only so far');
});

describe('pages and answers in the reader language', () => {
  let t: TestApp;
  let api: Api;
  let moderator: string;
  before(async () => {
    t = await startTestApp({ anonReportsPerMinute: 1000 });
    api = apiClient(t.app);
    moderator = await staffToken(t, 'moderator');
  });
  after(async () => {
    await t.close();
  });

  async function decideBlock(handle: string) {
    const owner = await api.account(`owner of ${handle}`);
    const made = await api.post('/api/v1/channels', { handle, title: `Channel ${handle}` }, { token: owner.token });
    assert.equal(made.status, 201);
    const filed = await api.post(
      '/api/v1/reports',
      { subject: `/c/${handle}`, category: 'terrorism', explanation: 'ينشر دعاية لتنظيم إرهابي', bonaFide: true },
      { headers: { 'accept-language': 'ar' } },
    );
    assert.equal(filed.status, 202, filed.text);
    const queue = await api.get('/api/v1/cases?state=open&limit=100', { token: moderator });
    const caseId = queue.body.cases.find((c: any) => c.subject.id === made.body.id)?.id;
    assert.ok(caseId, JSON.stringify(queue.body.cases[0]?.subject));
    await api.post(`/api/v1/cases/${caseId}/claim`, {}, { token: moderator });
    const decided = await api.post(
      `/api/v1/cases/${caseId}/decide`,
      { outcome: 'actioned', actions: ['block'], category: 'terrorism', statement: 'The channel posts recruitment calls for an armed group.' },
      { token: moderator },
    );
    assert.equal(decided.status, 200, decided.text);
    return { ...(filed.body as { id: string; receipt: string }), ownerToken: owner.token };
  }

  test('a blocked channel: the 451 page in every language, with lang and dir on <html>; the JSON API stays English', async () => {
    await decideBlock('recruiters_451');
    for (const lang of LANGUAGES) {
      const res = await api.get(`/c/recruiters_451?lang=${lang}`);
      assert.equal(res.status, 451);
      const dir = ['ar', 'ckb', 'fa'].includes(lang) ? 'rtl' : 'ltr';
      assert.match(res.text, new RegExp(`<html lang="${lang}" dir="${dir}">`));
      const sentence = policyT(lang, 'notice.blocked', { kind: 'channel', because: POLICY_TEXTS[lang]['category.terrorism.because'] });
      assert.ok(res.text.includes(sentence.replaceAll("'", '&#39;')), `${lang}: ${sentence}`);
      if (lang !== 'en') assert.ok(!res.text.includes('can&#39;t be displayed'), `${lang}: no English notice left`);
    }
    const byHeader = await api.get('/c/recruiters_451', { headers: { 'accept-language': 'ckb-IQ,ckb;q=0.9,en;q=0.5' } });
    assert.match(byHeader.text, /<html lang="ckb" dir="rtl">/);
    const byCookie = await api.get('/c/recruiters_451', { headers: { cookie: 'vigil_lang=fa', 'accept-language': 'fr' } });
    assert.match(byCookie.text, /<html lang="fa" dir="rtl">/);
    const api451 = await api.get('/api/v1/channels/recruiters_451');
    assert.equal(api451.status, 451);
    assert.match(api451.body.error.message, /can't be displayed because it was used to spread terrorist propaganda/);
  });

  test('a lang parameter on a page is remembered in the vigil_lang cookie', async () => {
    const owner = await api.account('owner of plain');
    await api.post('/api/v1/channels', { handle: 'plain_news', title: 'Plain news' }, { token: owner.token });
    await api.post('/api/v1/channels/plain_news/posts', { text: 'hello' }, { token: owner.token });
    const res = await api.get('/c/plain_news?lang=tr');
    assert.equal(res.status, 200);
    assert.match(String(res.headers['set-cookie']), /vigil_lang=tr/);
    assert.match(res.text, /<html lang="tr" dir="ltr">/);
    assert.match(res.text, /href="\/report\?subject=%2Fc%2Fplain_news%2F1"/, 'a Report link on the post, with the subject filled in');
    assert.match(res.text, /href="\/report\?subject=%2Fc%2Fplain_news"/, 'and on the channel');
    assert.ok(res.text.includes('Bildir'), 'the link in Turkish');
  });

  test('a report status in Arabic: timeline, ground, appeal text and the policy sentence above the moderator statement', async () => {
    const ack = await decideBlock('recruiters_status');
    const ar = await api.get(`/api/v1/reports/${ack.id}?lang=ar`, { headers: { 'x-receipt': ack.receipt } });
    assert.equal(ar.status, 200, ar.text);
    assert.equal(ar.body.timeline[0].text, 'تم استلام بلاغك وتسجيله.');
    assert.equal(ar.body.categoryTitle, 'محتوى إرهابي');
    assert.equal(ar.body.answer.categoryTitle, 'محتوى إرهابي');
    assert.equal(ar.body.answer.policyStatement, POLICY_TEXTS.ar['category.terrorism.statement']);
    assert.equal(ar.body.answer.statement, 'The channel posts recruitment calls for an armed group.', "the moderator's words as written");
    assert.equal(ar.body.answer.appeal, POLICY_TEXTS.ar.appeal);
    assert.equal(ar.body.answer.language, 'ar');
    const en = await api.get(`/api/v1/reports/${ack.id}`, { headers: { 'x-receipt': ack.receipt } });
    assert.equal(en.body.timeline[0].text, 'Your report was received and recorded.', 'English by default');
    assert.equal(en.body.answer.categoryTitle, 'Terrorist content');
    const byHeader = await api.get(`/api/v1/reports/${ack.id}`, { headers: { 'x-receipt': ack.receipt, 'accept-language': 'ru' } });
    assert.equal(byHeader.body.answer.categoryTitle, 'Террористический контент');
  });

  test("the reporter's language is remembered: the status speaks it unless the reader names another with lang", async () => {
    const owner = await api.account('owner of remembered');
    assert.equal((await api.post('/api/v1/channels', { handle: 'remembered', title: 'Remembered' }, { token: owner.token })).status, 201);
    const filed = await api.post('/api/v1/reports', {
      subject: '/c/remembered',
      category: 'spam',
      explanation: 'Spam posted every minute.',
      bonaFide: true,
      language: 'ckb',
    });
    assert.equal(filed.status, 202, filed.text);
    const { id, receipt, statusUrl } = filed.body;
    assert.match(statusUrl, /&lang=ckb$/, 'the status link opens in the language the report was filed in');
    const row = await t.ctx.db.selectFrom('reports').select(['reply_language', 'language']).where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.reply_language, 'ckb');
    assert.equal(row.language, 'en', 'the detected language of the explanation stays apart');

    const received = (lang: string) => MESSAGES[lang as 'en']['timeline.received'];
    const stored = await api.get(`/api/v1/reports/${id}`, { headers: { 'x-receipt': receipt } });
    assert.equal(stored.body.timeline[0].text, received('ckb'), 'no language named: the stored one');
    const header = await api.get(`/api/v1/reports/${id}`, { headers: { 'x-receipt': receipt, 'accept-language': 'fr', cookie: 'vigil_lang=tr' } });
    assert.equal(header.body.timeline[0].text, received('ckb'), 'a browser language or cookie does not override what the reporter chose');
    const explicit = await api.get(`/api/v1/reports/${id}?lang=fr`, { headers: { 'x-receipt': receipt, 'accept-language': 'ru' } });
    assert.equal(explicit.body.timeline[0].text, received('fr'), 'an explicit lang wins');

    const plain = await api.post('/api/v1/reports', { subject: '/c/remembered', category: 'spam', explanation: 'Spam posted every minute.', bonaFide: true });
    assert.doesNotMatch(plain.body.statusUrl, /lang=/);
    const negotiated = await api.get(`/api/v1/reports/${plain.body.id}`, { headers: { 'x-receipt': plain.body.receipt, 'accept-language': 'ru' } });
    assert.equal(negotiated.body.timeline[0].text, received('ru'), 'none stored: negotiated as before');

    const unknown = await api.post('/api/v1/reports', {
      subject: '/c/remembered',
      category: 'spam',
      explanation: 'Spam posted every minute.',
      bonaFide: true,
      language: 'de',
    });
    assert.equal(unknown.status, 400, 'only the public pages’ languages');
  });

  test("an owner's notices in the reader's language: the policy's ground, sentence and appeal text; the moderator's words as written", async () => {
    const { ownerToken } = await decideBlock('recruiters_notices');
    const ar = await api.get('/api/v1/notices?lang=ar', { token: ownerToken });
    assert.equal(ar.status, 200, ar.text);
    const [n] = ar.body.notices;
    assert.equal(n.categoryTitle, 'محتوى إرهابي');
    assert.equal(n.policyStatement, POLICY_TEXTS.ar['category.terrorism.statement']);
    assert.equal(n.appeal, POLICY_TEXTS.ar.appeal);
    assert.equal(n.statement, 'The channel posts recruitment calls for an armed group.');
    assert.equal(n.language, 'ar');
    const byHeader = await api.get('/api/v1/notices', { token: ownerToken, headers: { 'accept-language': 'fa' } });
    assert.equal(byHeader.body.notices[0].categoryTitle, POLICY_TEXTS.fa['category.terrorism.title']);
    const en = await api.get('/api/v1/notices', { token: ownerToken });
    assert.equal(en.body.notices[0].categoryTitle, 'Terrorist content', 'English by default');
    assert.equal(en.body.notices[0].appeal, POLICY_TEXTS.en.appeal);
  });

  test('an out-of-scope answer is the policy text in the reader language', async () => {
    const member = await api.account('group member');
    const g = await api.post('/api/v1/groups', { title: 'Family' }, { token: member.token });
    const reporter = await api.account('reporter');
    const filed = await api.post(
      '/api/v1/reports',
      { subject: { kind: 'group', id: g.body.id }, category: 'violence', explanation: 'threats' },
      { token: reporter.token },
    );
    assert.equal(filed.body.status, 'declined_out_of_scope');
    const fr = await api.get(`/api/v1/reports/${filed.body.id}?lang=fr`, { headers: { 'x-receipt': filed.body.receipt } });
    assert.equal(fr.body.answer.statement, POLICY_TEXTS.fr['scope.outOfScopeStatement']);
  });
});
