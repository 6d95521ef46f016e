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

test('letters that only one neighbour writes settle Russian from Ukrainian and Arabic from Persian and Urdu', () => {
  // Trigrams alone read each of these as the neighbour (Ukrainian, Persian).
  assert.equal(detectLanguage('Продаю взломанные аккаунты, цена договорная'), 'ru');
  assert.equal(detectLanguage('Я записал тебя по видеосвязи. Переведи 30000 рублей до завтра'), 'ru');
  assert.equal(detectLanguage('Продаю машину, телефон у менеджера, пишіть у телеграм'), 'uk');
  assert.equal(detectLanguage('ضاعف أموالك خلال أسبوع، استثمار مضمون، تواصل واتساب'), 'ar');
  // Persian without any of its own letters is still Persian: the Arabic spelling rule needs ي ك ة ى.
  assert.equal(detectLanguage('بورس تهران امروز با رشد شاخص همراه بود'), 'fa');
  // A Russian word in an English sentence does not make it Russian.
  assert.notEqual(detectLanguage('Hello friends, here is a word in Russian: ещё, and one more word'), 'ru');
});

test('a short text too close to call between two languages has none, rather than the wrong one', () => {
  // franc's first guesses: French (runner-up English), Spanish (Turkish), German (English).
  assert.equal(detectLanguage('Selling database of 3 million Iraqi citizens: names, phone numbers'), null);
  assert.equal(detectLanguage('Özel videon bende, para öde yoksa ailene gönderirim'), null);
  assert.equal(detectLanguage("Besoin d'argent rapide ? Envoie 50 USDT, reçois 500 USDT ce soir"), null);
  assert.equal(detectLanguage('fast cash again'), null, 'franc: Somali, far ahead of the rest on 15 characters');
  // The same kind of text, clear enough.
  assert.equal(detectLanguage('Hello, this channel sells hacked accounts and cards'), 'en');
});

test('a long text is read from its beginning only, so its cost is bounded', () => {
  // Its first 600 characters do not repeat: a line repeated over and over reads as less certain.
  const paragraph = [
    'Bonjour à tous, cette chaîne publie chaque matin les nouvelles de la région, les prix du marché et la météo.',
    'Nos journalistes vérifient chaque information avant de la partager avec vous, et corrigent leurs erreurs.',
    'Le soir, nous résumons les décisions du gouvernement, les résultats sportifs et les rendez-vous culturels.',
    'Vous pouvez nous écrire pour proposer un sujet, signaler une erreur ou demander une précision sur un article.',
    'Merci de rester courtois dans les commentaires : les messages injurieux seront supprimés sans avertissement.',
    'Bonne lecture, et à demain pour un nouveau tour des nouvelles de la ville et des villages des alentours.',
  ].join(' ');
  const long = `${paragraph} `.repeat(2_000);
  const started = performance.now();
  assert.equal(detectLanguage(long), 'fr');
  assert.ok(performance.now() - started < 200, 'bounded by the sample, not the text');
});
