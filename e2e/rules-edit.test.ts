// Editing text rules in the console: an admin opens a rule file, changes a rule from shadow to live,
// reviews the line diff, saves after a confirmation and sees the rule live with its hits; an edit that
// breaks the schema is refused beside the editor; a rule's state is set from the table. The server runs on
// a temporary rules folder, never the repository's starter files.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { staffToken, staffUser, type TestStaffUser } from '../test/helpers/people.ts';
import { axeViolations } from './helpers/axe.ts';
import { signIn } from './helpers/console.ts';
import { startE2E, type E2E } from './helpers/harness.ts';

const RULES = `rules:
  - id: edit.gift-cards
    description: Sale of stolen gift cards.
    category: fraud
    state: shadow
    languages: [en]
    fields: [post_text]
    keywords:
      en: [cheap gift cards]
    score: 0.7
`;

describe('console rule editing', () => {
  let e: E2E;
  let dir: string;
  let admin: TestStaffUser;
  let page: Page;

  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'vigil-e2e-rules-'));
    await writeFile(path.join(dir, 'gifts.yaml'), RULES);
    e = await startE2E({ rulesDir: dir });
    admin = await staffUser(e.t, 'admin', 'rules.editor@staff.test');
    const owner = await e.api.account('gift-seller');
    assert.equal((await e.api.post('/api/v1/channels', { handle: 'gifts', title: 'Gifts' }, { token: owner.token })).status, 201);
    assert.equal((await e.api.post('/api/v1/channels/gifts/posts', { text: 'Cheap gift cards, all brands' }, { token: owner.token })).status, 201);
    await e.t.ctx.jobRunner.drain();
    page = await e.newPage();
    await page.goto(`${e.base}/console`);
    await signIn(page, admin);
    await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Text rules' }).click();
  });
  after(async () => {
    await e?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const row = () => page.locator('tr[data-rule-id="edit.gift-cards"]');

  test('edit, review the diff, save: the rule is live and its hits are shown', async () => {
    await row().waitFor();
    assert.equal(await row().getByLabel('State of edit.gift-cards').inputValue(), 'shadow');
    assert.match(await row().innerText(), /\t0\t1\t/, 'no live hit, one shadow hit');
    await page.getByRole('button', { name: 'Edit gifts.yaml' }).click();
    const editor = page.getByLabel('Text of gifts.yaml');
    await editor.waitFor();
    assert.equal(await editor.inputValue(), RULES);
    await editor.fill(RULES.replace('state: shadow', 'state: live'));
    await page.getByRole('button', { name: 'Review changes' }).click();
    const diff = page.getByRole('region', { name: 'Changes to gifts.yaml' });
    assert.equal(await diff.locator('.removed').innerText(), '-     state: shadow\n');
    assert.equal(await diff.locator('.added').innerText(), '+     state: live\n');
    assert.deepEqual(await axeViolations(page), []);
    await page.getByRole('button', { name: 'Save gifts.yaml' }).click();
    await page.getByRole('dialog', { name: 'Save gifts.yaml?' }).getByRole('button', { name: 'Yes, save and reload' }).click();
    await page.getByText('Saved gifts.yaml: 1 rules in force.').waitFor();
    assert.match(await readFile(path.join(dir, 'gifts.yaml'), 'utf8'), /state: live/);
    assert.equal(await row().getByLabel('State of edit.gift-cards').inputValue(), 'live');
    assert.match(await row().innerText(), /\t0\t1\t/, 'live and shadow hits shown');
    const audit = await e.api.get('/api/v1/admin/audit', { token: await staffToken(e.t, 'admin') });
    assert.ok(audit.body.entries.some((x: any) => x.action === 'rules.file_saved' && x.data.diff.includes('+    state: live')));
  });

  test('a text breaking the schema is refused beside the editor, and nothing is written', async () => {
    await page.getByRole('button', { name: 'Edit gifts.yaml' }).click();
    const editor = page.getByLabel('Text of gifts.yaml');
    await editor.fill((await editor.inputValue()).replace('score: 0.7', 'score: 7'));
    await page.getByRole('button', { name: 'Review changes' }).click();
    await page.getByRole('button', { name: 'Save gifts.yaml' }).click();
    await page.getByRole('dialog', { name: 'Save gifts.yaml?' }).getByRole('button', { name: 'Yes, save and reload' }).click();
    const alert = page.locator('.rule-editor [role="alert"]');
    await alert.waitFor();
    assert.match(await alert.innerText(), /\/rules\/0\/score/);
    assert.match(await readFile(path.join(dir, 'gifts.yaml'), 'utf8'), /score: 0\.7/);
    await page.getByRole('button', { name: 'Close' }).click();
  });

  test("a rule's state is set from the table", async () => {
    await row().getByLabel('State of edit.gift-cards').selectOption('draft');
    await page.getByText('edit.gift-cards is now draft.').waitFor();
    assert.match(await readFile(path.join(dir, 'gifts.yaml'), 'utf8'), /state: draft/);
  });

  test('no CSP violations or uncaught errors', () => {
    assert.deepEqual(e.problems, []);
  });
});
