// Text rules in the console: moderators see each rule with its state and hit counts, and recent shadow
// hits as text (never markup); admins reload the rule files from the page.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { staffUser, type TestStaffUser } from '../test/helpers/people.ts';
import { axeViolations } from './helpers/axe.ts';
import { signIn } from './helpers/console.ts';
import { shot, startE2E, type E2E } from './helpers/harness.ts';

describe('console text rules', () => {
  let e: E2E;
  let moderator: TestStaffUser;
  let admin: TestStaffUser;
  let page: Page;

  before(async () => {
    e = await startE2E();
    moderator = await staffUser(e.t, 'moderator', 'rules.mod@staff.test');
    admin = await staffUser(e.t, 'admin', 'rules.admin@staff.test');
    // A post that the starter shadow rule for fast-cash fraud flags, carrying markup.
    const owner = await e.api.account('rules-publisher');
    assert.equal((await e.api.post('/api/v1/channels', { handle: 'rules_target', title: 'Deals' }, { token: owner.token })).status, 201);
    const text = 'DOUBLE YOUR MONEY <img src=x onerror="window.__pwned=1"> invest today';
    assert.equal((await e.api.post('/api/v1/channels/rules_target/posts', { text }, { token: owner.token })).status, 201);
    await e.t.ctx.jobRunner.drain();
    page = await e.newPage();
  });
  after(async () => {
    await e?.close();
  });

  test('a moderator sees the rules, their hit counts and the shadow hit as text', async () => {
    await page.goto(`${e.base}/console`);
    await signIn(page, moderator);
    await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Text rules' }).click();
    await page.getByRole('heading', { name: 'Text rules', level: 1 }).waitFor();
    const row = page.locator('tr[data-rule-id="fraud.fast-cash"]');
    await row.waitFor();
    assert.match(await row.innerText(), /fraud\s+Shadow\s+0\s+1/);
    assert.match(await row.locator('.rule-excerpt').innerText(), /^double your money <img src=x onerror="window.__pwned=1">/);
    assert.equal(await row.locator('.rule-excerpt img').count(), 0, 'no markup from the excerpt');
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
    assert.equal(await page.getByRole('button', { name: 'Reload rule files' }).count(), 0, 'only admins reload');
    await shot(page, 'rules.png');
    assert.deepEqual(await axeViolations(page), []);
  });

  test('an admin reloads the rule files from the page', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn(page, admin);
    await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Text rules' }).click();
    await page.getByRole('button', { name: 'Reload rule files' }).click();
    await page.getByText(/Reloaded: \d+ rules in force\./).waitFor();
  });

  test('no CSP violations or uncaught errors', () => {
    assert.deepEqual(e.problems, []);
  });
});
