import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalise } from './normalise.ts';

test('NFKC and case folding: full-width and upper-case letters meet their plain forms', () => {
  assert.equal(normalise('ＦＡＳＴ Cash'), 'fast cash');
  assert.equal(normalise('ΣΟΦΟΣ'), 'σοφοσ'); // final sigma folded too
  assert.equal(normalise('İSLAM DEVLETİ IŞİD'), 'islam devleti işid'); // Turkish dotted and dotless i
});

test('zero-width and direction characters are removed', () => {
  assert.equal(normalise('ca\u200bs\u200dh \u202eknab\u202c \ufeffnow'), 'cash knab now');
});

test('Arabic diacritics and tatweel are removed', () => {
  assert.equal(normalise('أَمْوَالٌ'), 'اموال');
  assert.equal(normalise('كـــاش'), 'كاش');
});

test('alef, yeh, kaf and heh variants and teh marbuta fold to one letter each', () => {
  assert.equal(normalise('أحمد إسلام آمن ٱلله'), 'احمد اسلام امن الله');
  assert.equal(normalise('على'), 'علي');
  assert.equal(normalise('فارسی'), 'فارسي'); // Farsi yeh
  assert.equal(normalise('کارت'), 'كارت'); // keheh
  assert.equal(normalise('سريعة'), 'سريعه');
  assert.equal(normalise('پارەی'), 'پارهي'); // Sorani ae and Farsi yeh, inside the matching key only
});

test('Arabic-Indic and Persian digits become ASCII digits', () => {
  assert.equal(normalise('١٢٣ ۴۵۶'), '123 456');
});

test('look-alike letters of another script inside a word fold to the word’s main script', () => {
  assert.equal(normalise('саsh'), 'cash'); // Cyrillic с and а
  assert.equal(normalise('bαnk'), 'bank'); // Greek alpha
  assert.equal(normalise('дeньги'), 'деньги'); // Latin e in a Russian word
  assert.equal(normalise('деньги cash'), 'деньги cash'); // words in one script are left alone
});

test('spaced-out letters join into one word', () => {
  assert.equal(normalise('fast c a s h now'), 'fast cash now');
  assert.equal(normalise('c.a.s.h'), 'cash');
  assert.equal(normalise('a b'), 'a b'); // two single letters are not a spaced word
});

test('runs of three or more of a character collapse to one; pairs and digits stay', () => {
  assert.equal(normalise('caaaash!!!'), 'cash!');
  assert.equal(normalise('book'), 'book');
  assert.equal(normalise('1000 usd'), '1000 usd');
  assert.equal(normalise('مممممال'), 'مال');
});

test('whitespace collapses to single spaces', () => {
  assert.equal(normalise('  fast \n\t cash  '), 'fast cash');
});

test('normalising is linear: 200,000 hostile characters take well under a second', () => {
  const hostile = 'a\u200b'.repeat(50_000) + 'c a '.repeat(25_000);
  const started = performance.now();
  normalise(hostile);
  assert.ok(performance.now() - started < 1000);
});
