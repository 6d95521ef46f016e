import assert from 'node:assert/strict';
import { test } from 'node:test';
import { categoryOfMail } from './mail-category.ts';
import { fieldsOf, linksIn, MAIL_LIMITS, readMail } from './mail-message.ts';

test('links are found once each, without trailing punctuation, and bounded in number', () => {
  assert.deepEqual(linksIn('See https://v.test/c/abc. And (https://v.test/c/abc/2), «https://v.test/bot/x»!'), [
    'https://v.test/c/abc',
    'https://v.test/c/abc/2',
    'https://v.test/bot/x',
  ]);
  const many = Array.from({ length: 500 }, (_, i) => `https://v.test/c/ch${i}`).join(' ');
  assert.equal(linksIn(many).length, MAIL_LIMITS.links);
});

test('machine-readable report fields are read as lower-case keys', () => {
  assert.deepEqual(fieldsOf('Feedback-Type: abuse\r\nReported-Uri: https://v.test/c/x\r\nnot a field'), [
    ['feedback-type', 'abuse'],
    ['reported-uri', 'https://v.test/c/x'],
  ]);
});

test('a mail’s category comes from its report type, then from unmistakable words, else other', () => {
  assert.equal(categoryOfMail('phishing', '', ''), 'fraud');
  assert.equal(categoryOfMail(null, 'قناة داعش', ''), 'terrorism');
  assert.equal(categoryOfMail(null, '', 'ئەم کەسە هەڕەشە دەکات'), 'extortion');
  assert.equal(categoryOfMail(null, 'Arnaque', ''), 'fraud');
  assert.equal(categoryOfMail(null, 'Hello', 'please look at this channel'), 'other');
});

test('HTML-only mail, forwarded messages and attachments: links from each, attachments as digests only', async () => {
  const raw = [
    'From: a@example.org',
    'Subject: fwd',
    'Auto-Submitted: no',
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="b"',
    '',
    '--b',
    'Content-Type: text/html; charset=utf-8',
    '',
    '<p>Look: <a href="https://v.test/c/from_html">here</a><script>alert(1)</script></p>',
    '--b',
    'Content-Type: message/rfc822',
    '',
    'From: b@example.org',
    'Subject: original',
    '',
    'The original names https://v.test/stickers/pack1',
    '--b',
    'Content-Type: application/x-msdownload; name="run.exe"',
    'Content-Disposition: attachment; filename="run.exe"',
    'Content-Transfer-Encoding: base64',
    '',
    Buffer.from('MZ not really an exe').toString('base64'),
    '--b--',
    '',
  ].join('\r\n');
  const mail = await readMail(Buffer.from(raw));
  assert.ok(mail.links.includes('https://v.test/c/from_html'));
  assert.ok(mail.links.includes('https://v.test/stickers/pack1'), 'the forwarded message’s link');
  assert.equal(mail.automatic, false);
  assert.equal(mail.evidence.length, 1);
  assert.equal(mail.evidence[0].filename, 'run.exe');
  assert.match(mail.evidence[0].sha256, /^[0-9a-f]{64}$/);
  assert.doesNotMatch(mail.text, /<script>/, 'HTML is read as text, never kept as markup');
});

test('bounces, lists and mail without a sender are never answered', async () => {
  const bounce = await readMail(Buffer.from('From: MAILER-DAEMON@x.example\r\nSubject: failure\r\n\r\nbody'));
  assert.equal(bounce.automatic, true);
  const list = await readMail(Buffer.from('From: news@x.example\r\nList-Id: <news.x.example>\r\n\r\nbody'));
  assert.equal(list.automatic, true);
  const none = await readMail(Buffer.from('Subject: who\r\n\r\nbody'));
  assert.equal(none.from, null);
  assert.equal(none.automatic, true);
});
