import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectLanguage, detectLanguageOf } from './language.ts';

test('the languages of the seed stories are told apart, Sorani from Persian included', () => {
  const cases: Array<[string, string]> = [
    ['مرحبا، هذه القناة لبيع الحسابات المخترقة والبطاقات', 'ar'],
    ['سڵاو، ئەم کەناڵە بۆ فرۆشتنی ئەکاونتی هاککراوە', 'ckb'],
    ['ئەمڕۆ هەواڵی نوێ لە هەولێرەوە بڵاودەکەینەوە', 'ckb'],
    ['سلام، این کانال برای فروش حساب های هک شده است', 'fa'],
    ['Hello, this channel sells hacked accounts and cards', 'en'],
    ['Bonjour, cette chaîne vend des comptes piratés et des cartes', 'fr'],
    ['Привет, этот канал продаёт взломанные аккаунты', 'ru'],
    ['Merhaba, bu kanal hacklenmiş hesap satıyor', 'tr'],
    ['Salam, bu kanal sındırılmış hesablar satır və kartlar', 'az'],
  ];
  for (const [text, expected] of cases) assert.equal(detectLanguage(text), expected, text);
});

test('too little text has no language, and several fields are read together', () => {
  assert.equal(detectLanguage('hi'), null);
  assert.equal(detectLanguage(''), null);
  assert.equal(detectLanguage(null), null);
  assert.equal(detectLanguage('12345 67890 !!!'), null);
  assert.equal(detectLanguageOf('News', null, 'Daily news from Baghdad and the region, in English'), 'en');
});

test('a long text is read from its beginning only, so its cost is bounded', () => {
  const long = 'Bonjour, cette chaîne vend des comptes piratés. '.repeat(20_000);
  const started = performance.now();
  assert.equal(detectLanguage(long), 'fr');
  assert.ok(performance.now() - started < 200, 'bounded by the sample, not the text');
});
