// A senior reverses a decided case from the console: the reason is required, a confirmation says what
// happens, and the blocked channel is visible again. A moderator sees no reverse form.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { staffTokenFor, staffUser } from '../test/helpers/people.ts';
import { axeViolations } from './helpers/axe.ts';
import { signIn } from './helpers/console.ts';
import { startE2E, type E2E } from './helpers/harness.ts';

describe('console reversal', () => {
  let e: E2E;
  let page: Page;
  let caseId: string;

  before(async () => {
    e = await startE2E();
    const { api } = e;
    const owner = await api.account('poet');
    assert.equal((await api.post('/api/v1/channels', { handle: 'verses_daily', title: 'Verses daily' }, { token: owner.token })).status, 201);
    const reporter = await api.account('critic');
    assert.equal((await api.post('/api/v1/reports', { subject: '/c/verses_daily', category: 'violence' }, { token: reporter.token })).status, 202);
    const decider = await staffTokenFor(e.t, 'moderator');
    caseId = (await api.get('/api/v1/cases', { token: decider.token })).body.cases[0].id;
    const d = await api.post(
      `/api/v1/cases/${caseId}/decide`,
      { outcome: 'actioned', actions: ['block'], category: 'violence', statement: 'Calls for violence against officials.' },
      { token: decider.token },
    );
    assert.equal(d.status, 200, d.text);
    assert.equal((await api.get('/api/v1/channels/verses_daily')).status, 451, 'blocked');
    page = await e.newPage();
  });
  after(async () => {
    await e?.close();
  });

  test('a moderator sees the decision but no reverse form', async () => {
    const moderator = await staffUser(e.t, 'moderator', 'reverse.moderator@staff.test');
    await page.goto(`${e.base}/console/cases/${caseId}`);
    await signIn(page, moderator);
    await page.getByRole('heading', { name: 'Decision', level: 2 }).waitFor();
    assert.equal(await page.getByRole('heading', { name: 'Reverse', level: 2 }).count(), 0);
    await page.getByRole('button', { name: 'Sign out' }).click();
  });

  test('a senior gives a reason, confirms, and the channel is shown again', async () => {
    const senior = await staffUser(e.t, 'senior', 'reverse.senior@staff.test');
    await page.goto(`${e.base}/console/cases/${caseId}`);
    await signIn(page, senior);
    const form = page.getByRole('region', { name: 'Reverse' });
    await form.waitFor();
    const button = form.getByRole('button', { name: 'Reverse the decision' });
    assert.equal(await button.isDisabled(), true, 'a reason comes first');
    await form.getByLabel('Why reverse this decision?').fill('The verses quote a historical poem; no call to violence.');
    await button.click();
    const dialog = page.getByRole('dialog', { name: 'Reverse this decision?' });
    await dialog.waitFor();
    assert.deepEqual(await axeViolations(page), []);
    await dialog.getByRole('button', { name: 'Reverse', exact: true }).click();
    await page.getByText('Decision reversed. The owner has been sent the reason.').waitFor();
    await page.getByRole('heading', { name: 'Reverse', level: 2 }).waitFor({ state: 'detached' });
    assert.equal((await e.api.get('/api/v1/channels/verses_daily')).status, 200, 'visible again');
  });

  test('no CSP violations or uncaught errors', () => {
    assert.deepEqual(e.problems, []);
  });
});
