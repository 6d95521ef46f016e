// The job queue in the console, for admins: depth by kind and state, the dead jobs with their last error
// (as text, never markup), and Retry sending one back to the queue. Other staff see no such page.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { staffToken, staffUser, type TestStaffUser } from '../test/helpers/people.ts';
import { axeViolations } from './helpers/axe.ts';
import { signIn } from './helpers/console.ts';
import { shot, startE2E, type E2E } from './helpers/harness.ts';

const HOSTILE_ERROR = '<img src=x onerror="window.__pwned=1"> upstream said <b>no</b>';

describe('console job queue', () => {
  let e: E2E;
  let admin: TestStaffUser;
  let moderator: TestStaffUser;
  let page: Page;
  let hostile: string;
  let orphan: string;

  before(async () => {
    e = await startE2E();
    admin = await staffUser(e.t, 'admin', 'jobs.admin@staff.test');
    moderator = await staffUser(e.t, 'moderator', 'jobs.mod@staff.test');
    // Two jobs with one attempt each: one whose handler throws markup the first time (its partner was
    // down) and succeeds when retried, and one of a kind no handler knows.
    const { ctx } = e.t;
    let calls = 0;
    ctx.jobRunner.register('e2e.notify_partner', async () => {
      if (++calls === 1) throw new Error(HOSTILE_ERROR);
    });
    hostile = await ctx.jobs.enqueue(ctx.db, 'e2e.notify_partner', { partner: 'acme' }, { maxAttempts: 1 });
    orphan = await ctx.jobs.enqueue(ctx.db, 'e2e.retired_kind', {}, { maxAttempts: 1 });
    await ctx.jobRunner.drain();
    page = await e.newPage();
  });
  after(async () => {
    await e?.close();
  });

  const row = (id: string) => page.locator(`table.jobs-troubled tbody tr[data-job-id="${id}"]`);

  test('an admin sees the depth and the dead jobs, their errors as text', async () => {
    await page.goto(`${e.base}/console`);
    await signIn(page, admin);
    await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Job queue' }).click();
    await page.getByRole('heading', { name: 'Job queue', level: 1 }).waitFor();
    await row(hostile).waitFor();

    const depth = page.getByRole('row', { name: /e2e\.notify_partner/ }).first();
    assert.match(await depth.innerText(), /e2e\.notify_partner\s+0\s+0\s+0\s+1\s+0/);
    assert.match(await page.locator('.jobs-figures').innerText(), /Dead jobs\s+2/);

    const r = row(hostile);
    assert.match(await r.innerText(), /Dead \(out of attempts\)/);
    assert.match(await r.innerText(), /1 of 1/);
    assert.equal(await r.locator('.job-error').innerText(), HOSTILE_ERROR, 'the error is shown as the text it is');
    assert.equal(await r.locator('.job-error img, .job-error b').count(), 0, 'no markup from the error');
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
    assert.match(await row(orphan).locator('.job-error').innerText(), /no handler for jobs of kind "e2e\.retired_kind"/);
    await shot(page, 'jobs.png');
    assert.deepEqual(await axeViolations(page), []);
  });

  test('Retry from the keyboard sends the job back to the queue and the list refreshes', async () => {
    const retry = row(hostile).getByRole('button', { name: /^Retry/ });
    await retry.focus();
    await page.keyboard.press('Enter');
    await page.getByText(`The e2e.notify_partner job ${hostile} is back in the queue, due now.`).waitFor();
    await row(hostile).waitFor({ state: 'detached' });
    assert.equal(await row(orphan).count(), 1, 'the other dead job stays');
    // The retried job runs again at once in this process (the retry wakes the runner), and succeeds.
    await e.t.ctx.jobRunner.drain();
    assert.equal((await e.t.ctx.jobsAdmin.overview()).counts.find((c) => c.kind === 'e2e.notify_partner')?.state, 'done');
    await page.getByRole('button', { name: 'Refresh' }).click();
    const depth = page.getByRole('row', { name: /e2e\.notify_partner/ }).first();
    await page.locator('.jobs-figures div', { hasText: 'Dead jobs' }).locator('dd', { hasText: /^1$/ }).waitFor();
    assert.match(await depth.innerText(), /e2e\.notify_partner\s+0\s+0\s+0\s+0\s+1/, 'done');
  });

  test('an API failure is shown as an error, not an empty queue', async () => {
    await page.route('**/api/v1/jobs?*', (route) =>
      route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify({ error: { code: 'internal', message: 'Database away' } }) }),
    );
    await page.getByRole('button', { name: 'Refresh' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.innerText(), /The job queue could not be loaded[\s\S]*Database away/);
    await page.unroute('**/api/v1/jobs?*');
  });

  test('an empty queue says so', async () => {
    await e.t.ctx.db.deleteFrom('jobs').execute();
    await page.reload();
    await page.getByText('No failed or dead jobs.').waitFor();
    await page.getByText('No jobs yet.').waitFor();
    await page.getByText('Nothing is waiting').waitFor();
  });

  test('a moderator has no job queue link, page or API', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn(page, moderator);
    await page.getByRole('heading', { name: 'Job queue', level: 1 }).waitFor();
    await page.getByText('Only admins can see the job queue.').waitFor();
    assert.equal(await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Job queue' }).count(), 0);
    assert.equal(await page.locator('table.jobs-troubled').count(), 0);
    const r = await e.api.get('/api/v1/jobs', { token: await staffToken(e.t, 'moderator') });
    assert.equal(r.status, 403);
  });

  test('no CSP violations or uncaught errors', () => {
    assert.deepEqual(e.problems, []);
  });
});
