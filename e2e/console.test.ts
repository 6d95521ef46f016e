// The moderator console in a real browser against the real server.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { apiKey, staffUser, type TestStaffUser } from '../test/helpers/people.ts';
import { shot, startE2E, type E2E } from './helpers/harness.ts';
import { queueLinks, signIn } from './helpers/console.ts';
import { ARABIC_POST, ARABIC_TITLE, channel, PAYLOAD, report, seedWorld, type World } from './helpers/seed.ts';

describe('moderator console', () => {
  let e: E2E;
  let world: World;
  let moderator: TestStaffUser;
  let page: Page;

  before(async () => {
    e = await startE2E();
    world = await seedWorld(e.t, e.api);
    moderator = await staffUser(e.t, 'moderator', 'mod@staff.test');
    page = await e.newPage();
  });
  after(async () => {
    await e?.close();
  });

  test('a moderator signs in and sees the queue by priority with live counts and countdowns', async () => {
    await page.goto(`${e.base}/console`);
    await page.getByRole('heading', { name: 'Vigil console' }).waitFor();
    await signIn(page, moderator);
    await page.getByRole('heading', { name: 'Review queue' }).waitFor();
    await queueLinks(page).first().waitFor();
    assert.equal(await queueLinks(page).count(), 5);
    assert.match(await queueLinks(page).first().innerText(), /Night Market Deals/);
    assert.match(await page.locator('.counts .count').first().innerText(), /5\s*Open/);
    assert.match(await page.locator('.counts .count').last().innerText(), /1\s*⚠ Overdue/);
    assert.match(await page.locator('.queue-item').first().locator('.sla').innerText(), /Due in \d/);
    const late = page.locator('.queue-item', { hasText: ARABIC_TITLE }).locator('.sla');
    assert.match(await late.innerText(), /Overdue by 2h 0\dm/);
    await shot(page, 'queue.png');
  });

  test('the queue is usable with j/k/o and ? opens the help', async () => {
    await page.goto(`${e.base}/console`);
    await queueLinks(page).first().waitFor();
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    assert.equal(
      await page.locator('.queue-item.selected').getAttribute('data-case-id'),
      await page.locator('.queue-item').nth(2).getAttribute('data-case-id'),
    );
    await page.keyboard.press('k');
    const second = await page.locator('.queue-item').nth(1).getAttribute('data-case-id');
    assert.equal(await page.locator('.queue-item.selected').getAttribute('data-case-id'), second);
    assert.equal(await page.evaluate(() => document.activeElement?.closest('.queue-item')?.getAttribute('data-case-id')), second);
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await page.keyboard.press('o');
    await page.waitForURL(`**/console/cases/${second}`);
    await page.getByRole('heading', { name: 'The subject as it is now' }).waitFor();
  });

  test('filters live in the address: overdue shows the late case, mine shows a claimed case', async () => {
    await page.goto(`${e.base}/console`);
    await queueLinks(page).first().waitFor();
    await page.keyboard.press('c');
    await page.locator('.queue-item').first().getByText('Claimed by you').waitFor();
    await page.getByLabel('Claimed by me').check();
    await page.waitForURL(/mine=1/);
    await page.waitForFunction(() => document.querySelectorAll('ol.queue .queue-item').length === 1);
    await page.getByLabel('Claimed by me').uncheck();
    await page.waitForURL((u) => !u.search.includes('mine'));
    await page.getByLabel('Overdue only').check();
    await page.waitForURL(/overdue=1/);
    await page.waitForFunction(() => document.querySelectorAll('ol.queue .queue-item').length === 1);
    assert.equal(await queueLinks(page).first().innerText(), `CHANNEL ${ARABIC_TITLE}`);
    await page.getByLabel('Category').selectOption('spam');
    await page.getByText('No cases match these filters.').waitFor();
    await page.goto(`${e.base}/console`);
    await queueLinks(page).nth(4).waitFor();
  });

  test('the top case: reveal one image, then block the channel after confirming; /c/<handle> answers 451 with the notice', async () => {
    await page.goto(`${e.base}/console`);
    await queueLinks(page).first().click();
    await page.getByRole('heading', { name: /Night Market Deals/ }).waitFor();
    const frames = page.locator('.media-frame');
    await frames.first().locator('img').waitFor();
    assert.equal(await page.locator('.media-frame.is-blurred').count(), await frames.count(), 'every image starts blurred');
    const filter = await frames
      .first()
      .locator('img')
      .evaluate((img) => getComputedStyle(img).filter);
    assert.match(filter, /blur/);
    assert.match(filter, /grayscale/);
    await page
      .getByRole('button', { name: /Show image/ })
      .first()
      .focus();
    await page.keyboard.press('Enter');
    assert.equal(await page.locator('.media-frame.is-revealed').count(), 1, 'one image revealed');
    assert.equal(await page.locator('.media-frame.is-revealed img').evaluate((img) => getComputedStyle(img).filter), 'none');
    await page
      .getByRole('button', { name: /Show image/ })
      .first()
      .click();
    assert.equal(await page.locator('.media-frame.is-revealed').count(), 1, 'still one at a time');
    await page.getByRole('button', { name: /Hide image/ }).click();
    assert.match(await page.locator('.related').innerText(), /Night Market VIP/);
    assert.doesNotMatch(await page.locator('.reports').innerText(), /ana@example.org|Reporter/, 'reporters are hidden from moderators');
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, 'case.png');

    const decide = page.getByRole('form', { name: 'Decision' });
    assert.equal(await decide.locator('.split-reasons').innerText(), '2 Fraud and scams');
    assert.equal(await decide.locator('.split-sources').innerText(), '1 Trusted flagger · 1 Web form');
    assert.ok(await decide.getByRole('button', { name: 'Decide' }).isDisabled(), 'no outcome is chosen for the moderator');
    await decide.getByLabel('Action taken').check();
    assert.equal(await decide.getByLabel('Policy category').inputValue(), 'fraud');
    assert.match(await decide.getByLabel('Statement of reasons').inputValue(), /fraud/);
    await decide.getByLabel('Statement of reasons').fill('The channel sells stolen bank accounts and runs a crypto doubling scam.');

    // An "actioned" decision without actions: the API's rule is shown next to the actions.
    await decide.getByRole('button', { name: 'Decide' }).click();
    await decide.getByText('An "actioned" decision needs at least one action.').first().waitFor();

    await decide.getByLabel('Block').check();
    assert.equal(await decide.getByLabel(/Restrict in one country/).count(), 0, 'jurisdiction restrictions are for seniors');
    await decide.getByRole('button', { name: 'Decide' }).click();
    const confirm = page.getByRole('dialog', { name: 'Confirm this decision' });
    await confirm.waitFor();
    assert.match(await confirm.innerText(), /block the channel for everyone/);
    await confirm.getByRole('button', { name: 'Yes, decide' }).click();
    await page.getByRole('heading', { name: 'Decision', exact: true }).waitFor();
    await page.locator('.case-facts').getByText('Decided').first().waitFor();

    const res = await page.goto(`${e.base}/c/${world.main.handle}`);
    assert.equal(res?.status(), 451);
    assert.match(await page.locator('main').innerText(), /can't be displayed because it was used to defraud people/);
  });

  test('a moderator comments on and escalates a case; the history shows both', async () => {
    await page.goto(`${e.base}/console`);
    await page.locator('.queue-item', { hasText: 'Movie Night Streams' }).locator('.queue-link').click();
    await page.getByRole('heading', { name: 'History' }).waitFor();
    await page.getByLabel('Your comment').fill('Checked the distributor: no licence for streaming.');
    await page.getByRole('button', { name: 'Add comment' }).click();
    await page.getByText('Comment added.').waitFor();
    await page.getByLabel('Why escalate?').fill('A rights holder may need to confirm; senior call.');
    await page.getByRole('button', { name: 'Escalate to a senior' }).click();
    await page.getByText('Case escalated for senior review.').waitFor();
    // The notice shows as soon as the API answers; the history reloads just after it.
    await page.locator('.history', { hasText: 'senior call' }).waitFor();
    const history = await page.locator('.history').innerText();
    assert.match(history, /Comment[\s\S]*no licence for streaming/);
    assert.match(history, /Escalated[\s\S]*senior call/);
    assert.match(await page.locator('.case-facts').innerText(), /Escalated/i);
  });

  test('a channel titled with a script payload is shown as text and runs nothing', async () => {
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    await page.goto(`${e.base}/console`);
    await queueLinks(page).first().waitFor();
    const id = await e.t.ctx.db
      .selectFrom('cases')
      .select('id')
      .where('subject_id', '=', (await e.t.ctx.db.selectFrom('channels').select('id').where('handle', '=', world.xss.handle).executeTakeFirstOrThrow()).id)
      .executeTakeFirstOrThrow();
    await page.goto(`${e.base}/console/cases/${id.id}`);
    await page.locator('.case-title').waitFor();
    assert.equal(await page.locator('.case-title').innerText(), PAYLOAD);
    assert.ok((await page.locator('.post-text').first().innerText()).includes('<script>'));
    assert.ok((await page.locator('.report-text').first().innerText()).includes('<img src=x'));
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
    assert.equal(await page.locator('main img[src="x"]').count(), 0);
    assert.equal(await page.locator('main script').count(), 0);
    assert.equal(dialogs, 0);
  });

  test('an Arabic post renders right-to-left beside the left-to-right interface', async () => {
    const ch = await e.t.ctx.db.selectFrom('channels').select('id').where('handle', '=', world.rtl.handle).executeTakeFirstOrThrow();
    const c = await e.t.ctx.db.selectFrom('cases').select('id').where('subject_id', '=', ch.id).executeTakeFirstOrThrow();
    await page.goto(`${e.base}/console/cases/${c.id}`);
    const title = page.locator('.case-title');
    await title.waitFor();
    assert.equal(await title.innerText(), ARABIC_TITLE);
    assert.equal(await title.evaluate((el) => getComputedStyle(el).direction), 'rtl');
    const post = page.locator('.post-text', { hasText: ARABIC_POST });
    assert.equal(await post.evaluate((el) => getComputedStyle(el).direction), 'rtl');
    assert.equal(await page.locator('.case-facts').evaluate((el) => getComputedStyle(el).direction), 'ltr');
  });

  test('at phone width the queue and a case fit without sideways scrolling', async () => {
    const phone = await e.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(`${e.base}/console`);
    await queueLinks(phone).first().waitFor();
    assert.ok(await phone.evaluate(() => document.documentElement.scrollWidth <= 390), 'queue fits 390px');
    await queueLinks(phone).first().click();
    await phone.getByRole('heading', { name: 'The subject as it is now' }).waitFor();
    assert.ok(await phone.evaluate(() => document.documentElement.scrollWidth <= 390), 'case fits 390px');
    await phone.close();
  });

  test('when the session ends, the next call returns to sign-in with a message, then back to the same page', async () => {
    await page.goto(`${e.base}/console?state=open`);
    await page.getByRole('heading', { name: 'Review queue' }).waitFor();
    // Wait for the first load: "r" is ignored while a load is on its way, and that one carries the old session.
    await queueLinks(page).first().waitFor();
    await e.t.ctx.db.deleteFrom('staff_sessions').execute();
    await page.keyboard.press('r');
    await page.getByText('Your session has ended').waitFor();
    assert.match(page.url(), /\/console\?state=open$/);
    await signIn(page, moderator);
    await page.getByRole('heading', { name: 'Review queue' }).waitFor();
    assert.match(page.url(), /\/console\?state=open$/);
  });

  test('after signing out and in again in another tab, this tab renews its CSRF token and its write goes through', async () => {
    await page.goto(`${e.base}/console`);
    await page.locator('.queue-item', { hasText: 'Night Market VIP' }).locator('.queue-link').click();
    await page.getByRole('button', { name: 'Claim this case' }).waitFor();
    const other = await e.newPage();
    await other.goto(`${e.base}/console`);
    await other.getByRole('button', { name: 'Sign out' }).click();
    await signIn(other, moderator);
    await other.getByRole('heading', { name: 'Review queue' }).waitFor();
    await other.close();
    await page.getByRole('button', { name: 'Claim this case' }).click();
    await page.getByText('You have claimed this case.').first().waitFor();
  });

  test('a senior restricts a channel in one country on an authority order, after confirming', async () => {
    const key = await apiKey(e.t, 'authority', 'Media Regulator', 'IQ');
    await report(e.api, { subject: `/c/${world.rtl.handle}`, category: 'other', explanation: 'Order of the regulator.', legalBasis: 'Media Law Art. 5' }, key);
    const senior = await staffUser(e.t, 'senior', 'senior@staff.test');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn(page, senior);
    await page.getByRole('heading', { name: 'Night Market VIP' }).waitFor();
    await page.getByRole('link', { name: '← Queue' }).click();
    await page.locator('.queue-item', { hasText: ARABIC_TITLE }).locator('.queue-link').click();
    await page.getByRole('heading', { name: 'Reports (2)' }).waitFor();
    assert.match(await page.locator('.reports').innerText(), /authority: Media Regulator \(IQ\)/, 'seniors see who reported');
    const decide = page.getByRole('form', { name: 'Decision' });
    await decide.getByLabel('Action taken').check();
    await decide.getByLabel(/Restrict in one country/).check();
    await decide.getByRole('button', { name: 'Decide' }).click();
    await decide.getByRole('group', { name: 'Send the template unchanged?' }).getByRole('button', { name: 'Send it unchanged' }).click();
    const confirm = page.getByRole('dialog', { name: 'Confirm this decision' });
    assert.match(await confirm.innerText(), /hide the channel in the country named by the authority’s order/);
    await confirm.getByRole('button', { name: 'Yes, decide' }).click();
    await page.getByText('Decision recorded.').waitFor();
    assert.match(await page.locator('.decision-summary').innerText(), /Country\s*IQ/);
    const inIraq = await e.t.app.inject({ method: 'GET', url: `/c/${world.rtl.handle}`, headers: { 'x-vigil-country': 'IQ' } });
    assert.equal(inIraq.statusCode, 451);
    const elsewhere = await e.t.app.inject({ method: 'GET', url: `/c/${world.rtl.handle}`, headers: { 'x-vigil-country': 'DE' } });
    assert.equal(elsewhere.statusCode, 200);
  });

  test('13 fraud reports and 1 extortion report: the panel shows the split, starts at fraud, and asks for an outcome and about the untouched template', async () => {
    const owner = await e.api.account('Deposit owner');
    await channel(e.api, owner.token, 'deposit_exchange', 'Deposit Exchange', 'Send a deposit, get a phone.', [
      { text: 'Pay a 50 € deposit now, phones ship next week.' },
    ]);
    const fraud = 'Took my deposit and never sent anything.';
    for (let i = 0; i < 12; i++)
      await report(e.api, { subject: '/c/deposit_exchange', category: 'fraud', explanation: fraud }, (await e.api.account(`Buyer ${i}`)).token);
    await report(e.api, { subject: '/c/deposit_exchange', category: 'fraud', explanation: fraud });
    const threatened = await e.api.account('Threatened buyer');
    const extortion = await report(
      e.api,
      { subject: '/c/deposit_exchange', category: 'extortion', explanation: 'They threaten to post my address unless I pay again.' },
      threatened.token,
    );

    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn(page, moderator);
    await page.getByRole('link', { name: '← Queue' }).click();
    await page.locator('.queue-item', { hasText: 'Deposit Exchange' }).locator('.queue-link').click();
    await page.getByRole('heading', { name: 'Reports (14)' }).waitFor();
    assert.match(
      await page.locator('.case-facts').innerText(),
      /Fraud and scams/,
      'the case follows the credibility-weighted majority, not the most severe claim',
    );

    const decide = page.getByRole('form', { name: 'Decision' });
    assert.equal(await decide.locator('.split-reasons').innerText(), '13 Fraud and scams · 1 Extortion and threats');
    assert.equal(await decide.locator('.split-sources').innerText(), '13 In-app · 1 Web form');
    assert.equal(await decide.locator('input[name="outcome"]:checked').count(), 0, 'no outcome pre-selected');
    const submit = decide.getByRole('button', { name: 'Decide' });
    assert.ok(await submit.isDisabled());
    assert.equal(await submit.evaluate((b) => document.getElementById(b.getAttribute('aria-describedby') ?? '')?.textContent), 'Choose an outcome first.');
    await decide.getByText('Choose an outcome first.').waitFor();

    await decide.getByLabel('Action taken').check();
    assert.equal(await decide.getByLabel('Policy category').inputValue(), 'fraud', 'the weighted majority, not the most severe claim');
    assert.match(
      await decide.locator('.field', { has: page.getByLabel('Policy category') }).innerText(),
      /The most severe reason given was Extortion and threats/,
    );
    await decide.getByLabel('Warn the owner').check();
    await submit.click();
    const ask = decide.getByRole('group', { name: 'Send the template unchanged?' });
    await ask.waitFor();
    assert.match(await ask.innerText(), /template for Fraud and scams, word for word, to 14 reporters and the owner/);
    // Focus starts on the safe choice (set by an effect after the question renders).
    await page.waitForFunction(() => document.activeElement?.textContent === 'Edit the statement', undefined, { timeout: 5000 });
    await shot(page, 'decision.png');
    await page.keyboard.press('Enter');
    await ask.waitFor({ state: 'detached' });
    // Focus moves on the next animation frame: wait for it rather than read it at once (a race under load).
    const statementId = await decide.getByLabel('Statement of reasons').getAttribute('id');
    await page.waitForFunction((id) => document.activeElement?.id === id, statementId, { timeout: 5000 });

    await submit.click();
    await ask.waitFor();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Send it unchanged');
    await page.keyboard.press('Enter');
    await page.getByText('Decision recorded.').waitFor();
    assert.match(await page.locator('.decision-summary').innerText(), /Category\s*Fraud and scams/);

    const status = await e.api.get(`/api/v1/reports/${extortion.id}`, { token: threatened.token });
    assert.equal(status.body.answer.category, 'fraud', 'the extortion reporter is told the fraud decision');
  });

  test('the queue polls every 15 s only while the tab is visible; countdowns tick locally', async () => {
    // Last but one: the fake clock stays installed for the whole browser context.
    await e.context.clock.install();
    const p = await e.newPage();
    await p.goto(`${e.base}/console`);
    await queueLinks(p).first().waitFor();
    let polls = 0;
    p.on('request', (r) => {
      if (r.url().includes('/api/v1/cases?')) polls++;
    });
    const setVisibility = (state: 'hidden' | 'visible') =>
      p.evaluate((s) => {
        Object.defineProperty(document, 'visibilityState', { value: s, configurable: true });
        document.dispatchEvent(new Event('visibilitychange'));
      }, state);
    const sla = p.locator('.queue-item', { hasText: 'Movie Night Streams' }).locator('.sla');
    for (let i = 0; i < 4; i++) {
      const answered = p.waitForResponse((r) => r.url().includes('/api/v1/cases/counts'));
      await e.context.clock.runFor(15_000);
      await answered;
    }
    assert.equal(polls, 4, 'four polls in a visible minute');
    await setVisibility('hidden');
    const before = await sla.innerText();
    await e.context.clock.runFor(120_000);
    await p.waitForTimeout(200);
    assert.equal(polls, 4, 'no polls while hidden');
    assert.notEqual(await sla.innerText(), before, 'the countdown ticks without the server');
    await setVisibility('visible');
    await p.waitForTimeout(300);
    assert.equal(polls, 5, 'one poll on return');
    await p.close();
  });

  test('no CSP violations or uncaught errors in any tab', () => {
    assert.deepEqual(e.problems, []);
  });
});
