// The public pages in a real browser: filing a notice without an account and following it.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { staffTokenFor } from '../test/helpers/people.ts';
import { shot, startE2E, type E2E } from './helpers/harness.ts';
import { channel, upload } from './helpers/seed.ts';

describe('public report pages', () => {
  let e: E2E;
  let page: Page;

  before(async () => {
    e = await startE2E();
    const owner = await e.api.account('Garden club');
    const a = await upload(e.api, owner.token, 'garden', 2);
    const b = await upload(e.api, owner.token, 'mountains', 4);
    await channel(e.api, owner.token, 'garden_club', 'Garden Club', 'Seeds, tools and weekend walks.', [
      { text: 'Spring planting guide: tomatoes go in after the last frost.', media: [a] },
      { text: 'Weekend walk to the lake — everyone welcome!', media: [b] },
      { text: 'Free seeds! Click the link and enter your card number to claim them.' },
    ]);
    page = await e.newPage();
  });
  after(async () => {
    await e?.close();
  });

  test('the public preview page of a channel', async () => {
    const res = await page.goto(`${e.base}/c/garden_club`);
    assert.equal(res?.status(), 200);
    await page.waitForLoadState('networkidle');
    await shot(page, 'channel.png');
  });

  test('a visitor files a report through /report; API errors appear next to the field', async () => {
    await page.goto(`${e.base}/report`);
    await page.getByRole('heading', { name: 'Report illegal or harmful content' }).waitFor();
    await page.getByLabel('What is wrong with it?').selectOption('fraud');
    await shot(page, 'report-form.png');

    await page.getByLabel(/Link to the channel/).fill('https://example.org/not/a/channel');
    await page.getByLabel(/Why is it illegal/).fill('They ask for card numbers to send "free seeds". It is phishing.');
    await page.getByLabel(/I confirm that the information/).check();
    await page.getByRole('button', { name: 'Send report' }).click();
    const linkError = page.locator('#link-error');
    await linkError.waitFor();
    assert.match(await linkError.innerText(), /not a channel, post, bot or sticker set link/);
    assert.equal(await page.getByLabel(/Link to the channel/).getAttribute('aria-invalid'), 'true');

    await page.getByLabel(/Link to the channel/).fill(`${e.base}/c/garden_club/3`);
    await page.getByLabel('Name').fill('Sam');
    await page.getByLabel('Email').fill('sam@example.org');
    await page.getByLabel(/life or safety/).check();
    await page.getByRole('button', { name: 'Send report' }).click();
    await page.getByRole('heading', { name: /your report was received/ }).waitFor();
    assert.match(await page.locator('.keep').innerText(), /Keep this link/);
    const reportId = await page.locator('.report-id').first().innerText();
    assert.match(reportId, /^rep_/);

    await page.locator('a.status-link').click();
    await page.waitForURL(new RegExp(`/report/status/${reportId}\\?receipt=`));
    await page.getByRole('heading', { name: 'Timeline' }).waitFor();
    assert.match(await page.locator('.timeline').innerText(), /Your report was received/);
    assert.match(await page.locator('.status').innerText(), /Received/);

    // A moderator decides the case; the status page then shows the outcome and the statement of reasons.
    const { token } = await staffTokenFor(e.t, 'moderator');
    const list = await e.api.get('/api/v1/cases', { token });
    const caseId = list.body.cases[0].id;
    const statement = 'The post asks for card numbers in exchange for free seeds: this is phishing.';
    const reported = (await e.api.get(`/api/v1/cases/${caseId}`, { token })).body.subjectNow.reportedPosts.map((p: { id: string }) => p.id);
    const decided = await e.api.post(
      `/api/v1/cases/${caseId}/decide`,
      { outcome: 'actioned', actions: ['remove_posts'], category: 'fraud', statement, postIds: reported },
      { token },
    );
    assert.equal(decided.status, 200, decided.text);
    await page.reload();
    await page.getByRole('heading', { name: /Decision: Action taken/ }).waitFor();
    assert.match(await page.locator('.answer').innerText(), new RegExp(statement.slice(0, 30)));
    assert.match(await page.locator('.timeline').innerText(), /A decision was taken/);
  });

  test('an answer lost on the way: resending files nothing twice, and an edited report is still accepted', async () => {
    const tab = await e.newPage();
    // The first request reaches the server and is filed, but its answer never reaches the browser.
    const loseNextAnswer = () =>
      new Promise<{ id: string }>((resolve) => {
        void tab.route('**/api/v1/reports', async (route) => {
          const filed = await route.fetch();
          resolve(await filed.json());
          await route.abort('connectionreset');
          await tab.unroute('**/api/v1/reports');
        });
      });
    const send = async () => {
      await tab.getByRole('button', { name: 'Send report' }).click();
    };
    await tab.goto(`${e.base}/report`);
    await tab.getByLabel('What is wrong with it?').selectOption('fraud');
    await tab.getByLabel(/Link to the channel/).fill(`${e.base}/c/garden_club/3`);
    await tab.getByLabel(/Why is it illegal/).fill('Asks for card numbers in exchange for free seeds.');
    await tab.getByLabel(/I confirm that the information/).check();

    let lost = loseNextAnswer();
    await send();
    const first = await lost;
    await tab.getByText('The report was not sent').waitFor();
    await send(); // the same report again: the server answers with the one already filed
    await tab.getByRole('heading', { name: /your report was received/ }).waitFor();
    assert.equal(await tab.locator('.report-id').first().innerText(), first.id);

    await tab.goto(`${e.base}/report`);
    await tab.getByLabel('What is wrong with it?').selectOption('fraud');
    await tab.getByLabel(/Link to the channel/).fill(`${e.base}/c/garden_club/3`);
    await tab.getByLabel(/Why is it illegal/).fill('Asks for card numbers in exchange for free seeds.');
    await tab.getByLabel(/I confirm that the information/).check();
    lost = loseNextAnswer();
    await send();
    const second = await lost;
    await tab.getByText('The report was not sent').waitFor();
    await tab.getByLabel(/Why is it illegal/).fill('Asks for card numbers in exchange for free seeds; three posts do it.');
    await send(); // edited: a new report, not a refusal for a reused Idempotency-Key
    await tab.getByRole('heading', { name: /your report was received/ }).waitFor();
    const third = await tab.locator('.report-id').first().innerText();
    assert.match(third, /^rep_/);
    assert.notEqual(third, second.id);
    await tab.close();
  });

  test('a wrong receipt reads as an unknown report', async () => {
    await page.goto(`${e.base}/report/status/rep_nope?receipt=wrong`);
    await page.getByText('Report not found').waitFor();
  });

  test('the form works at phone width', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${e.base}/report`);
    await page.getByRole('button', { name: 'Send report' }).waitFor();
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 390));
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  test('no CSP violations or uncaught errors', () => {
    assert.deepEqual(e.problems, []);
  });
});
