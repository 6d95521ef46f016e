// The appeals queue in the console: a senior who did not take the decision opens an owner's appeal,
// sees the case and its decision beside the appeal's reason and evidence, and reverses it; the channel
// is visible again and the owner's status page shows the outcome.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { staffTokenFor, staffUser, type TestStaffUser } from '../test/helpers/people.ts';
import { axeViolations } from './helpers/axe.ts';
import { signIn } from './helpers/console.ts';
import { startE2E, type E2E } from './helpers/harness.ts';

const HOSTILE_REASON = '<img src=x onerror="window.__pwned=1"> This is satire, <b>not</b> a call to violence.';

describe('console appeals', () => {
  let e: E2E;
  let senior: TestStaffUser;
  let page: Page;
  let appeal: { id: string; receipt: string };

  before(async () => {
    e = await startE2E();
    const { api } = e;
    const owner = await api.account('satirist');
    assert.equal((await api.post('/api/v1/channels', { handle: 'satire_daily', title: 'Satire daily' }, { token: owner.token })).status, 201);
    const reporter = await api.account('reader');
    assert.equal((await api.post('/api/v1/reports', { subject: '/c/satire_daily', category: 'violence' }, { token: reporter.token })).status, 202);
    const decider = await staffTokenFor(e.t, 'moderator');
    const kase = (await api.get('/api/v1/cases', { token: decider.token })).body.cases[0];
    const d = await api.post(
      `/api/v1/cases/${kase.id}/decide`,
      { outcome: 'actioned', actions: ['block'], category: 'violence', statement: 'Calls for violence against officials.' },
      { token: decider.token },
    );
    assert.equal(d.status, 200, d.text);
    const notice = (await api.get('/api/v1/notices', { token: owner.token })).body.notices[0];
    const filed = await api.post(
      '/api/v1/appeals',
      { noticeId: notice.id, reason: HOSTILE_REASON, evidence: 'The post is tagged #satire.' },
      { token: owner.token },
    );
    assert.equal(filed.status, 201, filed.text);
    appeal = filed.body;
    senior = await staffUser(e.t, 'senior', 'appeals.senior@staff.test');
    page = await e.newPage();
  });
  after(async () => {
    await e?.close();
  });

  test('a senior opens the appeal from the queue and sees the case and decision beside the appeal', async () => {
    await page.goto(`${e.base}/console`);
    await signIn(page, senior);
    await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Appeals' }).click();
    await page.getByRole('heading', { name: 'Appeals', level: 1 }).waitFor();
    assert.match(await page.locator('.appeal-counts').innerText(), /1 open, 0 overdue/);
    await page.getByRole('link', { name: appeal.id }).click();

    const original = page.getByRole('region', { name: 'The case and its decision' });
    const side = page.getByRole('region', { name: 'The appeal' });
    await original.waitFor();
    assert.match(await original.innerText(), /Calls for violence against officials\./);
    assert.match(await side.innerText(), /This is satire, <b>not<\/b> a call to violence\./, 'the reason is shown as the text it is');
    assert.match(await side.innerText(), /#satire/);
    assert.equal(await side.locator('.statement img, .statement b').count(), 0);
    const [a, b] = [await original.boundingBox(), await side.boundingBox()];
    assert.ok(a && b && b.x > a.x + a.width - 1 && Math.abs(a.y - b.y) < 2, 'side by side');
    assert.deepEqual(await axeViolations(page), []);
  });

  test('the senior reverses it: the channel is visible again and the owner sees the outcome', async () => {
    await page.getByLabel(/Reverse: restore the subject/).check();
    await page.getByLabel('Statement of reasons').fill('Satire of officials, plainly marked as such.');
    await page.getByRole('button', { name: 'Reverse the decision' }).click();
    await page.getByRole('heading', { name: 'Reversed', level: 3 }).waitFor();
    assert.equal((await e.api.get('/api/v1/channels/satire_daily')).status, 200);

    const status = await e.newPage();
    await status.goto(`${e.base}/report/appeal/${appeal.id}?receipt=${encodeURIComponent(appeal.receipt)}`);
    await status.getByRole('heading', { name: 'The decision was reversed' }).waitFor();
    assert.match(await status.locator('main, body').first().innerText(), /Satire of officials, plainly marked as such\./);
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
    assert.deepEqual(e.problems, []);
  });
});
