// The case page's linked subjects and credibility sections in the browser: a blocked channel's mirror
// (same owner, re-posted text) lists the original decision and the other mirror with their evidence; a
// moderator decides both mirrors at once through "Also decide these linked cases", confirms, and both
// channels answer 451. A case reported by several fresh accounts shows the coordination figures, and a
// senior warns a reporter through the reason form (audited). axe finds nothing serious; no CSP refusals.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { staffToken, staffUser } from '../test/helpers/people.ts';
import { axeViolations } from './helpers/axe.ts';
import { signIn } from './helpers/console.ts';
import { startE2E, type E2E } from './helpers/harness.ts';

const SALE =
  'Fresh CVV and fullz for sale, valid cards from Europe and the US, balance checked, fast delivery through escrow, contact the admin for prices and bulk discounts today';
const LINK = 'Cards and loans, backup at https://t.me/cardshop_reserve, prices from the admin';
const CLAIM = 'This channel recruits for a terrorist group, remove it now!';

describe('console: linked subjects and reporter credibility', () => {
  let e: E2E;
  let page: Page;
  let moderator: string;

  const channel = async (token: string, handle: string, description = '', text?: string) => {
    const r = await e.api.post('/api/v1/channels', { handle, title: handle, description }, { token });
    assert.equal(r.status, 201, r.text);
    if (text) assert.equal((await e.api.post(`/api/v1/channels/${handle}/posts`, { text }, { token })).status, 201);
    await e.t.ctx.jobRunner.drain();
  };
  const caseOf = async (handle: string): Promise<string> => {
    const id = (await e.t.ctx.channels.findRaw(handle)).id;
    const list = (await e.api.get('/api/v1/cases?limit=100', { token: moderator })).body.cases;
    const c = list.find((x: { subject: { kind: string; id: string } }) => x.subject.kind === 'channel' && x.subject.id === id);
    assert.ok(c, `an open case about ${handle}`);
    return c.id;
  };

  before(async () => {
    e = await startE2E();
    moderator = await staffToken(e.t, 'moderator');
    page = await e.newPage();
  });
  after(async () => {
    await e?.close();
  });

  test('a mirror lists its original and the other mirror with evidence; one decision blocks both mirrors', async () => {
    const operator = await e.api.account('card operator');
    const reporter = await e.api.account('bank customer');
    await channel(operator.token, 'cardshop', LINK, SALE);
    assert.equal((await e.api.post('/api/v1/reports', { subject: '/c/cardshop', category: 'fraud' }, { token: reporter.token })).status, 202);
    const original = await caseOf('cardshop');
    const d = await e.api.post(
      `/api/v1/cases/${original}/decide`,
      { outcome: 'actioned', category: 'fraud', actions: ['block'], statement: 'Sells stolen card data.' },
      { token: moderator },
    );
    assert.equal(d.status, 200, d.text);
    await channel(operator.token, 'cardshop2', '', SALE.replace('today', 'now'));
    await channel(operator.token, 'cardshop3', LINK);
    const mirror = await caseOf('cardshop2');
    const other = await caseOf('cardshop3');

    const user = await staffUser(e.t, 'moderator', 'linked.moderator@staff.test');
    await page.goto(`${e.base}/console/cases/${mirror}`);
    await signIn(page, user);
    const panel = page.getByRole('region', { name: /Linked subjects/ });
    await panel.waitFor();
    const originalItem = panel.getByRole('listitem').filter({ hasText: 'Original decision' });
    assert.match(await originalItem.innerText(), /cardshop[\s\S]*same owner, near-duplicate text[\s\S]*decided/i);
    assert.equal(await originalItem.getByRole('link').getAttribute('href'), `/console/cases/${original}`);
    const otherItem = panel.getByRole('listitem').filter({ hasText: 'cardshop3' });
    assert.match(await otherItem.innerText(), /Likely mirror[\s\S]*same owner[\s\S]*same links/);

    const decide = page.getByRole('region', { name: 'Decide' });
    await decide.getByLabel('Action taken').check();
    await decide.getByLabel('Block').check();
    const also = decide.getByRole('group', { name: 'Also decide these linked cases the same way' });
    const box = also.getByRole('checkbox', { name: /cardshop3/ });
    assert.equal(await box.isChecked(), false, 'none chosen at first');
    assert.equal(await also.getByRole('checkbox').count(), 1, 'the decided original is not offered');
    await box.check();
    await decide.getByLabel('Statement of reasons').fill('A mirror of a channel blocked for selling stolen card data.');
    assert.deepEqual(await axeViolations(page), []);
    await decide.getByRole('button', { name: 'Decide', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Confirm: decide 2 cases' });
    await dialog.waitFor();
    assert.match(await dialog.innerText(), /2 cases will be decided[\s\S]*cardshop3/);
    assert.deepEqual(await axeViolations(page), []);
    await dialog.getByRole('button', { name: 'Yes, decide 2 cases' }).click();
    await page.getByText('Also decided alike: channel cardshop3.').waitFor();

    assert.equal((await e.api.get('/api/v1/channels/cardshop2')).status, 451);
    assert.equal((await e.api.get('/api/v1/channels/cardshop3')).status, 451);
    assert.equal((await e.api.get(`/api/v1/cases/${other}`, { token: moderator })).body.state, 'decided');
    await page.getByRole('button', { name: 'Sign out' }).click();
  });

  test('coordination figures for a case reported by fresh accounts; a senior warns a reporter through the reason form', async () => {
    const owner = await e.api.account('news owner');
    await channel(owner.token, 'calm_news', 'Local news.', 'The market opens at nine tomorrow.');
    for (let i = 0; i < 3; i++) {
      const a = await e.api.account(`fresh ${i}`);
      const r = await e.api.post('/api/v1/reports', { subject: '/c/calm_news', category: 'terrorism', explanation: CLAIM }, { token: a.token });
      assert.equal(r.status, 202, r.text);
    }
    const caseId = await caseOf('calm_news');

    const senior = await staffUser(e.t, 'senior', 'linked.senior@staff.test');
    await page.goto(`${e.base}/console/cases/${caseId}`);
    await signIn(page, senior);
    const section = page.getByRole('region', { name: 'Priority and reporters' });
    await section.locator('.coordination').waitFor();
    assert.match(
      await section.locator('.coordination').innerText(),
      /^3 of 3 reporters created or first seen within \d+ minutes[\s\S]*3 of 3 reports share the same text/,
    );

    const warn = section.getByRole('button', { name: /^Warn reporter acc:/ }).first();
    const key = ((await warn.getAttribute('aria-label')) ?? '').replace('Warn reporter ', '');
    await warn.click();
    const dialog = page.getByRole('dialog', { name: 'Warn this reporter' });
    await dialog.waitFor();
    const reason = dialog.getByLabel('Reason');
    assert.equal(await reason.evaluate((el) => el === document.activeElement), true, 'the reason field has focus');
    assert.equal(await dialog.getByRole('button', { name: 'Warn', exact: true }).isDisabled(), true, 'a reason comes first');
    assert.deepEqual(await axeViolations(page), []);
    await page.keyboard.type('Three new accounts made the same unfounded terrorism claim.');
    await page.keyboard.press('Tab'); // Cancel
    await page.keyboard.press('Tab'); // Warn
    await page.keyboard.press('Enter');
    await section.getByText(`Reporter warned: ${key}.`).waitFor();
    await dialog.waitFor({ state: 'hidden' });
    const row = section.getByRole('row').filter({ hasText: key });
    await row.getByText('warned', { exact: true }).waitFor();

    const audit = await e.t.ctx.db.selectFrom('audit_log').select(['action', 'actor']).where('target', '=', `reporter:${key}`).execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ['reporter.warned'],
    );
    assert.ok(audit[0]?.actor.startsWith('staff:'));
  });

  test('no CSP violations or uncaught errors', () => {
    assert.deepEqual(e.problems, []);
  });
});
