// The abuse mailbox: a mail becomes one report per subject it names (source `email`), and its sender
// gets one answer in the mail's language — the report numbers and status links, the policy's answer for
// private groups, or what is needed when the mail names nothing we host. Machines are never answered
// (auto-replies, bounces, lists: no mail loops), nor our own addresses, and one address gets at most a
// few answers an hour (no reply storms). Answers go to the outbox in the transaction that records the
// mail; a job sends them when a relay is configured (VIGIL_SMTP_RELAY), otherwise admins read them.
import { createHash } from 'node:crypto';
import type { Db } from '../../db/database.ts';
import type { OutboxKind } from '../../db/schema-mail.ts';
import type { JobQueue } from '../../jobs/job-queue.ts';
import { AppError } from '../../shared/errors.ts';
import { matchLanguage, type Language } from '../../shared/i18n/languages.ts';
import { newId, newTimeOrderedId } from '../../shared/ids.ts';
import { detectLanguage } from '../../shared/language.ts';
import type { ServerSecret } from '../../shared/secrets.ts';
import { nowIso } from '../../shared/time.ts';
import { decodeCursor, encodeCursor } from '../../shared/paging.ts';
import { toFlag } from '../../db/columns.ts';
import type { Answer } from '../../cases/answer.ts';
import type { Reporter } from '../reporter.ts';
import type { ReportsService } from '../reports.service.ts';
import { categoryOfMail } from './mail-category.ts';
import { type IncomingMail, readMail } from './mail-message.ts';
import { decisionText, type FiledReport, type MailText, noSubjectText, receiptText } from './mail-texts.ts';
import type { MailedReport, ReporterMail } from '../../cases/reporter-mail.ts';
import { MailRepository } from './mail.repository.ts';

export const MAIL_SEND_JOB = 'mail.send';
export interface MailSendJob {
  id: string;
}

export interface MailboxOptions {
  db: Db;
  reports: ReportsService;
  secret: ServerSecret;
  jobs: JobQueue;
  publicUrl: string;
  /** Our own addresses: mail from them is never answered. */
  abuseAddresses: string[];
  /** Whether a relay sends the outbox (a send job per mail); otherwise admins read it. */
  relay: boolean;
  /** Answers to one address per hour, at most. */
  repliesPerHour: number;
}

export interface MailOutcome {
  mailId: string;
  language: Language;
  format: IncomingMail['format'];
  reports: Array<{ link: string; id: string; status: string }>;
  /** Why no answer was sent, when none was. */
  answer: { kind: OutboxKind; outboxId: string } | { kind: 'none'; why: 'automatic' | 'no_sender' | 'own_address' | 'too_many_replies' };
}

/** The explanation filed with each report: the mail's subject and the start of its text. */
const EXPLANATION_CHARS = 4000;
const isOutboxCursor = (v: unknown): v is [string, string] => Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string';
const HOUR_MS = 3_600_000;

export class MailboxService implements ReporterMail {
  #o: MailboxOptions;
  constructor(o: MailboxOptions) {
    this.#o = { ...o, abuseAddresses: o.abuseAddresses.map((a) => a.toLowerCase()) };
  }

  /** The mailbox's reporter: one per sender address, told apart by a keyed hash like anonymous reporters. */
  senderKey(address: string | null): string {
    return `mail:${this.#o.secret
      .mac('mail-sender', address ?? 'unknown')
      .toString('hex')
      .slice(0, 20)}`;
  }

  /** Mails this sender sent in the last hour, counted up to `atMost` (the listener's flood limit). */
  recentFrom(address: string | null, atMost: number): Promise<number> {
    return new MailRepository(this.#o.db).countFromSender(this.senderKey(address), new Date(Date.now() - HOUR_MS).toISOString(), atMost);
  }

  async ingest(raw: Buffer): Promise<MailOutcome> {
    const mail = await readMail(raw);
    const language = languageOf(mail);
    const reporter: Reporter = { source: 'email', key: this.senderKey(mail.from), accountId: null, label: 'e-mail', country: null };
    const category = categoryOfMail(mail.reportType, mail.subject, mail.text);
    const explanation = `${mail.subject}\n\n${mail.text}`.trim().slice(0, EXPLANATION_CHARS) || '(empty mail)';
    // Attachments are evidence: kept (within limits) under ids the reports name, never opened.
    const kept = mail.evidence.map((e) => ({ ...e, id: e.content ? newId('att') : null }));
    const evidence = kept.length
      ? kept
          .map((e) => `${e.filename} (${e.contentType}, ${e.size} bytes, sha256 ${e.sha256}${e.id ? `, attachment ${e.id}` : ', not kept: too large'})`)
          .join('\n')
      : undefined;
    // Replays of one mail (the sender's server retrying) file nothing twice: the key is the mail's id, else its digest.
    const mailKey = mail.messageId ?? createHash('sha256').update(raw).digest('hex');
    const filed: FiledReport[] = [];
    for (const link of mail.links) {
      try {
        const ack = await this.#o.reports.submit(
          { subject: link, category, explanation, evidence, contact: mail.from ? { email: mail.from } : undefined, bonaFide: true },
          reporter,
          `${mailKey}|${link}`.slice(0, 500),
        );
        filed.push({
          link,
          id: ack.id,
          statusUrl: ack.statusUrl,
          ...(ack.status === 'declined_out_of_scope' ? { declined: await this.#o.reports.answerOf(ack.id) } : {}),
        });
      } catch (err) {
        // A link to something we do not host (or nothing at all) is simply not a subject.
        if (err instanceof AppError && (err.status === 400 || err.status === 404)) continue;
        throw err;
      }
    }

    const at = nowIso();
    const mailId = newTimeOrderedId('mail');
    const outcome = await this.#o.db.transaction().execute(async (trx) => {
      const repo = new MailRepository(trx);
      const why = await this.#whyNoAnswer(repo, mail);
      let answer: MailOutcome['answer'];
      if (why) answer = { kind: 'none', why };
      else {
        const kind: OutboxKind = filed.length ? 'receipt' : 'no_subject';
        const text = kind === 'receipt' ? receiptText(language, filed, mail.subject) : noSubjectText(language, this.#o.publicUrl, mail.subject);
        answer = { kind, outboxId: await this.#toOutbox(trx, { to: mail.from ?? '', kind, language, text, inReplyTo: mail.messageId, at }) };
      }
      for (const e of kept)
        if (e.id && e.content)
          await repo.insertAttachment({
            id: e.id,
            mail_id: mailId,
            filename: e.filename,
            content_type: e.contentType,
            size: e.size,
            sha256: e.sha256,
            content_base64: e.content.toString('base64'),
            created_at: at,
          });
      await repo.insertMessage({
        id: mailId,
        message_id: mail.messageId,
        sender_key: reporter.key,
        format: mail.format,
        report_type: mail.reportType?.slice(0, 64) ?? null,
        language,
        links: mail.links.length,
        report_ids: JSON.stringify(filed.map((f) => f.id)),
        evidence: JSON.stringify(kept.map(({ content: _bytes, ...e }) => e)),
        answered: toFlag(answer.kind !== 'none'),
        received_at: at,
      });
      return answer;
    });
    return {
      mailId,
      language,
      format: mail.format,
      reports: filed.map((f) => ({ link: f.link, id: f.id, status: f.declined ? 'declined_out_of_scope' : 'received' })),
      answer: outcome,
    };
  }

  /** A kept attachment, for download by reviewers. */
  async attachment(id: string) {
    const a = await new MailRepository(this.#o.db).findAttachment(id);
    return a && { filename: a.filename, contentType: a.content_type, size: a.size, sha256: a.sha256, bytes: Buffer.from(a.content_base64, 'base64') };
  }

  /** The outbox, newest first, a keyset page at a time. */
  async outbox(limit: number, cursor?: string) {
    const after = decodeCursor(cursor, isOutboxCursor);
    const rows = await new MailRepository(this.#o.db).listOutbox(limit + 1, after && { createdAt: after[0], id: after[1] });
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      mails: page.map((m) => ({
        id: m.id,
        to: m.to_address,
        kind: m.kind,
        language: m.language,
        subject: m.subject,
        body: m.body,
        inReplyTo: m.in_reply_to,
        createdAt: m.created_at,
        sentAt: m.sent_at,
      })),
      nextCursor: rows.length > limit && last ? encodeCursor([last.created_at, last.id]) : null,
    };
  }

  /** A decision told to reporters who wrote by mail, in the deciding transaction, each in their mail's language. */
  async tell(trx: Db, reports: MailedReport[], answer: Answer, at: string): Promise<void> {
    for (const r of reports) {
      const language = matchLanguage(r.language) ?? 'en';
      await this.#toOutbox(trx, { to: r.email, kind: 'decision', language, text: decisionText(language, r, answer), inReplyTo: null, at });
    }
  }

  /** Writes one outbox mail in `trx` (and its send job when a relay sends the outbox); returns its id. */
  async #toOutbox(trx: Db, m: { to: string; kind: OutboxKind; language: string; text: MailText; inReplyTo: string | null; at: string }): Promise<string> {
    const id = newId('out');
    await new MailRepository(trx).insertOutbox({
      id,
      to_address: m.to,
      kind: m.kind,
      language: m.language,
      subject: m.text.subject,
      body: m.text.body,
      in_reply_to: m.inReplyTo,
      created_at: m.at,
      sent_at: null,
    });
    if (this.#o.relay) await this.#o.jobs.enqueue(trx, MAIL_SEND_JOB, { id } satisfies MailSendJob, { dedupeKey: `mail.send:${id}` });
    return id;
  }

  async #whyNoAnswer(repo: MailRepository, mail: IncomingMail): Promise<'automatic' | 'no_sender' | 'own_address' | 'too_many_replies' | undefined> {
    if (!mail.from) return 'no_sender';
    if (mail.automatic) return 'automatic';
    if (this.#o.abuseAddresses.includes(mail.from)) return 'own_address';
    const recent = await repo.countOutboxTo(mail.from, new Date(Date.now() - HOUR_MS).toISOString(), this.#o.repliesPerHour);
    return recent >= this.#o.repliesPerHour ? 'too_many_replies' : undefined;
  }
}

/** The mail's language: what its software declared, else what its text reads as; English when neither is one of ours. */
function languageOf(mail: IncomingMail): Language {
  return matchLanguage(mail.declaredLanguage) ?? matchLanguage(detectLanguage(`${mail.subject}\n${mail.text}`)) ?? 'en';
}
