import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectPii, luhnValid, MAX_PII_TEXT, mayHoldPii, mrzCheckDigit, mrzPassport, tcKimlikValid } from './pii.ts';

const NAMES = ['Ahmed Ali', 'Zainab Hussein', 'Mustafa Kareem', 'Noor Jasim', 'Haider Abbas'];
const PREFIXES = ['0770', '0780', '0750', '0790', '0771', '0781'];

/** A leaked table: a row number, a name, an Iraqi mobile number (every tenth written +964) and a city. */
function phoneTable(rows: number): { text: string; numbers: string[] } {
  const numbers: string[] = [];
  let text = 'id,name,phone,city\n';
  for (let i = 0; i < rows; i++) {
    const local = `${PREFIXES[i % PREFIXES.length]}${String(1_000_000 + i * 7919).slice(-7)}`;
    numbers.push(local);
    const written = i % 10 === 0 ? `+964 ${local.slice(1, 4)} ${local.slice(4, 7)} ${local.slice(7)}` : local;
    text += `${i + 1},${NAMES[i % NAMES.length]},${written},${i % 2 ? 'Baghdad' : 'Basra'}\n`;
  }
  return { text, numbers };
}

test('a table of 1,000 Iraqi phone numbers with names is a leak, counted exactly, with no number in the result', () => {
  const { text, numbers } = phoneTable(1000);
  const r = detectPii(text);
  assert.equal(r.verdict, 'leak');
  assert.deepEqual(r.counts, { phones: 1000, emails: 0, cards: 0, passwordPairs: 0, nationalIds: 0, passports: 0, addresses: 0 });
  assert.deepEqual(r.kinds, ['phones']);
  assert.equal(r.recordLines, 1000);
  assert.equal(r.truncated, false);
  const out = JSON.stringify(r);
  for (const n of numbers) {
    assert.ok(!out.includes(n.slice(1)), 'the result never holds a number');
  }
  assert.ok(!/\d{7}/.test(out), 'no digit run of a number survives in the result');
});

test("a shop's post with one phone number is not a leak", () => {
  const r = detectPii('New stock of winter jackets! Sizes S–XXL, 25,000 IQD. Order on WhatsApp 0770 123 4567, delivery to all of Baghdad.');
  assert.equal(r.verdict, 'none');
  assert.equal(r.counts.phones, 1);
  assert.deepEqual(r.kinds, ['phones']);
});

test('phone numbers in Arabic-Indic digits and other numbering plans are counted', () => {
  const r = detectPii('اتصل ٠٧٧٠١٢٣٤٥٦٧ or +44 20 7946 0958 or +1 212 555 0199');
  assert.equal(r.counts.phones, 3);
});

test('card numbers count only with 13–19 digits and a valid Luhn check digit', () => {
  assert.equal(luhnValid('4111111111111111'), true);
  assert.equal(luhnValid('4111111111111112'), false);
  assert.equal(luhnValid('378282246310005'), true);
  const valid = detectPii('visa 4111 1111 1111 1111, amex 3782-822463-10005, mc 5555555555554444');
  assert.equal(valid.counts.cards, 3);
  const invalid = detectPii('order 4111 1111 1111 1112 and 5555555555554445, ref 411111111111');
  assert.equal(invalid.counts.cards, 0);
  // Duplicates count once.
  assert.equal(detectPii('4111111111111111\n4111-1111-1111-1111').counts.cards, 1);
});

test('a dump of 25 valid card numbers is a leak', () => {
  // Visa test numbers built with a valid check digit.
  const lines: string[] = [];
  for (let i = 0; lines.length < 25; i++) {
    const body = `4${String(10_000_000_000_000 + i * 7_777).padStart(14, '0')}`;
    for (let d = 0; d <= 9; d++) {
      if (luhnValid(`${body}${d}`)) {
        lines.push(`${body}${d}|12/28|123`);
        break;
      }
    }
  }
  const r = detectPii(lines.join('\n'));
  assert.equal(r.counts.cards, 25);
  assert.equal(r.verdict, 'leak');
});

test('e-mail:password lines are password pairs and e-mail addresses; times and URLs are not', () => {
  const lines = Array.from({ length: 30 }, (_, i) => `user${i}@mail.example.iq:Pa55word${i}!`);
  const r = detectPii(lines.join('\n'));
  assert.equal(r.counts.passwordPairs, 30);
  assert.equal(r.counts.emails, 30);
  assert.equal(r.verdict, 'leak');
  assert.ok(!JSON.stringify(r).includes('Pa55word'), 'no password in the result');
  const user = detectPii('ali_88:qwerty123\nzainab:letmein2024');
  assert.equal(user.counts.passwordPairs, 2);
  const none = detectPii('Opening hours 09:30 to 21:00\nhttps://example.com/shop\n12:30:00');
  assert.equal(none.counts.passwordPairs, 0);
});

test('a few contact addresses are not a leak; a list of many is', () => {
  assert.equal(detectPii('Write to sales@shop.iq or support@shop.iq.').verdict, 'none');
  const list = Array.from({ length: 20 }, (_, i) => `Name ${i} <person${i}@gmail.com>`).join('\n');
  const r = detectPii(list);
  assert.equal(r.counts.emails, 20);
  assert.equal(r.verdict, 'leak');
  assert.equal(detectPii(list, { threshold: 50 }).verdict, 'none', 'the threshold is configurable');
});

test('mixed records on many lines are a leak even when no kind reaches the threshold alone', () => {
  const rows = Array.from({ length: 24 }, (_, i) => (i % 2 ? `Ali ${i} 0770${String(2_000_000 + i * 131).slice(-7)}` : `Ali ${i} ali${i}@mail.iq`));
  const r = detectPii(rows.join('\n'));
  assert.equal(r.counts.phones, 12);
  assert.equal(r.counts.emails, 12);
  assert.equal(r.recordLines, 24);
  assert.equal(r.verdict, 'leak');
});

test('only the first MAX_PII_TEXT characters are read, in bounded time', () => {
  const { text } = phoneTable(20);
  const huge = `${'x'.repeat(MAX_PII_TEXT)}\n${text}`;
  const r = detectPii(huge);
  assert.equal(r.truncated, true);
  assert.equal(r.counts.phones, 0);
  const start = performance.now();
  detectPii('1234 '.repeat(200_000));
  detectPii('a@'.repeat(200_000));
  assert.ok(performance.now() - start < 10_000, 'adversarial texts stay cheap');
});

test('mayHoldPii lets short texts skip the job and keeps every table', () => {
  assert.equal(mayHoldPii('Fresh bread every morning, call 0770 123 4567'), false);
  assert.equal(mayHoldPii(phoneTable(20).text), true);
  assert.equal(mayHoldPii(Array.from({ length: 20 }, (_, i) => `a${i}@b.iq`).join(' ')), true);
});

/** A T.C. Kimlik number with correct check digits from its first nine digits. */
function tcKimlik(first9: string): string {
  const d = [...first9].map(Number);
  const odd = (d[0] ?? 0) + (d[2] ?? 0) + (d[4] ?? 0) + (d[6] ?? 0) + (d[8] ?? 0);
  const even = (d[1] ?? 0) + (d[3] ?? 0) + (d[5] ?? 0) + (d[7] ?? 0);
  const tenth = (((odd * 7 - even) % 10) + 10) % 10;
  const eleventh = (d.reduce((a, b) => a + b, 0) + tenth) % 10;
  return `${first9}${tenth}${eleventh}`;
}

test('Turkish identity numbers count only with valid check digits', () => {
  assert.equal(tcKimlikValid('10000000146'), true);
  assert.equal(tcKimlikValid('10000000147'), false, 'wrong 11th digit');
  assert.equal(tcKimlikValid('10000000156'), false, 'wrong 10th digit');
  assert.equal(tcKimlikValid('00000000000'), false, 'never starts with 0');
  const valid = Array.from({ length: 30 }, (_, i) => tcKimlik(String(123_456_000 + i * 97)));
  const r = detectPii(valid.map((n, i) => `${i + 1};Mehmet ${i};${n}`).join('\n'));
  assert.equal(r.counts.nationalIds, 30);
  assert.equal(r.verdict, 'leak');
  assert.ok(!JSON.stringify(r).includes(valid[0] as string));
  // The same numbers with the last digit changed are not identity numbers.
  const broken = valid.map((n) => `${n.slice(0, 10)}${(Number(n[10]) + 1) % 10}`);
  assert.equal(detectPii(broken.map((n, i) => `${i + 1};Mehmet ${i};${n}`).join('\n')).counts.nationalIds, 0);
});

test('Iraqi national card numbers (12 digits, no published check digit) count only under a label or a labelled column', () => {
  const numbers = Array.from({ length: 25 }, (_, i) => String(199_000_000_000 + i * 7_919));
  const table = `name,national_id,city\n${numbers.map((n, i) => `Ali ${i},${n},Baghdad`).join('\n')}`;
  const r = detectPii(table);
  assert.equal(r.counts.nationalIds, 25);
  assert.equal(r.verdict, 'leak');
  const arabic = detectPii(numbers.map((n) => `رقم البطاقة الوطنية: ${n}`).join('\n'));
  assert.equal(arabic.counts.nationalIds, 25);
  // Bare 12-digit numbers (order numbers, tracking codes) are not counted.
  assert.equal(detectPii(`order,total\n${numbers.map((n) => `${n},5000`).join('\n')}`).counts.nationalIds, 0);
});

test('passport numbers from machine-readable zones count only when every check digit holds', () => {
  const specimen = 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'; // ICAO 9303's specimen passport
  assert.equal(mrzPassport(specimen), 'UTO:L898902C3');
  assert.equal(mrzCheckDigit('L898902C3'), 6);
  assert.equal(mrzPassport(specimen.replace('C36', 'C37')), null, 'wrong document number check digit');
  assert.equal(mrzPassport(`${specimen.slice(0, 43)}1`), null, 'wrong composite check digit');
  assert.equal(mrzPassport(specimen.replace('7408122', '7408123')), null, 'wrong birth date check digit');
  const r = detectPii(`P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n${specimen}\n`);
  assert.deepEqual([r.counts.passports, r.counts.phones, r.counts.cards], [1, 0, 0]);
  assert.deepEqual(r.kinds, ['passports']);
});

test('street addresses: a street word with a number, in Arabic and English; one shop address is not a leak', () => {
  const rows = Array.from({ length: 20 }, (_, i) => `${i + 1}|زينب ${i}|بغداد، محلة ${900 + i} زقاق ${i + 3} دار ${i + 1}`);
  const r = detectPii(rows.join('\n'));
  assert.equal(r.counts.addresses, 20);
  assert.equal(r.verdict, 'leak');
  assert.equal(detectPii('Ali lives at 221B Baker Street').counts.addresses, 1);
  assert.equal(detectPii('Send it to house no. 7 near the bridge').counts.addresses, 1);
  assert.equal(detectPii('Visit our shop on Rasheed Street, open daily').counts.addresses, 0, 'a street without a number');
  assert.equal(detectPii('شارع فلسطين قرب الجامعة').counts.addresses, 0);
  assert.equal(detectPii('Visit us at 12 Rasheed Street, Baghdad. Call 0770 123 4567').verdict, 'none');
});
