import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HANDLE_PATTERN } from './handles.ts';
import { LOCAL_ROWS, nameSkeleton, UNICODE_ROWS } from './name-skeleton.ts';

const same = (a: string, b: string) => assert.equal(nameSkeleton(a), nameSkeleton(b), `${a} ~ ${b}`);
const differ = (a: string, b: string) => assert.notEqual(nameSkeleton(a), nameSkeleton(b), `${a} !~ ${b}`);

test('look-alike spellings of one name share a skeleton, whatever their case', () => {
  for (const n of ['OFFICIAISUPPORT', 'officiaIsupport', 'officialsupport', '0fficialsupport', 'officialsupp0rt', 'officia1support', 'OfficialSupport']) {
    same(n, 'officialsupport');
  }
  same('modern_news', 'rnodern_news');
  same('MODERN_NEWS', 'rnodern_news');
  same('news_www', 'news_vvvvvv');
  same('daily_deals', 'claily_cleals');
  same('Cloud_news', 'doud_news');
  same('p0rtal', 'PORTAL');
});

test('names that differ by more than look-alike characters keep distinct skeletons', () => {
  differ('officialsupport', 'officialsupport2');
  differ('officialsupport', 'officialsuport');
  differ('official_support', 'officialsupport');
  differ('news_daily', 'news_dairy');
  differ('abcde', 'abcdf');
});

test('the skeleton is idempotent and lower-case', () => {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_';
  const samples = ['officiaIsupport', 'MmWwDdIl10Oo_rn', alphabet, `x${alphabet.split('').reverse().join('')}`];
  for (const c of alphabet) samples.push(`name_${c}${c}`);
  for (const s of samples) {
    const k = nameSkeleton(s);
    assert.equal(nameSkeleton(k), k, s);
    assert.equal(k, k.toLowerCase(), s);
  }
});

test('every mapped character is one a name may hold, and every prototype is a fixed point', () => {
  const allowed = new RegExp(HANDLE_PATTERN.replace('^[A-Za-z]', '^').replace('{4,31}', '+'));
  for (const [source, prototype] of [...UNICODE_ROWS, ...LOCAL_ROWS]) {
    assert.match(source, allowed);
    assert.match(prototype, allowed);
    assert.equal(nameSkeleton(prototype), nameSkeleton(nameSkeleton(prototype)));
    assert.equal(nameSkeleton(source), nameSkeleton(prototype), `${source} → ${prototype}`);
  }
});
