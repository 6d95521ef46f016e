// The public transparency page in a real browser: the headline and the authority table show the API's
// numbers, the CSV downloads, it fits a phone, lays out right to left without horizontal overflow, and
// has no serious accessibility finding nor CSP refusal; in Arabic and Central Kurdish it is right to
// left, fully translated, and its figures are the API's.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { apiKey, staffToken } from '../test/helpers/people.ts';
import { axeViolations } from './helpers/axe.ts';
import { shot, startE2E, type E2E } from './helpers/harness.ts';
import { asciiDigits, expectTranslated } from './helpers/translated.ts';
import { policyT, t as say } from '../src/shared/i18n/format.ts';

const CHANNELS = [
  { handle: 'akhbar_one', title: 'أخبار المدينة', description: 'قناة إخبارية تنشر الأخبار اليومية من المدينة والمناطق المجاورة لكل الناس' },
  { handle: 'akhbar_two', title: 'صوت الشباب', description: 'نشرة يومية عن الرياضة والثقافة والفنون في العالم العربي كله' },
  { handle: 'hawal_one', title: 'هەواڵی هەولێر', description: 'هەواڵ و ڕاپۆرتی ڕۆژانە لە هەولێرەوە بۆ هەموو خەڵکی کوردستان' },
  { handle: 'city_news', title: 'City news', description: 'Daily news from the city and the surrounding towns, for everyone who lives here' },
  { handle: 'casino_ru', title: 'Казино онлайн', description: 'Лучшие игры и ставки каждый день для всех наших игроков и друзей' },
];

describe('transparency page', () => {
  let e: E2E;
  let page: Page;
  let figures: any;

  before(async () => {
    e = await startE2E();
    const moderator = await staffToken(e.t, 'moderator');
    const senior = await staffToken(e.t, 'senior');
    const owner = await e.api.account('owner');
    for (const c of CHANNELS) assert.equal((await e.api.post('/api/v1/channels', c, { token: owner.token })).status, 201);
    const report = async (handle: string, body: Record<string, unknown>, token?: string) => {
      const r = await e.api.post(
        '/api/v1/reports',
        { subject: `/c/${handle}`, explanation: 'This channel breaks the rules, please look.', bonaFide: true, ...body },
        token ? { token } : {},
      );
      assert.equal(r.status, 202, r.text);
    };
    const decide = async (handle: string, body: Record<string, unknown>, token = moderator) => {
      const ch = await e.t.ctx.db.selectFrom('channels').select('id').where('handle', '=', handle).executeTakeFirstOrThrow();
      const c = await e.t.ctx.db.selectFrom('cases').select('id').where('subject_id', '=', ch.id).executeTakeFirstOrThrow();
      const r = await e.api.post(`/api/v1/cases/${c.id}/decide`, { actions: [], statement: 'Breaks the publishing policy.', ...body }, { token });
      assert.equal(r.status, 200, r.text);
    };
    for (const handle of ['akhbar_one', 'akhbar_two', 'hawal_one']) {
      await report(handle, { category: 'terrorism' });
      await decide(handle, { outcome: 'actioned', actions: ['block'], category: 'terrorism' });
    }
    await report('city_news', { category: 'fraud' });
    await decide('city_news', { outcome: 'no_violation' });
    const tr = await apiKey(e.t, 'authority', 'Gaming Board', 'TR');
    await report('casino_ru', { category: 'illegal_goods', legalBasis: 'Gaming Act s.4' }, tr);
    await decide('casino_ru', { outcome: 'actioned', actions: ['restrict_in_jurisdiction'], category: 'illegal_goods' }, senior);
    page = await e.newPage();
  });
  after(async () => {
    await e?.close();
  });

  test('the headline and the authority table show the API’s numbers', async () => {
    await page.goto(`${e.base}/transparency`);
    const headline = page.getByTestId('headline');
    await headline.waitFor();
    // The page's own request, read back from the API.
    const today = new Date().toISOString().slice(0, 10);
    const csvHref = await page.getByRole('link', { name: 'Download the figures (CSV)' }).getAttribute('href');
    assert.ok(csvHref);
    const query = csvHref.split('?')[1];
    assert.match(query, new RegExp(`to=${today}&granularity=week`));
    figures = (await e.api.get(`/api/v1/transparency?${query}`)).body;
    const week = figures.periods.at(-1);
    const terrorism = week.actioned.filter((a: any) => a.category === 'terrorism' && a.subjectKind === 'channel');
    const count = terrorism.reduce((s: number, a: any) => s + a.count, 0);
    const languages = new Set(terrorism.map((a: any) => a.language)).size;
    assert.equal(count, 3);
    assert.equal(languages, 2, 'Arabic and Sorani');
    assert.equal(await headline.innerText(), `This week: ${count} channels actioned for terrorist content across ${languages} languages.`);

    const rows = await page.getByTestId('authority-table').locator('tbody tr').allInnerTexts();
    const tr = figures.total.authorityRequests.find((r: any) => r.country === 'TR');
    assert.deepEqual(tr, { country: 'TR', outcome: 'restricted', count: 1 });
    assert.deepEqual(
      rows.map((r) => r.split('\t').map((c) => c.trim())),
      [['TR', '0', '1', '0', '0']],
    );
    assert.deepEqual(await axeViolations(page), []);
    await shot(page, 'transparency.png');
  });

  test('the CSV downloads with the same figures', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download the figures (CSV)' }).click()]);
    assert.match(download.suggestedFilename(), /^transparency-.*\.csv$/);
    const path = await download.path();
    const { readFile } = await import('node:fs/promises');
    const text = await readFile(path, 'utf8');
    const week = figures.periods.at(-1);
    assert.ok(text.includes(`${week.from},${week.to},actioned,channel,terrorism,ar,2`), text);
    assert.ok(text.includes(`${week.from},${week.to},authority_requests,TR,restricted,,1`));
  });

  test('phone width and right to left: no horizontal overflow, tables open, no CSP refusal', async () => {
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto(`${e.base}/transparency`);
    await page.getByTestId('headline').waitFor();
    for (const summary of await page.locator('summary').all()) await summary.click();
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(await overflow(), 0, 'phone width, left to right');
    await page.evaluate(() => {
      document.documentElement.dir = 'rtl';
    });
    assert.equal(await overflow(), 0, 'phone width, right to left');
    // The bars start at the inline start: the right edge when the page reads right to left.
    const track = page.locator('.tr-bar-track:has(.tr-bar)').first();
    const bar = track.locator('.tr-bar').first();
    const [t, b] = [await track.boundingBox(), await bar.boundingBox()];
    assert.ok(t && b);
    assert.ok(Math.abs(t.x + t.width - (b.x + b.width)) < 1.5, 'bar anchored at the right edge in rtl');
    await page.setViewportSize({ width: 1280, height: 800 });
    assert.equal(await overflow(), 0, 'desktop, right to left');
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(e.problems, []);
  });

  for (const lang of ['ar', 'ckb'] as const) {
    test(`in ${lang}: right to left, no English left, axe clean, the API's figures`, async () => {
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.goto(`${e.base}/transparency?lang=${lang}`);
      await page.locator(`html[lang="${lang}"]`).waitFor({ state: 'attached' });
      const headline = page.getByTestId('headline');
      await headline.waitFor();
      for (const summary of await page.locator('summary').all()) await summary.click();
      await expectTranslated(page, lang, 'the transparency page');

      const week = figures.periods.at(-1);
      const terrorism = week.actioned.filter((a: any) => a.category === 'terrorism' && a.subjectKind === 'channel');
      const count = terrorism.reduce((s: number, a: any) => s + a.count, 0);
      const languages = new Set(terrorism.map((a: any) => a.language)).size;
      const expected = say(lang, 'transparency.headline', {
        items: say(lang, 'transparency.items.channel', { count }),
        category: policyT(lang, 'category.terrorism.title'),
        languages: say(lang, 'transparency.languageCount', { count: languages }),
      });
      assert.equal(asciiDigits(await headline.innerText()), asciiDigits(expected));

      const rows = await page.getByTestId('authority-table').locator('tbody tr').allInnerTexts();
      assert.deepEqual(
        rows.map((r) => r.split('\t').map((c) => asciiDigits(c.trim()))),
        [['TR', '0', '1', '0', '0']],
      );
      const reports = week.reports.reduce((s: number, r: any) => s + r.count, 0);
      const actioned = week.actioned.reduce((s: number, r: any) => s + r.count, 0);
      assert.equal(asciiDigits(await page.getByTestId('week-summary').innerText()), asciiDigits(say(lang, 'transparency.weekSummary', { actioned, reports })));
    });
  }

  test('the public layout links to it', async () => {
    await page.context().clearCookies();
    await page.goto(`${e.base}/report`);
    await page.getByRole('navigation', { name: 'Public pages' }).getByRole('link', { name: 'Transparency' }).click();
    await page.waitForURL(/\/transparency$/);
    await page.getByTestId('headline').waitFor();
  });
});
