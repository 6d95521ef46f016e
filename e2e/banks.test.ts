// Hash banks in the console: an admin creates a bank and pastes a hash; a publisher's upload of that image
// is blocked; the bank page shows the entry's match and links to the case. Moderators read, admins change.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { pdqHashFile } from '../src/detection/pdq-decode.ts';
import { staffToken, staffUser, type TestStaffUser } from '../test/helpers/people.ts';
import { patternImage } from '../test/helpers/images.ts';
import { shot, startE2E, type E2E } from './helpers/harness.ts';
import { signIn } from './helpers/console.ts';

describe('console hash banks', () => {
  let e: E2E;
  let admin: TestStaffUser;
  let moderator: TestStaffUser;
  let page: Page;
  let publisher: { id: string; token: string };
  let image: Buffer;
  let hash: string;

  before(async () => {
    e = await startE2E();
    admin = await staffUser(e.t, 'admin', 'banks.admin@staff.test');
    moderator = await staffUser(e.t, 'moderator', 'banks.mod@staff.test');
    publisher = await e.api.account('Recruiter');
    assert.equal((await e.api.post('/api/v1/channels', { handle: 'call_to_arms', title: 'Call to arms' }, { token: publisher.token })).status, 201);
    image = await patternImage(41, 800, 600, 'png');
    hash = (await pdqHashFile(image)).hash;
    page = await e.newPage();
  });
  after(async () => {
    await e?.close();
  });

  const entryRow = () => page.locator('table.bank-entries tbody tr').filter({ has: page.locator(`code[title="${hash}"]`) });

  test('an admin creates a bank and pastes a hash; a bad line is named by number', async () => {
    await page.goto(`${e.base}/console`);
    await signIn(page, admin);
    await page.getByRole('link', { name: 'Hash banks' }).click();
    await page.getByRole('heading', { name: 'Hash banks' }).waitFor();
    // The banks the system writes to itself (decisions per category, victim submissions) exist from the start.
    await page.getByRole('link', { name: 'decisions-terrorism' }).waitFor();
    await page.getByRole('link', { name: 'ncii-victim-submissions' }).waitFor();

    const create = page.getByRole('form', { name: 'Create a bank' });
    await create.getByLabel('Name').fill('Bad Name!');
    await create.getByRole('button', { name: 'Create bank' }).click();
    await create.locator('.field-error').waitFor();
    assert.match(await create.locator('.field-error').innerText(), /2–64 characters/);

    await create.getByLabel('Name').fill('terror-known');
    await create.getByLabel('Category').selectOption('terrorism');
    assert.match(await create.innerText(), /Terrorism: matching uploads are blocked/);
    await create.getByLabel('Description (optional)').fill('Known propaganda images from the GIFCT list');
    await create.getByRole('button', { name: 'Create bank' }).click();
    await page.waitForURL('**/console/banks/terror-known');
    await page.getByRole('heading', { name: 'Bank terror-known' }).waitFor();

    const add = page.getByRole('form', { name: 'Add hashes' });
    await add.getByLabel('Hashes, one per line').fill(`${hash}\nnot-a-hash\n\nmd5 1234`);
    await add.getByRole('button', { name: 'Add hashes' }).click();
    const problems = add.locator('.line-problems li');
    await problems.first().waitFor();
    assert.deepEqual(
      (await problems.allInnerTexts()).map((t) => t.replace(/:.*/s, '')),
      ['Line 2', 'Line 4'],
    );
    assert.match(await problems.first().innerText(), /malformed pdq hash/);
    assert.equal(await page.getByText('This bank has no entries yet.').count(), 1, 'nothing was imported');

    await add.getByLabel('Hashes, one per line').fill(`pdq ${hash} propaganda poster`);
    await add.getByRole('button', { name: 'Add hashes' }).click();
    await add.getByText('Added 1 hash.').waitFor();
    await entryRow().waitFor();
    const row = entryRow();
    assert.equal(await row.locator('code.bank-hash').innerText(), hash, 'the whole hash is in the text');
    assert.match(await row.innerText(), /Active/);
    assert.match(await row.innerText(), /Imported/);
    assert.equal(await row.locator('td.num').innerText(), '0');
  });

  test('the publisher’s upload of that image is blocked; the bank shows 1 match linking to the case', async () => {
    const media = await e.api.call('POST', '/api/v1/media', { token: publisher.token, raw: image, contentType: 'image/png' });
    assert.equal(media.status, 201, media.text);
    const post = await e.api.post('/api/v1/channels/call_to_arms/posts', { text: 'join us', media: [media.body.id] }, { token: publisher.token });
    assert.equal(post.status, 422, post.text);
    assert.equal(post.body.error.code, 'content_blocked');
    await e.t.ctx.jobRunner.drain(); // the automated report and its match are a job run after the publish

    await page.reload();
    await entryRow().waitFor();
    assert.equal(await entryRow().locator('td.num').innerText(), '1');
    const match = page.locator('table.bank-matches tbody tr');
    assert.equal(await match.count(), 1);
    assert.match(await match.innerText(), /Post in channel/);
    assert.match(await match.innerText(), /Blocked/);
    await shot(page, 'banks.png');

    const matches = await e.api.get('/api/v1/banks/terror-known/matches', { token: await staffToken(e.t, 'moderator') });
    const caseId = matches.body.matches[0].caseId as string;
    assert.ok(caseId);
    await match.getByRole('link', { name: 'Open case' }).click();
    await page.waitForURL(`**/console/cases/${caseId}`);
    await page.getByRole('heading', { name: 'The subject as it is now' }).waitFor();
  });

  test('entries page by cursor; an admin marks one benign after confirming', async () => {
    const token = await staffToken(e.t, 'admin');
    assert.equal((await e.api.post('/api/v1/banks', { name: 'bulk-list', category: 'other' }, { token })).status, 201);
    const lines = Array.from({ length: 61 }, () => randomBytes(32).toString('hex'));
    assert.equal((await e.api.post('/api/v1/banks/bulk-list/entries', { lines }, { token })).status, 200);
    await page.goto(`${e.base}/console/banks`);
    const bulk = page.getByRole('row', { name: /bulk-list/ });
    await bulk.waitFor();
    assert.match(await bulk.innerText(), /Other\s+61\s+61/);
    await shot(page, 'banks-list.png');
    await bulk.getByRole('link', { name: 'bulk-list' }).click();
    const pager = page.getByRole('navigation', { name: 'Entry pages' });
    await pager.getByText('Entries 1–50').waitFor();
    assert.equal(await page.locator('table.bank-entries tbody tr').count(), 50);
    await page.getByRole('button', { name: 'Next page' }).click();
    await pager.getByText('Entries 51–61').waitFor();
    assert.equal(await page.locator('table.bank-entries tbody tr').count(), 11);
    await page.getByRole('button', { name: 'Previous page' }).click();
    await pager.getByText('Entries 1–50').waitFor();

    await page.goto(`${e.base}/console/banks/terror-known`);
    await entryRow().getByRole('button', { name: 'Mark benign' }).click();
    const dialog = page.getByRole('dialog', { name: 'Mark this entry benign?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Mark benign' }).click();
    await page.getByText('The entry is marked benign').waitFor();
    assert.match(await entryRow().innerText(), /Benign/);
    assert.equal(await entryRow().getByRole('button', { name: 'Mark benign' }).count(), 0);
  });

  test('a moderator can read banks but not change them', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn(page, moderator);
    await page.getByRole('heading', { name: 'Bank terror-known' }).waitFor();
    await entryRow().waitFor();
    assert.equal(await page.getByRole('form', { name: 'Add hashes' }).count(), 0);
    assert.equal(await page.getByRole('button', { name: 'Withdraw' }).count(), 0);
    await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Hash banks' }).click();
    await page.getByRole('row', { name: /terror-known/ }).waitFor();
    assert.equal(await page.getByRole('form', { name: 'Create a bank' }).count(), 0);
  });

  test('no CSP violations or uncaught errors', () => {
    assert.deepEqual(e.problems, []);
  });
});
