// Administration in the console: staff users (one-time password), roles, disabling, API keys.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { staffToken, staffUser, type TestStaffUser } from '../test/helpers/people.ts';
import { startE2E, type E2E } from './helpers/harness.ts';
import { signIn } from './helpers/console.ts';

describe('console administration', () => {
  let e: E2E;
  let admin: TestStaffUser;
  let page: Page;

  before(async () => {
    e = await startE2E();
    admin = await staffUser(e.t, 'admin', 'admin@staff.test');
    await e.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: e.base });
    page = await e.newPage();
  });
  after(async () => {
    await e?.close();
  });

  test('an admin adds a moderator, who signs in with the one-time password; role change and disabling follow', async () => {
    await page.goto(`${e.base}/console`);
    await signIn(page, admin);
    await page.getByRole('link', { name: 'Administration' }).click();
    await page.getByRole('heading', { name: 'Moderators and roles' }).waitFor();
    const users = page.getByRole('form', { name: 'Add a staff user' });
    await users.getByLabel('Email').fill('new.moderator@staff.test');
    await users.getByLabel('Role').selectOption('moderator');
    await users.getByRole('button', { name: 'Add user' }).click();
    const secret = page.getByRole('region', { name: /One-time password for new.moderator@staff.test/ });
    await secret.waitFor();
    const password = (await secret.locator('code').innerText()).trim();
    assert.ok(password.length >= 12);
    await secret.getByRole('button', { name: 'I have saved it' }).click();
    assert.equal(await page.getByText(password).count(), 0, 'the password is gone once dismissed');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByText('You have signed out.').waitFor();
    // Signing in keeps the address: the new moderator lands on the admin page they may not use.
    await signIn(page, { id: '', email: 'new.moderator@staff.test', role: 'moderator', password });
    await page.getByText('Only admins can manage staff users and API keys.').waitFor();
    assert.equal(await page.getByRole('link', { name: 'Administration' }).count(), 0);
    await page.getByRole('link', { name: 'Queue' }).click();
    await page.getByRole('heading', { name: 'Review queue' }).waitFor();
    await page.goto(`${e.base}/console/admin`);
    await page.getByRole('button', { name: 'Sign out' }).click();

    await signIn(page, admin);
    await page.getByRole('heading', { name: 'Moderators and roles' }).waitFor();
    await page.getByLabel('Role of new.moderator@staff.test').selectOption('senior');
    await page.getByRole('button', { name: 'Save role of new.moderator@staff.test' }).click();
    await page.getByRole('dialog', { name: 'Make new.moderator@staff.test a senior moderator?' }).getByRole('button', { name: 'Make senior' }).click();
    await page.getByText('new.moderator@staff.test is now senior.').waitFor();
    const row = page.getByRole('row', { name: /new.moderator@staff.test/ });
    await row.getByRole('button', { name: 'Disable' }).click();
    await row.getByText(/^Disabled/).waitFor();
    const stored = await e.t.ctx.people.users.list();
    const changed = stored.find((u) => u.email === 'new.moderator@staff.test');
    assert.equal(changed?.role, 'senior');
    assert.ok(changed?.disabledAt);
  });

  test('arrow keys on a role menu send nothing; Save and a confirmation naming the role do, Cancel restores the role', async () => {
    const triage = await staffUser(e.t, 'triage', 'triage@staff.test');
    const roleChanges: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'PATCH' && r.url().includes('/api/v1/admin/users/')) roleChanges.push(r.postData() ?? '');
    });
    const storedRole = async () => (await e.t.ctx.people.users.list()).find((u) => u.id === triage.id)?.role;
    await page.reload();
    const menu = page.getByLabel('Role of triage@staff.test', { exact: true });
    await menu.focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    assert.equal(await menu.inputValue(), 'admin', 'the menu shows the choice');
    await page.waitForTimeout(300);
    assert.deepEqual(roleChanges, [], 'choosing sends nothing');
    assert.equal(await storedRole(), 'triage');

    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const confirm = page.getByRole('dialog', { name: 'Make triage@staff.test an admin?' });
    await confirm.waitFor();
    assert.match(await confirm.innerText(), /triage@staff.test is a triage user now\. Admins also manage staff users/);
    await page.keyboard.press('Escape');
    await confirm.waitFor({ state: 'hidden' });
    assert.equal(await menu.inputValue(), 'triage', 'Cancel puts the shown role back');
    // The dialog hands focus to the menu as it closes (a slow machine once saw it still on the page body).
    await page
      .waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Role of triage@staff.test', null, { timeout: 3000 })
      .catch(() => undefined);
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Role of triage@staff.test', 'focus is back on the menu');
    assert.equal(await page.getByRole('button', { name: 'Save role of triage@staff.test' }).count(), 0);
    assert.deepEqual(roleChanges, []);
    assert.equal(await storedRole(), 'triage');

    await page.keyboard.press('ArrowDown');
    await page.getByRole('button', { name: 'Save role of triage@staff.test' }).click();
    await page.getByRole('dialog', { name: 'Make triage@staff.test a moderator?' }).getByRole('button', { name: 'Make moderator' }).click();
    await page.getByText('triage@staff.test is now moderator.').waitFor();
    assert.deepEqual(
      roleChanges.map((b) => JSON.parse(b)),
      [{ role: 'moderator' }],
    );
    assert.equal(await menu.inputValue(), 'moderator');
    const audit = await e.api.get('/api/v1/admin/audit?limit=5', { token: await staffToken(e.t, 'admin') });
    const change = audit.body.entries.find((x: { action: string; target: string }) => x.action === 'staff_user.role_changed' && x.target === triage.id);
    assert.deepEqual(typeof change.data === 'string' ? JSON.parse(change.data) : change.data, { from: 'triage', to: 'moderator' });
    assert.equal(await storedRole(), 'moderator');
  });

  test('an admin creates an API key, shown once with a copy button, and revokes it after confirming', async () => {
    const keys = page.getByRole('form', { name: 'Create an API key' });
    await keys.getByLabel('Kind').selectOption('trusted_flagger');
    await keys.getByLabel('Organisation').fill('Hotline Europe');
    await keys.getByRole('button', { name: 'Create key' }).click();
    const secret = page.getByRole('region', { name: 'New API key for Hotline Europe' });
    await secret.waitFor();
    const key = (await secret.locator('code').innerText()).trim();
    assert.match(key, /^vgk_/);
    await secret.getByRole('button', { name: 'Copy key' }).click();
    await secret.getByText('Copied.').waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), key);
    const works = await e.api.post('/api/v1/reports', { subject: { kind: 'channel', id: 'ch_none' }, category: 'spam' }, { token: key });
    assert.notEqual(works.status, 401, 'the key authenticates');

    await page
      .getByRole('row', { name: /Hotline Europe/ })
      .getByRole('button', { name: 'Revoke' })
      .click();
    const confirm = page.getByRole('dialog', { name: 'Revoke this API key?' });
    await confirm.getByRole('button', { name: 'Revoke' }).click();
    await page.getByText('The key of Hotline Europe is revoked.').waitFor();
    await page
      .getByRole('row', { name: /Hotline Europe/ })
      .getByText(/^Revoked/)
      .waitFor();
    const refused = await e.api.post('/api/v1/reports', { subject: { kind: 'channel', id: 'ch_none' }, category: 'spam' }, { token: key });
    assert.equal(refused.status, 401);
  });

  test("a key with an invalid country is refused and the API's message is shown", async () => {
    const keys = page.getByRole('form', { name: 'Create an API key' });
    await keys.getByLabel('Kind').selectOption('platform');
    await keys.getByLabel('Organisation').fill('partner-app');
    await keys.getByLabel(/Country/).fill('X1');
    await keys.getByLabel(/Country/).evaluate((el) => el.removeAttribute('pattern'));
    await keys.getByRole('button', { name: 'Create key' }).click();
    await page
      .getByRole('alert')
      .getByText(/ISO 3166-1 alpha-2/)
      .waitFor();
  });

  test('at phone width the administration page scrolls its tables, not the page', async () => {
    const phone = await e.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(`${e.base}/console/admin`);
    await phone.getByRole('row', { name: /Hotline Europe/ }).waitFor();
    assert.ok(await phone.evaluate(() => document.documentElement.scrollWidth <= 390), 'admin page fits 390px');
    await phone.close();
  });

  test('no CSP violations or uncaught errors', () => {
    assert.deepEqual(e.problems, []);
  });
});
