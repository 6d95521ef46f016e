// The console shows each case's and each report's detected language, filters the queue by language, and
// links reported text to a translation service only when VIGIL_TRANSLATE_URL names one.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { staffUser } from '../test/helpers/people.ts';
import { axeViolations } from './helpers/axe.ts';
import { signIn } from './helpers/console.ts';
import { startE2E, type E2E } from './helpers/harness.ts';

const TRANSLATE = 'https://translate.example.org/';

describe('console languages', () => {
  let e: E2E;
  let page: Page;

  before(async () => {
    e = await startE2E({ translateUrl: TRANSLATE });
    const { api } = e;
    const owner = await api.account('owner');
    const channel = async (handle: string, title: string, description: string) =>
      assert.equal((await api.post('/api/v1/channels', { handle, title, description }, { token: owner.token })).status, 201);
    await channel('hawal_erbil', 'هەواڵی هەولێر', 'هەواڵ و ڕاپۆرتی ڕۆژانە لە هەولێرەوە بۆ هەموو خەڵکی کوردستان');
    await channel('daily_paris', 'Nouvelles de Paris', 'Les nouvelles du jour à Paris et dans toute la France');
    const report = async (subject: string, explanation: string) =>
      assert.equal((await api.post('/api/v1/reports', { subject, category: 'fraud', explanation, bonaFide: true })).status, 202);
    await report('/c/hawal_erbil', 'ئەم کەناڵە پارە وەردەگرێت و هیچ شتێک نانێرێت، ئاگاداربن');
    await report('/c/daily_paris', 'This channel takes money in advance and never sends anything.');
    page = await e.newPage();
    await page.goto(`${e.base}/console`);
    await signIn(page, await staffUser(e.t, 'moderator', 'lang.moderator@staff.test'));
  });
  after(async () => {
    await e?.close();
  });

  test('the queue names each case’s language and filters by it, in the address', async () => {
    await page.getByRole('link', { name: /هەواڵی هەولێر/ }).waitFor();
    const items = page.locator('.queue-item');
    assert.equal(await items.count(), 2);
    assert.match(await page.locator('.queue-item', { hasText: 'هەواڵی هەولێر' }).innerText(), /Central Kurdish/);
    await page.getByLabel('Language').selectOption('ckb');
    await page.waitForURL(/language=ckb/);
    await page.waitForFunction(() => document.querySelectorAll('.queue-item').length === 1);
    assert.match(await items.first().innerText(), /هەواڵی هەولێر/);
    await page.getByLabel('Language').selectOption('ar');
    await page
      .getByText(/no cases|nothing/i)
      .first()
      .waitFor();
    assert.equal(await items.count(), 0);
  });

  test('a report shows its language and a translate link to the configured service', async () => {
    await page.goto(`${e.base}/console?language=ckb`);
    await page.getByRole('link', { name: /هەواڵی هەولێر/ }).click();
    const report = page.locator('.report').first();
    await report.waitFor();
    assert.match(await report.innerText(), /Central Kurdish/);
    const link = report.getByRole('link', { name: /Translate/ });
    const href = new URL((await link.getAttribute('href')) ?? '');
    assert.equal(href.origin + href.pathname, TRANSLATE);
    assert.equal(href.searchParams.get('source'), 'ckb');
    assert.equal(href.searchParams.get('target'), 'en');
    assert.match(href.searchParams.get('q') ?? '', /ئەم کەناڵە/);
    assert.equal(await link.getAttribute('rel'), 'noreferrer noopener');
    assert.deepEqual(await axeViolations(page), []);
  });

  test('English text gets no translate link', async () => {
    await page.goto(`${e.base}/console?language=fr`);
    await page.getByRole('link', { name: /Nouvelles de Paris/ }).click();
    const report = page.locator('.report').first();
    await report.waitFor();
    assert.match(await report.innerText(), /English/);
    assert.equal(await report.getByRole('link', { name: /Translate/ }).count(), 0);
  });

  test('no CSP violations or uncaught errors', () => {
    assert.deepEqual(e.problems, []);
  });
});
