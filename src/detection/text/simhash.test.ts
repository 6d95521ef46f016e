// SimHash: re-posted texts land within the near-duplicate distance, unrelated texts far apart, and
// Arabic-script spelling variants of one text give one fingerprint.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bands, hamming, NEAR_DUPLICATE_DISTANCE, simhash } from './simhash.ts';

const SALE =
  'Fresh CVV and fullz for sale, valid cards from Europe and the US, balance checked, fast delivery through escrow, contact the admin for prices and bulk discounts today';
const WEATHER =
  'Weather in Baghdad will be sunny tomorrow with temperatures reaching forty degrees, the ministry advises people to stay indoors at noon and drink water';

test('a copy and a lightly edited copy are near; an unrelated text is far', () => {
  const a = simhash(SALE);
  assert.ok(a);
  assert.equal(simhash(SALE.toUpperCase().replaceAll(' ', '  ')), a, 'case and spacing do not matter');
  const edited = simhash(SALE.replace('today', 'now'));
  assert.ok(edited);
  assert.ok(hamming(a, edited) <= NEAR_DUPLICATE_DISTANCE, `one word changed: ${hamming(a, edited)} bits`);
  const other = simhash(WEATHER);
  assert.ok(other);
  assert.ok(hamming(a, other) > 2 * NEAR_DUPLICATE_DISTANCE, `unrelated: ${hamming(a, other)} bits`);
});

test('Arabic-script variants (diacritics, tatweel, alef and yeh forms, teh marbuta, Persian kaf) give one fingerprint', () => {
  const plain = 'بيع حسابات مخترقة وبطاقات ائتمان صالحة للاستخدام، تواصل مع المشرف للحصول على الاسعار والخصومات الكبيرة اليوم';
  const variant = 'بِيع حسابـــات مُخترقة وبطاقات إئتمان صالحه للاستخدام، تواصل مع المشرف للحصول علی الأسعار والخصومات الکبيرة اليوم';
  const a = simhash(plain);
  assert.ok(a);
  assert.equal(simhash(variant), a);
});

test('short texts get no fingerprint; a fingerprint near another shares a band with it', () => {
  assert.equal(simhash('join @channel now'), null);
  const a = simhash(SALE) as string;
  const b = simhash(SALE.replace('today', 'now')) as string;
  const [ba, bb] = [bands(a), bands(b)];
  assert.equal(ba.length, NEAR_DUPLICATE_DISTANCE + 1);
  assert.ok(ba.some((v, i) => v === bb[i]));
  assert.equal(hamming(a, a), 0);
  assert.equal(hamming('0000000000000000', 'ffffffffffffffff'), 64);
});

test('external links: web addresses and handles in one form', async () => {
  const { externalLinks } = await import('./links.ts');
  assert.deepEqual(externalLinks('Join https://t.me/CardShop or @cardshop, see HTTPS://www.Shop.example/deals/ and mail@x.com').sort(), [
    '@cardshop',
    'shop.example/deals',
  ]);
});
