// The abuse mailbox over real sockets on loopback: an SMTP session delivers a plain Arabic abuse mail, an
// ARF report, an X-ARF report about a private group and a malformed message; the answers land in the
// outbox in the sender's language; machines are not answered; floods are refused, not answered; and a
// reporter who wrote by mail is told the decision by mail. Runs on SQLite and, with VIGIL_DATABASE_URL, on PostgreSQL.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import nodemailer from 'nodemailer';
import pino from 'pino';
import { SMTPServer } from 'smtp-server';
import { startSmtpListener } from '../../src/intake/mail/smtp-listener.ts';
import { type Api, apiClient } from '../helpers/api.ts';
import { staffToken } from '../helpers/people.ts';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';

const ABUSE = 'abuse@vigil.test';
const PUBLIC = 'https://vigil.test';

describe('abuse mailbox', () => {
  let t: TestApp;
  let api: Api;
  let smtp: { port: number; close(): Promise<void> };
  let moderator: string;
  let owner: { id: string; token: string };
  let groupId: string;

  before(async () => {
    t = await startTestApp({ abuseAddresses: [ABUSE], mailSenderLimit: 4, mailReplyLimit: 3, publicUrl: PUBLIC });
    api = apiClient(t.app);
    moderator = await staffToken(t, 'moderator');
    owner = await api.account('owner');
    for (const [handle, title] of [
      ['cash_fast', 'Fast cash'],
      ['leaks_iq', 'Leaks'],
      ['spam_news', 'News'],
    ])
      assert.equal((await api.post('/api/v1/channels', { handle, title }, { token: owner.token })).status, 201);
    assert.equal((await api.post('/api/v1/channels/leaks_iq/posts', { text: 'first post' }, { token: owner.token })).status, 201);
    const g = await api.post('/api/v1/groups', { title: 'Family' }, { token: owner.token });
    assert.equal(g.status, 201, g.text);
    groupId = g.body.id;
    smtp = await startSmtpListener({
      port: 0,
      host: '127.0.0.1',
      addresses: [ABUSE],
      maxBytes: 200_000,
      perHour: 4,
      mailbox: t.ctx.mailbox,
      logger: pino({ level: 'silent' }),
    });
  });
  after(async () => {
    await smtp?.close();
    await t?.close();
  });

  const transport = () =>
    nodemailer.createTransport({ host: '127.0.0.1', port: smtp.port, secure: false, ignoreTLS: true, tls: { rejectUnauthorized: false } });
  const sendRaw = (from: string, raw: string, to = ABUSE) => transport().sendMail({ envelope: { from, to }, raw });
  const outbox = async () => (await api.get('/api/v1/mail/outbox?limit=100', { token: await staffToken(t, 'admin') })).body.mails;
  const outboxTo = async (address: string) => (await outbox()).filter((m: any) => m.to === address);

  test('a plain Arabic mail naming a channel files a report and is answered in Arabic with its number', async () => {
    const raw = [
      'From: Layla <layla@example.iq>',
      `To: ${ABUSE}`,
      'Subject: =?UTF-8?B?' + Buffer.from('بلاغ عن قناة احتيال').toString('base64') + '?=',
      'Message-ID: <ar-1@example.iq>',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=UTF-8',
      'Content-Transfer-Encoding: base64',
      '',
      Buffer.from(`السلام عليكم، هذه القناة تحتال على الناس وتطلب المال مقدماً ولا ترسل شيئاً: ${PUBLIC}/c/cash_fast\nأرجو إغلاقها.`).toString('base64'),
      '',
    ].join('\r\n');
    const info = await sendRaw('layla@example.iq', raw);
    assert.match(String(info.response), /^250 .*1 report/);
    const reports = await t.ctx.db.selectFrom('reports').selectAll().where('source', '=', 'email').execute();
    assert.equal(reports.length, 1);
    assert.equal(reports[0].category, 'fraud', 'the mail says احتيال');
    assert.equal(reports[0].contact_email, 'layla@example.iq');
    const [answer] = await outboxTo('layla@example.iq');
    assert.equal(answer.kind, 'receipt');
    assert.equal(answer.language, 'ar');
    assert.match(answer.subject, /تم استلام بلاغك/);
    assert.ok(answer.body.includes(reports[0].id), 'the report number');
    assert.ok(answer.body.includes(`${PUBLIC}/report/status/${reports[0].id}`), 'the status link');
    assert.equal(answer.inReplyTo, '<ar-1@example.iq>');

    // The same mail delivered twice (the sender's server retrying) files nothing twice.
    await sendRaw('layla@example.iq', raw);
    assert.equal((await t.ctx.db.selectFrom('reports').select('id').where('source', '=', 'email').execute()).length, 1);
  });

  test('an ARF report (RFC 5965) names a post in its machine part and is filed', async () => {
    const boundary = 'arf-boundary';
    const raw = [
      'From: Abuse desk <abuse@isp.example>',
      `To: ${ABUSE}`,
      'Subject: FW: abuse report',
      'Message-ID: <arf-1@isp.example>',
      'MIME-Version: 1.0',
      `Content-Type: multipart/report; report-type=feedback-report; boundary="${boundary}"`,
      '',
      `--${boundary}`,
      'Content-Type: text/plain; charset=US-ASCII',
      '',
      'This is an abuse report about content you host.',
      `--${boundary}`,
      'Content-Type: message/feedback-report',
      '',
      'Feedback-Type: fraud',
      'User-Agent: ExampleFBL/1.0',
      'Version: 1',
      `Reported-Uri: ${PUBLIC}/c/leaks_iq/1`,
      `--${boundary}`,
      'Content-Type: text/rfc822-headers',
      '',
      'From: scammer@spam.example',
      'Subject: win money',
      `--${boundary}--`,
      '',
    ].join('\r\n');
    await sendRaw('abuse@isp.example', raw);
    const rows = await t.ctx.db.selectFrom('reports').selectAll().where('contact_email', '=', 'abuse@isp.example').execute();
    assert.equal(rows.length, 1);
    assert.deepEqual(JSON.parse(rows[0].post_ids).length, 1, 'the post named by its link');
    assert.equal(rows[0].category, 'fraud', 'Feedback-Type: fraud');
    const [answer] = await outboxTo('abuse@isp.example');
    assert.equal(answer.language, 'en');
  });

  test('an X-ARF report about a private group gets the out-of-scope answer, in French', async () => {
    const boundary = 'xarf';
    const raw = [
      'From: Signalements <signal@asso.example>',
      `To: ${ABUSE}`,
      'Subject: Signalement de contenu',
      'X-XARF: PLAIN',
      'Message-ID: <xarf-1@asso.example>',
      'MIME-Version: 1.0',
      `Content-Type: multipart/mixed; boundary="${boundary}"`,
      '',
      `--${boundary}`,
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Bonjour, nous signalons un groupe qui diffuse des arnaques à ses membres, merci de le fermer.',
      `--${boundary}`,
      'Content-Type: text/plain; charset=utf-8; name="report.txt"',
      '',
      'Reported-From: signal@asso.example',
      'Category: fraud',
      'Report-Type: fraud',
      `Source: ${PUBLIC}/g/${groupId}`,
      `--${boundary}--`,
      '',
    ].join('\r\n');
    await sendRaw('signal@asso.example', raw);
    const rows = await t.ctx.db.selectFrom('reports').selectAll().where('contact_email', '=', 'signal@asso.example').execute();
    assert.equal(rows.length, 1);
    assert.equal(rows[0].status, 'declined_out_of_scope');
    const [answer] = await outboxTo('signal@asso.example');
    assert.equal(answer.language, 'fr');
    assert.match(answer.body, /n’est pas traité/);
    assert.doesNotMatch(answer.body, /\/g\/.*\n.*Report /, 'no status link is promised for a declined report');
    assert.ok(answer.body.length > 200, 'the policy’s reason is given');
  });

  test('a malformed message is accepted without a crash; one naming nothing gets what is needed', async () => {
    const info = await sendRaw(
      'lost@example.org',
      'From: lost@example.org\r\nContent-Type: multipart/mixed; boundary=\r\n\r\n--\x00\x01 garbage ==?=?utf-8?Q?broken\r\n',
    );
    assert.match(String(info.response), /^250 /);
    const [answer] = await outboxTo('lost@example.org');
    assert.equal(answer.kind, 'no_subject');
    assert.match(answer.body, /\/report/);
    // The listener still works.
    const ok = await sendRaw('lost2@example.org', `From: lost2@example.org\r\nSubject: hi\r\n\r\nPlease look at ${PUBLIC}/c/spam_news\r\n`);
    assert.match(String(ok.response), /^250 .*1 report/);
  });

  test('attachments are kept as evidence the report names, and reviewers download them as opaque files', async () => {
    const raw = [
      'From: witness@example.org',
      `To: ${ABUSE}`,
      'Subject: screenshot of the scam',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="att"',
      '',
      '--att',
      'Content-Type: text/plain; charset=utf-8',
      '',
      `The channel ${PUBLIC}/c/spam_news scams people; proof attached.`,
      '--att',
      'Content-Type: text/html; name="proof.html"',
      'Content-Disposition: attachment; filename="proof.html"',
      '',
      '<script>alert(1)</script>',
      '--att--',
      '',
    ].join('\r\n');
    await sendRaw('witness@example.org', raw);
    const [row] = await t.ctx.db.selectFrom('reports').selectAll().where('contact_email', '=', 'witness@example.org').execute();
    const id = /attachment (att_\S+?)\)/.exec(row.evidence ?? '')?.[1];
    assert.ok(id, `the evidence names the kept attachment: ${row.evidence}`);
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/mail/attachments/${id}`, headers: { authorization: `Bearer ${moderator}` } });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'application/octet-stream');
    assert.match(String(res.headers['content-disposition']), /^attachment; .*proof\.html/);
    assert.match(String(res.headers['content-security-policy']), /sandbox/);
    assert.equal(res.body, '<script>alert(1)</script>');
    const anonymous = await t.app.inject({ method: 'GET', url: `/api/v1/mail/attachments/${id}` });
    assert.equal(anonymous.statusCode, 401);
  });

  test('machines are never answered, mail for other addresses is refused, floods are refused without answers', async () => {
    await sendRaw(
      'mailer-daemon@isp.example',
      `From: MAILER-DAEMON@isp.example\r\nSubject: Undelivered\r\nAuto-Submitted: auto-replied\r\n\r\n${PUBLIC}/c/spam_news\r\n`,
    );
    await sendRaw('bot@example.org', `From: bot@example.org\r\nSubject: Out of office\r\nAuto-Submitted: auto-replied\r\n\r\nI am away.\r\n`);
    assert.deepEqual(await outboxTo('mailer-daemon@isp.example'), []);
    assert.deepEqual(await outboxTo('bot@example.org'), []);
    await assert.rejects(sendRaw('x@example.org', 'From: x@example.org\r\n\r\nhello\r\n', 'someone@vigil.test'), /550/);
    // Four mails an hour from one sender (the test's limit); the fifth is refused with a temporary error.
    for (let i = 0; i < 4; i++)
      await sendRaw('flood@example.org', `From: flood@example.org\r\nSubject: ${i}\r\nMessage-ID: <f${i}@example.org>\r\n\r\n${PUBLIC}/c/spam_news\r\n`);
    await assert.rejects(sendRaw('flood@example.org', 'From: flood@example.org\r\nSubject: 5\r\n\r\nmore\r\n'), /450/);
    assert.equal((await outboxTo('flood@example.org')).length, 3, 'at most three answers an hour to one address');
  });

  test('a reporter who wrote by mail is told the decision by mail, in the mail’s language', async () => {
    const cases = (await api.get('/api/v1/cases?limit=100', { token: moderator })).body.cases;
    const c = cases.find((x: any) => x.subjectLabel?.includes('cash_fast') || x.subjectLabel === 'Fast cash');
    assert.ok(c, 'the case of the Arabic mail');
    const d = await api.post(
      `/api/v1/cases/${c.id}/decide`,
      { outcome: 'actioned', actions: ['block'], category: 'fraud', statement: 'The channel takes advance payments and never delivers.' },
      { token: moderator },
    );
    assert.equal(d.status, 200, d.text);
    const mails = await outboxTo('layla@example.iq');
    const decision = mails.find((m: any) => m.kind === 'decision');
    assert.ok(decision, 'a decision mail');
    assert.equal(decision.language, 'ar');
    assert.match(decision.subject, /القرار بشأن بلاغك/);
    assert.ok(decision.body.includes('The channel takes advance payments and never delivers.'), 'the moderator’s statement as written');
  });
});

describe('abuse mailbox with a relay', () => {
  let t: TestApp;
  let relay: SMTPServer;
  const received: Array<{ to: string[]; raw: string }> = [];

  before(async () => {
    relay = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      logger: false,
      onData(stream, session, cb) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
          cb();
        });
      },
    });
    await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', () => resolve()));
    const address = relay.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    t = await startTestApp({ abuseAddresses: [ABUSE], smtpRelay: `smtp://127.0.0.1:${port}`, mailFrom: ABUSE, publicUrl: PUBLIC });
  });
  after(async () => {
    await t?.close();
    await new Promise<void>((resolve) => relay.close(() => resolve()));
  });

  test('the answer goes out through the relay, marked as written by a machine, and is sent once', async () => {
    const r = await t.ctx.mailbox.ingest(
      Buffer.from('From: reader@example.org\r\nSubject: a question\r\nMessage-ID: <q1@example.org>\r\n\r\nHello, nothing to report.\r\n'),
    );
    assert.equal(r.answer.kind, 'no_subject');
    await t.ctx.jobRunner.drain();
    assert.equal(received.length, 1);
    assert.deepEqual(received[0].to, ['reader@example.org']);
    assert.match(received[0].raw, /^Auto-Submitted: auto-replied/im);
    assert.match(received[0].raw, /^In-Reply-To: <q1@example.org>/im);
    const [row] = await t.ctx.db.selectFrom('mail_outbox').selectAll().execute();
    assert.ok(row.sent_at, 'marked sent');
    await t.ctx.jobRunner.drain();
    assert.equal(received.length, 1, 'not sent twice');
  });
});
