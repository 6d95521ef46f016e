// The personal-data leak detector on published public content: a channel post holding a table of phone
// numbers opens a case with a `personal_data_leak` signal (counts only), a shop's post with one number opens
// none, and it runs with no text rule in force; a CSV file of 1,000 rows attached to a post opens one too,
// and a post with a text file holding one number does not. Runs on SQLite and, with VIGIL_DATABASE_URL, on PostgreSQL.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { type Api, apiClient } from '../helpers/api.ts';
import { staffToken } from '../helpers/people.ts';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';

/** 150 rows of a leaked table (a post holds at most 4,096 characters): row, name, Iraqi mobile number. */
function leakedTable(): { text: string; numbers: string[] } {
  const numbers: string[] = [];
  const rows: string[] = [];
  for (let i = 0; i < 150; i++) {
    const n = `07${['70', '80', '50'][i % 3]}${String(3_000_000 + i * 4_111).slice(-7)}`;
    numbers.push(n);
    rows.push(`${i + 1},Ali ${i},${n}`);
  }
  return { text: rows.join('\n'), numbers };
}

describe('personal-data leaks', () => {
  let t: TestApp;
  let api: Api;
  let dir: string;
  let moderator: string;
  let owner: { id: string; token: string };
  before(async () => {
    // No rule in force: the detector runs on its own.
    dir = await mkdtemp(path.join(os.tmpdir(), 'vigil-pii-'));
    await writeFile(path.join(dir, 'none.yaml'), 'rules: []\n');
    t = await startTestApp({ rulesDir: dir });
    api = apiClient(t.app);
    moderator = await staffToken(t, 'moderator');
    owner = await api.account('leaker');
    assert.equal((await api.post('/api/v1/channels', { handle: 'dumps', title: 'Dumps' }, { token: owner.token })).status, 201);
  });
  after(async () => {
    await t.close();
    await rm(dir, { recursive: true, force: true });
  });

  const publish = async (text: string) => {
    const r = await api.post('/api/v1/channels/dumps/posts', { text }, { token: owner.token });
    assert.equal(r.status, 201, r.text);
    await t.ctx.jobRunner.drain();
    return r.body;
  };
  const openCases = async () => (await api.get('/api/v1/cases?limit=100', { token: moderator })).body.cases.filter((c: any) => c.state !== 'decided');

  test("a shop's post with one phone number opens no case and costs no job", async () => {
    await publish('Winter jackets in stock, 25,000 IQD. Order on WhatsApp 0770 123 4567, delivery across Baghdad.');
    assert.deepEqual(await openCases(), []);
    const jobs = await t.ctx.db.selectFrom('jobs').select('id').where('kind', '=', 'signals.text').execute();
    assert.equal(jobs.length, 0, 'a text too short to hold a leak writes no job');
  });

  test('a post with a table of phone numbers opens a personal-data case with counts and no numbers', async () => {
    const { text, numbers } = leakedTable();
    const post = await publish(text);
    assert.equal(post.held, undefined, 'signals never block publishing');
    const cases = await openCases();
    assert.equal(cases.length, 1);
    assert.equal(cases[0].category, 'personal_data');
    assert.deepEqual(cases[0].sources, ['automated']);
    const detail = await api.get(`/api/v1/cases/${cases[0].id}`, { token: moderator });
    const signal = detail.body.signals.find((s: any) => s.kind === 'personal_data_leak');
    assert.ok(signal, JSON.stringify(detail.body.signals));
    assert.equal(signal.source, 'pii');
    assert.equal(signal.category, 'personal_data');
    assert.deepEqual(signal.counts, { phones: 150, emails: 0, cards: 0, passwordPairs: 0, nationalIds: 0, passports: 0, addresses: 0 });
    assert.equal(signal.postId, post.id);
    const events = JSON.stringify(detail.body.signals);
    assert.ok(!numbers.some((n) => events.includes(n.slice(1))), 'no number is stored in the signal');
    const reports = await t.ctx.db.selectFrom('reports').selectAll().execute();
    const stored = JSON.stringify(reports);
    assert.ok(!numbers.some((n) => stored.includes(n.slice(1))), 'nor in the automated report');

    // The job run again adds neither a report nor a signal.
    const job = await t.ctx.db.selectFrom('jobs').select('payload').where('kind', '=', 'signals.text').executeTakeFirstOrThrow();
    await t.ctx.textSignals.run(JSON.parse(job.payload));
    const again = await api.get(`/api/v1/cases/${cases[0].id}`, { token: moderator });
    assert.equal(again.body.signals.filter((s: any) => s.kind === 'personal_data_leak').length, 1);
  });

  test('private group messages are never evaluated', async () => {
    const g = await api.post('/api/v1/groups', { title: 'Friends' }, { token: owner.token });
    assert.equal((await api.post(`/api/v1/groups/${g.body.id}/messages`, { text: leakedTable().text }, { token: owner.token })).status, 201);
    await t.ctx.jobRunner.drain();
    const jobs = await t.ctx.db.selectFrom('jobs').select('payload').where('kind', '=', 'signals.text').execute();
    assert.ok(!jobs.some((j) => j.payload.includes(g.body.id)), 'no job names the group');
    assert.equal((await openCases()).length, 1);
  });

  const uploadText = async (text: string, type: string) => {
    const r = await api.call('POST', '/api/v1/media', { token: owner.token, raw: Buffer.from(text), contentType: type });
    assert.equal(r.status, 201, r.text);
    return r.body as { id: string; mime: string };
  };

  test('text files are accepted when declared and really text; markup and binary bytes are not', async () => {
    assert.equal((await uploadText('a,b\n1,2\n', 'text/csv')).mime, 'text/csv');
    assert.equal((await uploadText('{"a":1}', 'application/json; charset=utf-8')).mime, 'application/json');
    for (const [bytes, type] of [
      [Buffer.from('<html><script>alert(1)</script></html>'), 'text/plain'],
      [Buffer.from([0x61, 0x00, 0x62]), 'text/plain'],
      [Buffer.from([0xc3, 0x28]), 'text/csv'],
      [Buffer.from('plain words'), 'application/octet-stream'],
    ] as const) {
      const r = await api.call('POST', '/api/v1/media', { token: owner.token, raw: bytes, contentType: type });
      assert.equal(r.status, 415, `${type}: ${r.text}`);
    }
  });

  test('a CSV of 1,000 names and phone numbers attached to a post opens a personal-data case; counts only', async () => {
    assert.equal((await api.post('/api/v1/channels', { handle: 'files', title: 'Files' }, { token: owner.token })).status, 201);
    const rows = ['name,phone'];
    const numbers: string[] = [];
    for (let i = 0; i < 1000; i++) {
      const n = `07${['70', '80', '50', '90'][i % 4]}${String(1_000_000 + i * 7_919).slice(-7)}`;
      numbers.push(n);
      rows.push(`Zainab ${i},${n}`);
    }
    const file = await uploadText(rows.join('\n'), 'text/csv');
    const r = await api.post('/api/v1/channels/files/posts', { text: 'new list', media: [file.id] }, { token: owner.token });
    assert.equal(r.status, 201, r.text);
    await t.ctx.jobRunner.drain();
    const cases = (await openCases()).filter((c: any) => c.subject.id !== undefined);
    const detail = await Promise.all(cases.map(async (c: any) => (await api.get(`/api/v1/cases/${c.id}`, { token: moderator })).body));
    const signal = detail.flatMap((d: any) => d.signals).find((s: any) => s.kind === 'personal_data_leak' && s.postId === r.body.id);
    assert.ok(signal, JSON.stringify(detail.map((d: any) => d.signals)));
    assert.equal(signal.counts.phones, 1000);
    assert.equal(signal.files, 1);
    const stored = JSON.stringify(await t.ctx.db.selectFrom('reports').selectAll().execute()) + JSON.stringify(detail);
    assert.ok(!numbers.some((n) => stored.includes(n.slice(1))), 'no number is stored');
  });

  test("a shop's post with a price list holding one number opens no case", async () => {
    const before = (await openCases()).length;
    const file = await uploadText('item,price\njacket,25000\nboots,40000\ncall,0770 765 4321\n', 'text/csv');
    const r = await api.post('/api/v1/channels/files/posts', { text: 'Prices attached', media: [file.id] }, { token: owner.token });
    assert.equal(r.status, 201, r.text);
    await t.ctx.jobRunner.drain();
    assert.equal((await openCases()).length, before);
  });
});
