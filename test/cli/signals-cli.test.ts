// `vigil signals eval <file.jsonl>` as an operator runs it: one JSON line per input, from the live and
// shadow rules of the repository's rules/ folder and the personal-data leak detector, and nothing written.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { runVigil } from '../helpers/cli-process.ts';

test('vigil signals eval prints the signals of each line and writes nothing', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'vigil-eval-'));
  try {
    const file = path.join(dir, 'items.jsonl');
    const lines = [
      { id: 'fraud-en', text: 'DOUBLE YOUR MONEY in a week, invest now and dm me' },
      { id: 'news-ar', text: 'أعلنت السلطات مقتل عشرة أشخاص في هجوم إرهابي على سوق في بغداد', lang: 'ar' },
      { id: 'shop-bot', kind: 'bot', title: 'cvv_shop', text: 'fresh CVV for sale' },
      { id: 'threat-ru', text: 'У меня твои интимные фото. Заплати, иначе отправлю всем твоим друзьям', lang: 'ru' },
      { id: 'shop', text: 'Fresh bread every morning, order on 0770 123 4567' },
      { id: 'leak', text: Array.from({ length: 25 }, (_, i) => `user${i}@mail.iq:secret${i}x`).join('\n') },
    ];
    await writeFile(file, `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`);
    const dataDir = path.join(dir, 'data');
    const r = await runVigil({ dataDir, databaseUrl: '' }, ['signals', 'eval', file]);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(
      r.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l)),
      [
        { id: 'fraud-en', signals: [{ source: 'rule', rule: 'fraud.fast-cash', category: 'fraud', score: 0.6 }] },
        { id: 'news-ar', signals: [] },
        { id: 'shop-bot', signals: [{ source: 'rule', rule: 'fraud.hacked-accounts-cards', category: 'fraud', score: 0.8 }] },
        { id: 'threat-ru', signals: [{ source: 'rule', rule: 'extortion.sextortion-threat', category: 'extortion', score: 0.9 }] },
        { id: 'shop', signals: [] },
        {
          id: 'leak',
          signals: [
            {
              source: 'pii',
              kind: 'personal_data_leak',
              category: 'personal_data',
              counts: { phones: 0, emails: 25, cards: 0, passwordPairs: 25, nationalIds: 0, passports: 0, addresses: 0 },
            },
          ],
        },
      ],
    );
    assert.ok(!existsSync(dataDir), 'no data directory or database was created');

    await writeFile(file, '{"id":1}\n');
    const bad = await runVigil({ dataDir, databaseUrl: '' }, ['signals', 'eval', file]);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /items\.jsonl:1: "text" must be a string/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('vigil signals eval reads a line in its "lang" when given, else in the language detected from its text', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'vigil-eval-lang-'));
  try {
    const rules = path.join(dir, 'rules');
    await mkdir(rules);
    await writeFile(
      path.join(rules, 'fa.yaml'),
      'rules:\n  - id: test.fa-usdt\n    description: Persian only.\n    category: fraud\n    state: shadow\n    languages: [fa]\n    fields: [post_text]\n    keywords:\n      fa: [usdt]\n    score: 0.5\n',
    );
    const arabic = 'نبيع حسابات مخترقة وبطاقات جاهزة، الدفع بعملة USDT فقط، تواصل معنا على تيليجرام للطلب';
    const persian = 'فروش اکانت‌های هک شده و کارت‌های آماده، پرداخت فقط با USDT، برای سفارش در تلگرام پیام بدهید';
    const file = path.join(dir, 'items.jsonl');
    const lines = [
      { id: 'ar-detected', text: arabic },
      { id: 'ar-said-fa', text: arabic, lang: 'fa' },
      { id: 'fa-detected', text: persian },
      { id: 'short', text: 'USDT 500$' },
    ];
    await writeFile(file, `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`);
    const r = await runVigil({ dataDir: path.join(dir, 'data'), databaseUrl: '' }, ['signals', 'eval', file, '--rules', rules]);
    assert.equal(r.code, 0, r.stderr);
    const fired = Object.fromEntries(
      r.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l))
        .map((o) => [o.id, o.signals.map((s: { rule: string }) => s.rule)]),
    );
    assert.deepEqual(fired, { 'ar-detected': [], 'ar-said-fa': ['test.fa-usdt'], 'fa-detected': ['test.fa-usdt'], short: ['test.fa-usdt'] });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
