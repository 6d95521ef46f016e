// Accountability in the console: an admin filters the audit log and verifies its chain (intact, then
// broken after tampering); a moderator ticks three cases in the queue (mouse and keyboard) and decides
// them together after a confirmation naming the count; the case page shows the owner's history.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { staffUser } from '../test/helpers/people.ts';
import { axeViolations } from './helpers/axe.ts';
import { queueLinks, signIn } from './helpers/console.ts';
import { startE2E, type E2E } from './helpers/harness.ts';

describe('console: audit log, bulk decisions, owner history', () => {
  let e: E2E;
  let page: Page;
  const reporters: Array<{ token: string; reportId: string }> = [];

  before(async () => {
    e = await startE2E();
    const { api } = e;
    const owner = await api.account('bulk owner');
    for (const handle of ['bulk_one', 'bulk_two', 'bulk_three']) {
      assert.equal((await api.post('/api/v1/channels', { handle, title: `Channel ${handle}` }, { token: owner.token })).status, 201);
      const reporter = await api.account(`reporter ${handle}`);
      const r = await api.post('/api/v1/reports', { subject: `/c/${handle}`, category: 'terrorism' }, { token: reporter.token });
      assert.equal(r.status, 202, r.text);
      reporters.push({ token: reporter.token, reportId: r.body.id });
    }
    // Something to find in the audit log, with markup in its details.
    await e.t.ctx.audit.append({ actor: 'cli:ops', action: 'thing.tested', target: 'case:x1', data: { note: '<img src=x onerror=alert(1)>' } });
    await e.t.ctx.audit.append({ actor: 'cli:other', action: 'thing.other', target: 'case:x2' });
    page = await e.newPage();
  });
  after(async () => {
    await e?.close();
  });

  test('a moderator ticks three cases and decides them together; each reporter gets the statement', async () => {
    const moderator = await staffUser(e.t, 'moderator', 'bulk.moderator@staff.test');
    await page.goto(`${e.base}/console`);
    await signIn(page, moderator);
    await queueLinks(page).first().waitFor();
    assert.equal(await queueLinks(page).count(), 3);
    // Two with the mouse, the third with the keyboard (j to it, x to tick).
    const boxes = page.locator('ol.queue input[type="checkbox"]');
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await queueLinks(page).nth(1).focus();
    await page.keyboard.press('j');
    await page.keyboard.press('x');
    assert.equal(await boxes.nth(2).isChecked(), true, 'x ticks the selected case');
    const panel = page.getByRole('region', { name: 'Decide 3 cases together' });
    await panel.waitFor();
    await panel.getByLabel('Policy category').selectOption('terrorism');
    await panel.getByLabel('Statement of reasons').fill('Each of these channels recruits for a proscribed group.');
    await panel.getByRole('button', { name: 'Decide 3 cases' }).click();
    const dialog = page.getByRole('dialog', { name: 'Decide 3 cases?' });
    await dialog.waitFor();
    assert.deepEqual(await axeViolations(page), []);
    await dialog.getByRole('button', { name: 'Yes, decide 3 cases' }).click();
    await page.getByText('3 of 3 cases decided.').waitFor({ state: 'attached' });
    await page.getByText('No cases match these filters.').waitFor();
    for (const r of reporters) {
      const st = await e.api.get(`/api/v1/reports/${r.reportId}`, { token: r.token });
      assert.equal(st.body.answer.outcome, 'actioned');
      assert.equal(st.body.answer.statement, 'Each of these channels recruits for a proscribed group.');
    }
    for (const handle of ['bulk_one', 'bulk_two', 'bulk_three']) assert.equal((await e.api.get(`/api/v1/channels/${handle}`)).status, 451);
    await page.getByRole('button', { name: 'Sign out' }).click();
  });

  test("the case page shows the owner's history: past decisions, strikes and other channels", async () => {
    const { api } = e;
    const owner = (await e.t.ctx.db.selectFrom('channels').select('owner_id').where('handle', '=', 'bulk_one').executeTakeFirstOrThrow()).owner_id;
    const ch = await e.t.ctx.db.selectFrom('channels').select('id').where('handle', '=', 'bulk_one').executeTakeFirstOrThrow();
    const kase = await e.t.ctx.db.selectFrom('cases').select('id').where('subject_id', '=', ch.id).executeTakeFirstOrThrow();
    assert.ok(owner);
    const moderator = await staffUser(e.t, 'moderator', 'history.moderator@staff.test');
    await page.goto(`${e.base}/console/cases/${kase.id}`);
    await signIn(page, moderator);
    const section = page.getByRole('region', { name: "The owner's record" });
    await section.getByText('3 strikes').waitFor();
    assert.equal(await section.locator('.owner-decisions li').count(), 2, 'the two other decisions');
    assert.deepEqual((await section.locator('.owner-subjects li .user-text').allTextContents()).sort(), ['Channel bulk_three', 'Channel bulk_two']);
    assert.ok(api);
    await page.getByRole('button', { name: 'Sign out' }).click();
  });

  test('an admin filters the audit log and verifies the chain, then finds a tampered entry', async () => {
    const admin = await staffUser(e.t, 'admin', 'audit.admin@staff.test');
    await page.goto(`${e.base}/console/audit`);
    await signIn(page, admin);
    await page.getByRole('heading', { name: 'Audit log', level: 1 }).waitFor();
    const rows = page.locator('table.audit-table tbody tr');
    await rows.first().waitFor();
    assert.ok((await rows.count()) >= 5, 'case.decided entries and the test entries');

    await page.getByLabel('Actor').fill('cli:ops');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.locator('table.audit-table tbody tr td code', { hasText: 'thing.tested' }).waitFor();
    assert.equal(await rows.count(), 1);
    // The details are text: the markup is shown, not run.
    assert.match((await rows.first().locator('pre').textContent()) ?? '', /<img src=x onerror=alert\(1\)>/);
    assert.equal(await page.locator('table.audit-table img').count(), 0);

    await page.getByRole('button', { name: 'Clear' }).click();
    await page.getByLabel('Action').fill('case.decided');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForFunction(() => document.querySelectorAll('table.audit-table tbody tr').length === 3);
    await page.getByLabel('From').fill('2999-01-01T00:00');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.getByText('No entries match these filters.').waitFor();
    assert.deepEqual(await axeViolations(page), []);

    await page.getByRole('button', { name: 'Verify the chain' }).click();
    await page.getByText(/The chain is intact: \d+ entries verified\./).waitFor();

    const tampered = await e.t.ctx.db.selectFrom('audit_log').select('seq').where('action', '=', 'thing.tested').executeTakeFirstOrThrow();
    await e.t.ctx.db.updateTable('audit_log').set({ actor: 'cli:someone-else' }).where('seq', '=', tampered.seq).execute();
    await page.getByRole('button', { name: 'Verify the chain' }).click();
    await page.getByText(`The chain is broken at entry ${tampered.seq}`).waitFor();
  });

  test('no CSP violations or uncaught errors', () => {
    assert.deepEqual(e.problems, []);
  });
});
