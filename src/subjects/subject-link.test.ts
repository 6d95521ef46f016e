import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normaliseUrl, parseSubject } from './subject-link.ts';

test('links with or without scheme and host', () => {
  assert.deepEqual(parseSubject('/c/news_daily'), { by: 'link', kind: 'channel', handle: 'news_daily' });
  assert.deepEqual(parseSubject('https://vigil.example/c/news_daily/12'), {
    by: 'link',
    kind: 'post',
    handle: 'news_daily',
    number: 12,
    url: 'https://vigil.example/c/news_daily/12',
  });
  assert.deepEqual(parseSubject('vigil.example/bot/helper_bot/'), { by: 'link', kind: 'bot', handle: 'helper_bot' });
  assert.deepEqual(parseSubject('localhost:8080/stickers/cats_set'), { by: 'link', kind: 'sticker_set', name: 'cats_set' });
  assert.deepEqual(parseSubject({ kind: 'group', id: 'grp_1' }), { by: 'id', kind: 'group', id: 'grp_1' });
});

test("a connected platform's content: by its URL (normalised) or by {platform, kind, id}", () => {
  assert.deepEqual(parseSubject('HTTPS://Forum.Example:443/t/42/?page=2#reply'), { by: 'url', url: 'https://forum.example/t/42?page=2' });
  assert.deepEqual(parseSubject('https://forum.example/c/news/'), { by: 'link', kind: 'channel', handle: 'news', url: 'https://forum.example/c/news' });
  assert.deepEqual(parseSubject({ platform: 'forum', kind: 'post', id: '42' }), { by: 'id', kind: 'post', id: '42', platform: 'forum' });
  assert.deepEqual(parseSubject({ platform: 'reference', kind: 'channel', id: 'ch_1' }), { by: 'id', kind: 'channel', id: 'ch_1' });
  assert.equal(normaliseUrl('ftp://forum.example/x'), undefined);
  assert.equal(normaliseUrl('https://forum.example/'), 'https://forum.example');
  assert.throws(
    () => parseSubject({ platform: 'no spaces', kind: 'post', id: '1' }),
    (e: any) => e.code === 'invalid_subject',
  );
});

test('anything else is a clear 400', () => {
  for (const bad of ['', '/x/y', 'https://', '/c/a/b/c', { kind: 'planet', id: 'x' }, { kind: 'channel' }, 42, null]) {
    assert.throws(
      () => parseSubject(bad),
      (e: any) => e.status === 400 && e.code === 'invalid_subject',
      JSON.stringify(bad),
    );
  }
});
