import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import { apiClient, type Api, type ApiResponse } from '../helpers/api.ts';
import { pngImage } from '../helpers/images.ts';

type Account = { id: string; token: string };

async function inBatches<T, R>(items: T[], size: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) {
    out.push(...(await Promise.all(items.slice(i, i + size).map((item, j) => fn(item, i + j)))));
  }
  return out;
}

describe('private groups', () => {
  let t: TestApp;
  let api: Api;
  before(async () => {
    t = await startTestApp();
    api = apiClient(t.app);
  });
  after(async () => {
    await t.close();
  });

  test('members read and write; a non-member cannot even tell the group exists (404)', async () => {
    const alice = await api.account('Alice');
    const bob = await api.account('Bob');
    const eve = await api.account('Eve');
    const g = await api.post('/api/v1/groups', { title: 'Family' }, { token: alice.token });
    assert.equal(g.status, 201);
    assert.deepEqual([g.body.title, g.body.members, g.body.memberLimit], ['Family', 1, 200]);

    const add = await api.post(`/api/v1/groups/${g.body.id}/members`, { accountId: bob.id }, { token: alice.token });
    assert.equal(add.status, 200);
    assert.equal(add.body.members, 2);
    assert.equal(add.body.added, true);
    const again = await api.post(`/api/v1/groups/${g.body.id}/members`, { accountId: bob.id }, { token: alice.token });
    assert.equal(again.body.added, false);
    assert.equal(again.body.members, 2, 'adding twice counts once');

    assert.equal((await api.post(`/api/v1/groups/${g.body.id}/messages`, { text: 'Dinner at 7' }, { token: alice.token })).status, 201);
    const fromBob = await api.post(`/api/v1/groups/${g.body.id}/messages`, { text: 'On my way' }, { token: bob.token });
    assert.equal(fromBob.status, 201);
    assert.equal(fromBob.body.senderId, bob.id);

    const read = await api.get(`/api/v1/groups/${g.body.id}/messages`, { token: bob.token });
    assert.equal(read.status, 200);
    assert.deepEqual(
      read.body.messages.map((m: { text: string }) => m.text),
      ['On my way', 'Dinner at 7'],
    );

    const unknownGroup = await api.get('/api/v1/groups/grp_doesnotexist/messages', { token: eve.token });
    for (const r of [
      await api.get(`/api/v1/groups/${g.body.id}/messages`, { token: eve.token }),
      await api.post(`/api/v1/groups/${g.body.id}/messages`, { text: 'let me in' }, { token: eve.token }),
      await api.post(`/api/v1/groups/${g.body.id}/members`, { accountId: eve.id }, { token: eve.token }),
    ]) {
      assert.equal(r.status, 404);
      assert.equal(r.body.error.code, 'not_found');
      assert.equal(r.body.error.message, unknownGroup.body.error.message, 'the same answer as for a group that does not exist');
    }
    assert.equal((await api.get(`/api/v1/groups/${g.body.id}/messages`)).status, 401, 'reading needs an account');
  });

  test('messages keep their order (even within one millisecond) and page newest first; empty messages and unknown accounts are refused', async () => {
    const a = await api.account('A');
    const g = await api.post('/api/v1/groups', { title: 'Notes' }, { token: a.token });
    // Sent back to back, many land in the same millisecond: the order must still be the sending order.
    for (let i = 1; i <= 40; i++) {
      assert.equal((await api.post(`/api/v1/groups/${g.body.id}/messages`, { text: `m${i}` }, { token: a.token })).status, 201);
    }
    const texts: string[] = [];
    let cursor: string | null = null;
    do {
      const r: ApiResponse = await api.get(`/api/v1/groups/${g.body.id}/messages?limit=7${cursor ? `&cursor=${cursor}` : ''}`, { token: a.token });
      assert.equal(r.status, 200);
      texts.push(...r.body.messages.map((m: { text: string }) => m.text));
      cursor = r.body.nextCursor;
    } while (cursor);
    assert.deepEqual(
      texts,
      Array.from({ length: 40 }, (_, i) => `m${40 - i}`),
    );

    const empty = await api.post(`/api/v1/groups/${g.body.id}/messages`, { text: '  ' }, { token: a.token });
    assert.equal(empty.status, 400);
    assert.equal(empty.body.error.code, 'empty_message');
    const ghost = await api.post(`/api/v1/groups/${g.body.id}/members`, { accountId: 'acc_ghost' }, { token: a.token });
    assert.equal(ghost.status, 400);
    assert.equal(ghost.body.error.code, 'unknown_account');
    const blank = await api.post('/api/v1/groups', { title: ' ' }, { token: a.token });
    assert.equal(blank.status, 400);
  });

  test('a group holds at most 200 members: concurrent joins cannot pass the limit and the 201st is refused with 409 group_full', async () => {
    const creator = await api.account('Creator');
    const g = await api.post('/api/v1/groups', { title: 'Neighbourhood' }, { token: creator.token });
    const others: Account[] = await inBatches(
      Array.from({ length: 201 }, (_, i) => i),
      50,
      (i) => api.account(`Member ${i}`),
    );

    // 198 more members (199 in all), added 25 at a time in parallel.
    const added = await inBatches(others.slice(0, 198), 25, (m) =>
      api.post(`/api/v1/groups/${g.body.id}/members`, { accountId: m.id }, { token: creator.token }),
    );
    assert.ok(added.every((r) => r.status === 200 && r.body.added === true));

    // Two race for the last place: exactly one gets it.
    const race = await Promise.all(
      others.slice(198, 200).map((m) => api.post(`/api/v1/groups/${g.body.id}/members`, { accountId: m.id }, { token: creator.token })),
    );
    assert.deepEqual(race.map((r) => r.status).sort(), [200, 409]);

    const newest = others[200];
    const full = await api.post(`/api/v1/groups/${g.body.id}/members`, { accountId: newest.id }, { token: creator.token });
    assert.equal(full.status, 409);
    assert.equal(full.body.error.code, 'group_full');
    assert.match(full.body.error.message, /200 members/);
    assert.equal(full.body.error.details.memberLimit, 200);

    // The group really has 200 members: one who joined can read, the refused one cannot.
    const winner = race[0].status === 200 ? others[198] : others[199];
    assert.equal((await api.get(`/api/v1/groups/${g.body.id}/messages`, { token: winner.token })).status, 200);
    assert.equal((await api.get(`/api/v1/groups/${g.body.id}/messages`, { token: newest.token })).status, 404);
    const again = await api.post(`/api/v1/groups/${g.body.id}/members`, { accountId: winner.id }, { token: creator.token });
    assert.equal(again.status, 200, 're-adding an existing member of a full group is not an error');
    assert.equal(again.body.members, 200);
  });

  test('media of a private group message is fetchable by members only (404 for everyone else)', async () => {
    const alice = await api.account('Alice');
    const bob = await api.account('Bob');
    const eve = await api.account('Eve');
    const g = await api.post('/api/v1/groups', { title: 'Photos' }, { token: alice.token });
    await api.post(`/api/v1/groups/${g.body.id}/members`, { accountId: bob.id }, { token: alice.token });
    const img = await pngImage(20, 20, '#4488cc');
    const m = await api.call('POST', '/api/v1/media', { token: alice.token, raw: img });
    const msg = await api.post(`/api/v1/groups/${g.body.id}/messages`, { media: m.body.id }, { token: alice.token });
    assert.equal(msg.status, 201);
    assert.equal(msg.body.mediaId, m.body.id);

    const asBob = await api.get(`/media/${m.body.id}`, { token: bob.token });
    assert.equal(asBob.status, 200);
    assert.equal(asBob.headers['content-type'], 'image/png');
    assert.equal(asBob.headers['x-content-type-options'], 'nosniff');
    assert.equal((await api.get(`/media/${m.body.id}`, { token: alice.token })).status, 200);

    const asEve = await api.get(`/media/${m.body.id}`, { token: eve.token });
    const anonymous = await api.get(`/media/${m.body.id}`);
    const missing = await api.get('/media/med_doesnotexist');
    for (const r of [asEve, anonymous]) {
      assert.equal(r.status, 404);
      assert.ok(!r.text.includes('\x89PNG'), 'no bytes leak');
      // The page's language links repeat the address asked for; beyond that, the same answer as for nothing.
      assert.equal(r.text.replaceAll(m.body.id, 'med_doesnotexist'), missing.text, 'the same answer as for media that does not exist');
    }
  });
});

describe('one-to-one chats', () => {
  let t: TestApp;
  let api: Api;
  before(async () => {
    t = await startTestApp();
    api = apiClient(t.app);
  });
  after(async () => {
    await t.close();
  });

  test('two accounts share one chat; a third cannot read or write it (404)', async () => {
    const a = await api.account('A');
    const b = await api.account('B');
    const c = await api.account('C');
    const opened = await api.post('/api/v1/chats', { accountId: b.id }, { token: a.token });
    assert.equal(opened.status, 200);
    assert.deepEqual([...opened.body.participants].sort(), [a.id, b.id].sort());
    const fromB = await api.post('/api/v1/chats', { accountId: a.id }, { token: b.token });
    assert.equal(fromB.body.id, opened.body.id, 'opening from either side finds the same chat');

    assert.equal((await api.post(`/api/v1/chats/${opened.body.id}/messages`, { text: 'hi B' }, { token: a.token })).status, 201);
    assert.equal((await api.post(`/api/v1/chats/${opened.body.id}/messages`, { text: 'hi A' }, { token: b.token })).status, 201);
    const read = await api.get(`/api/v1/chats/${opened.body.id}/messages`, { token: a.token });
    assert.deepEqual(
      read.body.messages.map((m: { text: string }) => m.text),
      ['hi A', 'hi B'],
    );

    const cRead = await api.get(`/api/v1/chats/${opened.body.id}/messages`, { token: c.token });
    assert.equal(cRead.status, 404);
    assert.equal(cRead.body.error.code, 'not_found');
    assert.equal((await api.post(`/api/v1/chats/${opened.body.id}/messages`, { text: 'me too' }, { token: c.token })).status, 404);
    // A chat id is not a group id and vice versa.
    assert.equal((await api.get(`/api/v1/groups/${opened.body.id}/messages`, { token: a.token })).status, 404);

    const self = await api.post('/api/v1/chats', { accountId: a.id }, { token: a.token });
    assert.equal(self.status, 400);
    assert.equal(self.body.error.code, 'invalid_chat');
    const ghost = await api.post('/api/v1/chats', { accountId: 'acc_ghost' }, { token: a.token });
    assert.equal(ghost.status, 400);
    assert.equal(ghost.body.error.code, 'unknown_account');
  });

  test('media sent in a chat is fetchable by the two participants only', async () => {
    const a = await api.account('A');
    const b = await api.account('B');
    const c = await api.account('C');
    const chat = await api.post('/api/v1/chats', { accountId: b.id }, { token: a.token });
    const m = await api.call('POST', '/api/v1/media', { token: a.token, raw: await pngImage(9, 9, '#ab12cd') });
    assert.equal((await api.post(`/api/v1/chats/${chat.body.id}/messages`, { media: m.body.id }, { token: a.token })).status, 201);
    assert.equal((await api.get(`/media/${m.body.id}`, { token: b.token })).status, 200);
    assert.equal((await api.get(`/media/${m.body.id}`, { token: c.token })).status, 404);
    assert.equal((await api.get(`/media/${m.body.id}`)).status, 404);
  });
});
