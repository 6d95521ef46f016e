// Every reporter in their own language, in a real browser: the report form, its status page and a 451
// notice in Arabic and Central Kurdish are right-to-left, carry their language on <html>, leave no
// English words but proper names, and pass axe; the menu's choice is remembered; a preview post's
// Report link fills in the form.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { staffTokenFor } from '../test/helpers/people.ts';
import { startE2E, type E2E } from './helpers/harness.ts';
import { channel, report } from './helpers/seed.ts';
import { expectTranslated } from './helpers/translated.ts';
import { MESSAGES } from '../src/shared/i18n/catalogues.ts';

describe('public pages in Arabic and Central Kurdish', () => {
  let e: E2E;
  let page: Page;
  let moderator: string;
  let ownerToken: string;

  before(async () => {
    e = await startE2E();
    moderator = (await staffTokenFor(e.t, 'moderator')).token;
    const owner = await e.api.account('Lake walkers');
    await channel(e.api, owner.token, 'lake_walks', 'Lake walks', 'Weekend walks.', [{ text: 'Walk to the lake on Saturday.' }]);
    const bad = await e.api.account('Recruiters');
    ownerToken = bad.token;
    const c = await channel(e.api, bad.token, 'recruit_now', 'Join us', 'Propaganda.', [{ text: 'Join the armed group.' }]);
    await report(e.api, { subject: '/c/recruit_now', category: 'terrorism', explanation: 'Recruitment for an armed group.' });
    const queue = await e.api.get('/api/v1/cases?limit=100', { token: moderator });
    const caseId = queue.body.cases.find((k: { subject: { id: string } }) => k.subject.id === c.id).id;
    const decided = await e.api.post(
      `/api/v1/cases/${caseId}/decide`,
      { outcome: 'actioned', actions: ['block'], category: 'terrorism', statement: 'The channel recruits for an armed group.' },
      { token: moderator },
    );
    assert.equal(decided.status, 200, decided.text);
    page = await e.newPage();
  });
  after(async () => {
    await e?.close();
  });

  for (const lang of ['ar', 'ckb']) {
    test(`the report form in ${lang}`, async () => {
      await page.goto(`${e.base}/report?lang=${lang}`);
      await page.locator('#link').waitFor();
      await expectTranslated(page, lang, 'the report form');
    });

    test(`a 451 notice in ${lang}`, async () => {
      const res = await page.goto(`${e.base}/c/recruit_now?lang=${lang}`);
      assert.equal(res?.status(), 451);
      await expectTranslated(page, lang, 'the 451 notice');
    });
  }

  test('the Arabic report form submits, and its status page reads Arabic (and Sorani)', async () => {
    await page.goto(`${e.base}/report?lang=ar`);
    await page.locator('#link').fill('/c/lake_walks/1');
    await page.locator('#category').selectOption('spam');
    await page.locator('#explanation').fill('هذا المنشور رسائل مزعجة متكررة');
    await page.locator('input[name="bonaFide"]').check();
    await page.locator('button[type="submit"]').click();
    await page.locator('#received-h').waitFor();
    assert.match(await page.locator('#received-h').innerText(), /تلقّينا بلاغك/);
    await page.locator('a.status-link').click();
    await page.locator('#timeline-h').waitFor();
    assert.match(await page.locator('.timeline').innerText(), /تم استلام بلاغك وتسجيله/);
    assert.match(await page.locator('.status').innerText(), /بانتظار المراجعة/);
    await page.getByRole('button', { name: 'انسخ الإيصال' }).waitFor();
    await expectTranslated(page, 'ar', 'the status page');

    assert.match(page.url(), /[?&]lang=ar(&|$)/, 'the status link carries the language');
    await page.goto(page.url().replace(/([?&])lang=ar/, '$1lang=ckb'));
    await page.locator('#timeline-h').waitFor();
    await page.getByText('ڕاپۆرتەکەت وەرگیرا و تۆمار کرا.').waitFor();
    await expectTranslated(page, 'ckb', 'the status page');
  });

  test('the Arabic report form says the API’s errors in Arabic: a link Vigil does not host, and a field the server refuses', async () => {
    const ar = MESSAGES.ar;
    await page.goto(`${e.base}/report?lang=ar`);
    await page.locator('#link').fill('https://example.org/not/a/channel');
    await page.locator('#category').selectOption('spam');
    await page.locator('#explanation').fill('هذا المنشور رسائل مزعجة متكررة');
    await page.locator('input[name="bonaFide"]').check();
    await page.locator('button[type="submit"]').click();
    await page.locator('#link-error').waitFor();
    assert.equal((await page.locator('#link-error').innerText()).replace(/^⚠\s*/, ''), ar['error.field.not_a_link']);
    assert.equal(await page.locator('#link').getAttribute('aria-invalid'), 'true');
    assert.ok((await page.locator('.report-form .error-box').innerText()).includes(ar['error.code.invalid_subject']));
    await expectTranslated(page, 'ar', 'the report form with a refused link');

    // The browser takes "sam@localhost" as an address; the API's schema does not (a host with a dot):
    // the field problem the server returns is said next to the email field, in Arabic.
    await page.locator('#link').fill('/c/lake_walks/1');
    await page.locator('#email').fill('sam@localhost');
    await page.locator('button[type="submit"]').click();
    await page.locator('#email-error').waitFor();
    assert.equal((await page.locator('#email-error').innerText()).replace(/^⚠\s*/, ''), ar['error.field.bad_format']);
    assert.equal(await page.locator('#link-error').count(), 0, 'the link is fine now');
    assert.ok((await page.locator('.report-form .error-box').innerText()).includes(ar['error.code.invalid_request']));
    await expectTranslated(page, 'ar', 'the report form with a refused email address');
  });

  test('the appeal form and an appeal’s status page in Arabic', async () => {
    await page.goto(`${e.base}/report/appeal?lang=ar`);
    await page.locator('#appeal-report').waitFor();
    await expectTranslated(page, 'ar', 'the appeal form (reporter)');
    await page.locator('input[name="as"]').nth(1).check();
    await page.locator('#appeal-notice').waitFor();
    await expectTranslated(page, 'ar', 'the appeal form (owner)');

    const notice = (await e.api.get('/api/v1/notices', { token: ownerToken })).body.notices[0];
    const filed = await e.api.post('/api/v1/appeals', { noticeId: notice.id, reason: 'This is news reporting, not recruitment.' }, { token: ownerToken });
    assert.equal(filed.status, 201, filed.text);
    await page.goto(`${e.base}/report/appeal/${filed.body.id}?receipt=${encodeURIComponent(filed.body.receipt)}&lang=ar`);
    await page.locator('.status').waitFor();
    assert.equal(await page.locator('.status').innerText(), 'بانتظار مشرف أول');
    assert.match(await page.locator('.facts').innerText(), /اتُّخذ إجراء|محتوى إرهابي/);
    await expectTranslated(page, 'ar', 'the appeal status page');
  });

  test('a page that does not exist, in Arabic and Sorani', async () => {
    for (const [lang, path] of [
      ['ar', '/protect/nothing/here'],
      ['ckb', '/protect/no-such-page'],
    ]) {
      await page.goto(`${e.base}${path}?lang=${lang}`);
      await page.locator('h1').waitFor();
      assert.equal(await page.locator('h1').innerText(), MESSAGES[lang as 'ar']['common.notFoundTitle']);
      await expectTranslated(page, lang, 'the not-found page');
    }
  });

  test('a language chosen in the menu is remembered across reloads', async () => {
    const tab = await e.newPage();
    await tab.context().clearCookies();
    await tab.goto(`${e.base}/report`);
    await tab.locator('html[lang="en"]').waitFor({ state: 'attached' });
    await tab.locator('nav.languages a[lang="fa"]').click();
    await tab.locator('html[lang="fa"][dir="rtl"]').waitFor({ state: 'attached' });
    await tab.goto(`${e.base}/report`);
    await tab.locator('html[lang="fa"][dir="rtl"]').waitFor({ state: 'attached' });
    await tab.reload();
    await tab.locator('html[lang="fa"][dir="rtl"]').waitFor({ state: 'attached' });
    await tab.locator('#link').waitFor();
    assert.equal(await tab.locator('label[for="link"]').innerText(), 'پیوند کانال، پست، ربات یا مجموعه استیکر');
    await tab.context().clearCookies();
    await tab.close();
  });

  test("a preview post's Report link opens the form with the post filled in", async () => {
    await page.context().clearCookies();
    await page.goto(`${e.base}/c/lake_walks`);
    await page.locator('article.post a.report').first().click();
    await page.waitForURL(/\/report\?subject=/);
    await page.locator('#link').waitFor();
    assert.equal(await page.locator('#link').inputValue(), '/c/lake_walks/1');
  });
});
